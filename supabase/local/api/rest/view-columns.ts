// Which base column each column of a view shows, read from the view's rewrite rule
// (pg_rewrite.ev_action): the top-level query's target entries carry `:resorigtbl` and
// `:resorigcol` for a column taken straight from a relation. PostgREST reads the same fields to
// give views the foreign keys (and keys) of the tables they show.

export type ColumnSource = { rel: string; col: number };

/**
 * View column number → the relation (oid) and column it comes from, for the columns that come
 * straight from one. The node text nests `{…}` nodes; escaped characters (`\{`) are skipped.
 */
export function viewColumnSources(action: string): Map<number, ColumnSource> {
  const out = new Map<number, ColumnSource>();
  let depth = 0;
  let i = 0;
  // find ` :targetList ` in the top-level QUERY node (depth 1)
  let start = -1;
  for (; i < action.length; i++) {
    const ch = action[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth === 1 && action.startsWith(' :targetList ', i)) {
      start = i + ' :targetList '.length;
      break;
    }
  }
  if (start < 0) return out;
  let entry: Record<string, number> = {};
  for (i = start; i < action.length; i++) {
    const ch = action[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '{') {
      depth++;
      if (depth === 2) entry = {};
    } else if (ch === '}') {
      if (depth === 2 && entry.resorigtbl && entry.resorigcol)
        out.set(entry.resno, { rel: String(entry.resorigtbl), col: entry.resorigcol });
      depth--;
    } else if (depth === 1 && action.startsWith(' :', i)) {
      break; // the field after targetList
    } else if (depth === 2 && ch === ':') {
      const m = /^:(resno|resorigtbl|resorigcol) (\d+)/.exec(action.slice(i, i + 40));
      if (m) entry[m[1]] = Number(m[2]);
    }
  }
  return out;
}
