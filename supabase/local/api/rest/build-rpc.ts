// /rpc/<fn>: choose the overload from the argument names, then call it with named
// arguments decoded by json_to_record — PostgreSQL converts each value to the parameter type.
import { ApiError } from './errors.ts';
import { ident, qident, type Params } from './sql.ts';
import type { Func } from '../schema-cache.ts';

/** A function of one json/jsonb argument, named or not: `Prefer: params=single-object` calls it with the body. */
export const takesOneJson = (f: Func) => f.args.length === 1 && ['json', 'jsonb'].includes(f.args[0].type);

export function chooseFunction(
  candidates: Func[] | undefined, schema: string, name: string, argNames: string[], rawBody: boolean, singleObject = false,
): Func {
  const fits = (candidates ?? []).filter((f) => {
    if (singleObject) return takesOneJson(f);
    if (rawBody) return f.singleUnnamedJson;
    if (f.singleUnnamedJson && argNames.length > 0) return true;
    const names = new Set(f.args.map((a) => a.name));
    return argNames.every((n) => names.has(n)) && f.args.every((a) => a.hasDefault || argNames.includes(a.name));
  });
  // an exact named match beats the catch-all single-json-argument form
  const named = fits.filter((f) => !f.singleUnnamedJson);
  const pick = named.length ? named : fits;
  if (pick.length === 1) return pick[0];
  const sig = `${schema}.${name}(${[...argNames].sort().join(', ')})`;
  if (pick.length === 0) {
    throw new ApiError(
      404, 'PGRST202',
      `Could not find the function ${schema}.${name}${argNames.length ? `(${[...argNames].sort().join(', ')})` : ' without parameters'} in the schema cache`,
      `Searched for the function ${sig} with parameter names or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
      'If a new function was created in the database with this name and parameters, try reloading the schema cache.',
    );
  }
  throw new ApiError(
    300, 'PGRST203',
    `Could not choose the best candidate function between: ${pick.map((f) => `${f.schema}.${f.name}(${f.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`).join(', ')}`,
    null,
    'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  );
}

/**
 * CTEs that make the call: `pgrst_source` holds its result rows (one column "pgrst_scalar"
 * for scalar functions). `args` is the JSON object of named arguments.
 */
export function callCte(p: Params, f: Func, args: string, argNames: string[], singleObject = false): string {
  const fn = qident(f.schema, f.name);
  let call: string;
  let from = '';
  if (f.singleUnnamedJson || singleObject) {
    call = `${fn}(${p.add(args, f.args[0].type)})`;
  } else {
    const used = f.args.filter((a) => argNames.includes(a.name));
    const named = used.map((a) => {
      const variadic = f.variadic && a === f.args.at(-1) ? 'VARIADIC ' : '';
      return `${ident(a.name)} := ${variadic}"pgrst_args".${ident(a.name)}`;
    });
    call = `${fn}(${named.join(', ')})`;
    if (used.length) {
      // argument types come from the catalog (format_type), names are quoted
      const defs = used.map((a) => `${ident(a.name)} ${a.type}`).join(', ');
      from = `json_to_record(${p.add(args, 'json')}) AS "pgrst_args"(${defs}), `;
    }
  }
  if (f.returns === 'rows') return `"pgrst_source" AS (SELECT "pgrst_f".* FROM ${from}LATERAL ${call} AS "pgrst_f")`;
  return `"pgrst_source" AS (SELECT "pgrst_f"."pgrst_scalar" FROM ${from}LATERAL ${call} AS "pgrst_f"("pgrst_scalar"))`;
}
