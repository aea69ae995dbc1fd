// Who is calling: the peer's socket address, or — only when that peer is a proxy we were told
// to trust — the address it forwarded. Supabase's gateway does the same before the request
// reaches PostgREST and Auth; without it, any client could write whatever IP it liked into
// audit_logs, analytics events and auth.sessions by sending its own X-Forwarded-For.
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP, SocketAddress } from 'node:net';

/**
 * One spelling per address, so that the database and the rate limiter see the same value:
 * lower-case, zero-compressed IPv6 without a zone id, IPv4-mapped IPv6 as plain IPv4.
 * Anything that is not an IP address (host names, ports, "unknown", octal tricks) → undefined.
 */
export function canonicalIp(value: string | undefined): string | undefined {
  const raw = value?.trim().replace(/^\[(.*)\]$/, '$1');
  if (!raw) return undefined;
  const family = isIP(raw);
  if (family === 4) return new SocketAddress({ address: raw, family: 'ipv4' }).address;
  if (family !== 6) return undefined;
  const v6 = new SocketAddress({ address: raw, family: 'ipv6' }).address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  return mapped ? mapped[1] : v6;
}

/**
 * The proxies whose X-Forwarded-For we believe: CIDRs ("10.0.0.0/8", "2001:db8::/32") or
 * single addresses. A typo here would silently trust nobody (or everybody), so it throws.
 */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, prefix, ...rest] = entry.trim().split('/');
    const ip = canonicalIp(addr);
    const family = ip ? (isIP(ip) === 4 ? 'ipv4' : 'ipv6') : undefined;
    // ::ffff:192.168.0.0/112 is written for IPv6 but names IPv4 addresses, as canonicalIp does
    const mappedShift = family === 'ipv4' && isIP(addr.trim()) === 6 ? 96 : 0;
    const bits = prefix === undefined ? undefined : /^\d{1,3}$/.test(prefix) ? Number(prefix) - mappedShift : NaN;
    const max = family === 'ipv4' ? 32 : 128;
    if (!ip || !family || rest.length || (bits !== undefined && !(bits >= 0 && bits <= max))) {
      throw new Error(`trusted proxy "${entry}" is not an IP address or CIDR (e.g. 10.0.0.0/8, 2001:db8::/32)`);
    }
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, bits, family);
  }
  return list;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Walks from the socket leftwards through X-Forwarded-For while each hop is a trusted proxy;
 * the first untrusted address is the client. With nobody trusted, the socket's peer is the
 * client and its X-Forwarded-For is ignored. An entry that is not an address ends the walk at
 * the proxy that sent it, since nothing before it can be placed.
 */
export function resolveClientIp(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList | undefined,
): string | undefined {
  let client = canonicalIp(peer);
  if (!client || !trusted) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',');
  for (let i = hops.length - 1; i >= 0 && isTrusted(trusted, client); i--) {
    const hop = canonicalIp(hops[i]);
    if (!hop) break;
    client = hop;
  }
  return client;
}

const resolved = new WeakMap<IncomingMessage, string | undefined>();

/**
 * Resolves the request's client address once and makes every later reader agree with it:
 * the headers handed to the database (`request.headers`, which the audit and analytics
 * triggers read) carry exactly that address as X-Forwarded-For and X-Real-IP, and an
 * unverifiable RFC 7239 Forwarded header is dropped.
 */
export function settleClientIp(req: IncomingMessage, trusted: BlockList | undefined): string | undefined {
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
  resolved.set(req, ip);
  delete req.headers.forwarded;
  if (ip) {
    req.headers['x-forwarded-for'] = ip;
    req.headers['x-real-ip'] = ip;
  } else {
    delete req.headers['x-forwarded-for'];
    delete req.headers['x-real-ip'];
  }
  return ip;
}

/** The address settleClientIp found; for a request that never went through it, the socket's. */
export function clientIp(req: IncomingMessage): string | undefined {
  return resolved.has(req) ? resolved.get(req) : canonicalIp(req.socket.remoteAddress);
}
