import type { CrudFilter, CrudOperators, HttpError, LogicalFilter } from '@refinedev/core';

// What @refinedev/supabase's generateFilter turns refine filters into, and what has to change
// before it runs: user values must never become PostgREST syntax, and operators it cannot
// express must fail with a clear message instead of a server 400 or, worse, wrong rows.
//
// What generateFilter emits (checked against the API in tests/integration/data-provider-personas):
// - top level: values go through supabase-js, which encodes the whole value, so only LIKE
//   wildcards need escaping; `ncontains(s)` send the bare value (no `%…%`), `nnull` sends
//   `not.is.<value>`, `nin`/`startswiths`/`endswiths`/`n…with(s)` reach the server as
//   operators PostgREST does not have (or, for nin, as an unparenthesised list).
// - inside `or`: `field.op.value` joined with commas; only contains/containss/in/ina/nina
//   values get quotes, so a comma or parenthesis in any other value ends the condition.
//   startswith/endswith map to no PostgREST operator; nested and/or are dropped.
// PostgREST rewrites every `*` in a like/ilike pattern to `%`, so a literal `*` cannot be
// matched with LIKE; such values use the (i)match regex operators with everything escaped.

export function badRequest(message: string): HttpError {
  return { statusCode: 400, message };
}

/** A PostgreSQL LIKE pattern matching `value` literally (backslash is LIKE's escape). */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

/** A PostgreSQL regular expression (ARE) matching `value` literally. */
export function regexLiteral(value: string): string {
  // in an ARE a backslash before any non-alphanumeric character makes it literal
  return value.replace(/[^\p{L}\p{N}\s]/gu, '\\$&');
}

/** A value inside an `or=(…)` tree: double-quoted, with `"` and `\` escaped. */
export function quoteTreeValue(value: string): string {
  return `"${escapeQuoted(value)}"`;
}

function escapeQuoted(value: string): string {
  return value.replace(/[\\"]/g, '\\$&');
}

/** An element of a PostgreSQL array literal, quoted. */
function arrayElement(value: unknown): string {
  return `"${escapeQuoted(String(value))}"`;
}

/** The `or` expression for a case-insensitive substring search over `fields`. */
export function substringSearch(fields: readonly string[], term: string): string {
  const [op, value] = term.includes('*') ? ['imatch', regexLiteral(term)] : ['ilike', `%${likeLiteral(term)}%`];
  return fields.map((field) => `${field}.${op}.${quoteTreeValue(value)}`).join(',');
}

// Refused outright: PostgREST has no such operator and generateFilter has no translation.
const UNSUPPORTED: Partial<Record<CrudOperators, string>> = {
  nin: 'use "in" on the complementary values, or a negated condition the list can express',
  nbetween: 'use "lt" the lower bound or "gt" the upper bound inside "or"',
  startswiths: 'use "startswith" (case-insensitive)',
  endswiths: 'use "endswith" (case-insensitive)',
  nstartswith: 'PostgREST has no negated prefix match here',
  nstartswiths: 'PostgREST has no negated prefix match here',
  nendswith: 'PostgREST has no negated suffix match here',
  nendswiths: 'PostgREST has no negated suffix match here',
};
const UNSUPPORTED_IN_OR: Partial<Record<CrudOperators, string>> = {
  ...UNSUPPORTED,
  startswith: 'generateFilter emits no PostgREST operator for it inside "or"',
  endswith: 'generateFilter emits no PostgREST operator for it inside "or"',
  between: 'use "gte" and "lte" (an "and" cannot be nested in "or")',
};

function refuse(operator: string, where: string, why: string): never {
  throw badRequest(`Filter operator "${operator}"${where} is not supported: ${why}.`);
}

function requireArray(filter: LogicalFilter, where: string): unknown[] {
  if (!Array.isArray(filter.value)) refuse(filter.operator, where, 'it expects a list of values');
  return filter.value;
}

// Substring family: [LIKE operator refine uses, regex operator for values with `*`].
const SUBSTRING: Partial<Record<CrudOperators, { like: 'ilike' | 'like'; regex: string; negated: boolean }>> = {
  contains: { like: 'ilike', regex: 'imatch', negated: false },
  ncontains: { like: 'ilike', regex: 'imatch', negated: true },
  containss: { like: 'like', regex: 'match', negated: false },
  ncontainss: { like: 'like', regex: 'match', negated: true },
  startswith: { like: 'ilike', regex: 'imatch', negated: false },
  endswith: { like: 'ilike', regex: 'imatch', negated: false },
};

// A regex condition rides through generateFilter's default branch, which passes unknown
// operators to PostgREST verbatim.
const rawOperator = (op: string) => op as LogicalFilter['operator'];

function topLevel(filter: LogicalFilter): LogicalFilter {
  const { operator } = filter;
  const why = UNSUPPORTED[operator];
  if (why) refuse(operator, '', why);
  switch (operator) {
    case 'eqs':
      return { ...filter, operator: 'eq' }; // PostgREST eq is already case-sensitive
    case 'nes':
      return { ...filter, operator: 'ne' };
    case 'in':
      requireArray(filter, '');
      return filter;
    case 'ina':
      // supabase-js writes `cs.{a,b}` without quoting the elements
      return { ...filter, value: requireArray(filter, '').map(arrayElement) };
    case 'nina':
      // generateFilter quotes the elements itself, without escaping them
      return { ...filter, value: requireArray(filter, '').map((v) => escapeQuoted(String(v))) };
    case 'between':
      if (requireArray(filter, '').length !== 2) refuse(operator, '', 'it expects [from, to]');
      return filter;
    case 'null':
    case 'nnull':
      return { ...filter, value: null };
  }
  const substring = SUBSTRING[operator];
  if (!substring) return filter;
  const text = String(filter.value ?? '');
  if (text.includes('*')) {
    const anchored =
      operator === 'startswith'
        ? `^${regexLiteral(text)}`
        : operator === 'endswith'
          ? `${regexLiteral(text)}$`
          : regexLiteral(text);
    return {
      ...filter,
      operator: rawOperator(`${substring.negated ? 'not.' : ''}${substring.regex}`),
      value: anchored,
    };
  }
  // generateFilter adds the `%` itself for these; the negated ones arrive bare
  return { ...filter, value: substring.negated ? `%${likeLiteral(text)}%` : likeLiteral(text) };
}

function insideOr(filter: CrudFilter): LogicalFilter {
  if (!('field' in filter)) refuse(filter.operator, ' nested inside "or"', 'PostgREST trees are written flat here');
  const { operator } = filter;
  const why = UNSUPPORTED_IN_OR[operator];
  if (why) refuse(operator, ' inside "or"', why);
  const where = ' inside "or"';
  switch (operator) {
    case 'eqs':
    case 'nes':
    case 'eq':
    case 'ne':
    case 'lt':
    case 'gt':
    case 'lte':
    case 'gte': {
      const op = operator === 'eqs' ? 'eq' : operator === 'nes' ? 'ne' : operator;
      return { ...filter, operator: op, value: quoteTreeValue(String(filter.value)) };
    }
    case 'in':
    case 'nina':
    case 'ina':
      // generateFilter quotes each element itself, without escaping it
      return { ...filter, value: requireArray(filter, where).map((v) => escapeQuoted(String(v))) };
    case 'null':
    case 'nnull':
      return { ...filter, value: 'null' };
  }
  const substring = SUBSTRING[operator];
  if (!substring) refuse(operator, where, 'unknown operator');
  const text = String(filter.value ?? '');
  if (text.includes('*')) {
    return {
      ...filter,
      operator: rawOperator(`${substring.negated ? 'not.' : ''}${substring.regex}`),
      value: quoteTreeValue(regexLiteral(text)),
    };
  }
  // contains/containss get `"%…%"` from generateFilter; the negated ones arrive bare
  return substring.negated
    ? { ...filter, value: quoteTreeValue(`%${likeLiteral(text)}%`) }
    : { ...filter, value: escapeQuoted(likeLiteral(text)) };
}

/**
 * The filters as generateFilter must receive them: values escaped for where they end up,
 * operators it mistranslates rewritten, those it cannot express refused (HttpError 400).
 */
export function prepareFilters(filters: readonly CrudFilter[] | undefined): CrudFilter[] {
  return (filters ?? []).map((filter) => {
    if (filter.operator === 'and') refuse('and', '', 'list the conditions at the top level instead (they are and-ed)');
    if (filter.operator === 'or') {
      if (!Array.isArray(filter.value) || filter.value.length === 0)
        refuse('or', '', 'it expects a list of conditions');
      return { ...filter, value: filter.value.map(insideOr) };
    }
    if (!('field' in filter)) return refuse(filter.operator, '', 'unknown logical operator');
    return topLevel(filter);
  });
}
