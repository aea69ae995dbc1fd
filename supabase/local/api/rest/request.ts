// Turns one HTTP request on /rest/v1 into a statement description: which schema, relation
// or function, the parsed query, the Prefer/Range/Accept options and the body.
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors.ts';
import { hasTopLevelFilter, parseQuery } from './parse-query.ts';
import { negotiate, parsePrefer, parseRange, type Media, type Prefer } from './prefer.ts';
import type { ParsedQuery } from './types.ts';

export interface RestRequest {
  method: string;
  schema: string;
  /** table/view name, or function name when rpc */
  target: string;
  rpc: boolean;
  query: ParsedQuery;
  prefer: Prefer;
  media: Media;
  range?: { offset: number; limit?: number };
  readOnly: boolean;
}

/** A path segment decoded; malformed percent-encoding (`tag%FFs`) is the client's error. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(400, 'PGRST100', `"failed to parse path (${segment})"`, 'invalid percent-encoding in the request path');
  }
}

export function chooseSchema(method: string, headers: IncomingHttpHeaders, schemas: string[]): string {
  const h = method === 'GET' || method === 'HEAD' ? headers['accept-profile'] : headers['content-profile'];
  const wanted = typeof h === 'string' ? h.trim() : undefined;
  if (wanted === undefined || wanted === '') return schemas[0];
  if (!schemas.includes(wanted)) {
    throw new ApiError(406, 'PGRST106', `The schema must be one of the following: ${schemas.join(', ')}`, null, null);
  }
  return wanted;
}

export function describeRequest(
  method: string, path: string, search: URLSearchParams, headers: IncomingHttpHeaders, schemas: string[],
  isRpcArg: (name: string) => boolean,
  opts: { planEnabled?: boolean; timezones?: ReadonlySet<string> } = {},
): RestRequest {
  const schema = chooseSchema(method, headers, schemas);
  const parts = path.split('/').filter(Boolean).map(decodeSegment);
  const rpc = parts[0] === 'rpc' && parts.length === 2;
  if (!rpc && parts.length !== 1) throw new ApiError(404, 'PGRST125', `Invalid path specified in request URL`);
  const target = rpc ? parts[1] : parts[0];
  if (rpc && method !== 'GET' && method !== 'POST' && method !== 'HEAD') {
    throw new ApiError(405, 'PGRST101', 'Only GET and POST verbs are allowed for functions');
  }
  if (!['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
    throw new ApiError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
  }
  const query = parseQuery(search, rpc && (method === 'GET' || method === 'HEAD') ? isRpcArg : () => false);
  if (!rpc && (method === 'PATCH' || method === 'DELETE') && !hasTopLevelFilter(query)) {
    // what Supabase's pg-safeupdate answers for an unfiltered UPDATE/DELETE
    throw new ApiError(400, '21000', `${method === 'PATCH' ? 'UPDATE' : 'DELETE'} requires a WHERE clause`);
  }
  const rangeHeader = headers['range'];
  return {
    method,
    schema,
    target,
    rpc,
    query,
    prefer: parsePrefer(headers['prefer'], opts.timezones),
    media: negotiate(typeof headers['accept'] === 'string' ? headers['accept'] : undefined, opts.planEnabled),
    range: method === 'GET' || method === 'HEAD' ? parseRange(typeof rangeHeader === 'string' ? rangeHeader : undefined) : undefined,
    readOnly: method === 'GET' || method === 'HEAD',
  };
}
