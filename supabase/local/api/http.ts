// Small HTTP helpers over node:http: bounded body reading, JSON replies that tolerate a
// client that already went away, and CORS as Supabase's gateway answers it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError } from './rest/errors.ts';

/**
 * The request target as a URL, or undefined when it is not one. `new URL` throws on targets
 * node's HTTP parser lets through (`GET //host:99999`), and a throw in the request listener
 * would end the process; the path is joined to the base rather than resolved against it so
 * a leading `//` cannot turn into a host.
 */
export function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(`http://localhost${(target ?? '/').startsWith('/') ? '' : '/'}${target ?? '/'}`);
  } catch {
    return undefined;
  }
}

/**
 * Node's answer to a request it cannot parse is to drop the connection; clients then see a
 * reset instead of an error. Header sections over node's limit get 431 as RFC 6585 asks,
 * anything else that is not HTTP 400, both in the gateway's JSON error shape.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  answerOnSocket(socket, status, { message: tooLarge ? 'Request header fields too large' : 'Bad request' });
}

/**
 * A JSON answer written straight onto the socket, then closed: for a request node never hands
 * to a handler (a malformed one, a websocket upgrade refused). `status`: "404 Not Found".
 */
export function answerOnSocket(socket: Duplex, status: string, value: unknown) {
  const body = JSON.stringify(value);
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export const ALLOWED_HEADERS = [
  'authorization', 'apikey', 'x-client-info', 'content-type', 'prefer', 'range', 'range-unit', 'accept', 'accept-profile',
  'content-profile', 'x-supabase-api-version', 'x-retry-count', 'x-upsert', 'cache-control',
].join(', ');

const EXPOSED_HEADERS = [
  'content-range', 'content-location', 'location', 'preference-applied', 'range-unit', 'x-total-count', 'link',
  'x-supabase-api-version', 'retry-after',
].join(', ');

/** `origins` undefined: reflect any origin (local only); otherwise only the listed ones. */
export function corsHeaders(req: IncomingMessage, origins?: string[]): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  if (origins && !origins.includes(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
  };
}

export function preflight(req: IncomingMessage, res: ServerResponse, origins?: string[]) {
  const cors = corsHeaders(req, origins);
  res.writeHead(204, {
    ...cors,
    ...(cors['Access-Control-Allow-Origin']
      ? {
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '86400',
        }
      : {}),
  });
  res.end();
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () =>
      new ApiError(413, 'PGRST413', 'Payload Too Large', `The request body is larger than the ${limit} byte limit of the local API.`);
    if (declared > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string) {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, headers);
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(value));
}
