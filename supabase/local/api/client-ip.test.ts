import { describe, expect, it } from 'vitest';
import { canonicalIp, resolveClientIp, trustedProxyList } from './client-ip.ts';

describe('canonicalIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:7f00:1', '127.0.0.1'],
    ['0:0:0:0:0:ffff:a00:1', '10.0.0.1'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::1', '::1'],
    ['', undefined],
    [undefined, undefined],
    ['unknown', undefined],
    ['example.com', undefined],
    ['203.0.113.7:443', undefined],
    ['0177.0.0.1', undefined],
    ['127.1', undefined],
    ['1.2.3.4; drop table audit_logs', undefined],
  ])('%j → %j', (input, expected) => {
    expect(canonicalIp(input)).toBe(expected);
  });
});

describe('trustedProxyList', () => {
  it.each([
    ['10.0.0.0/8', '10.200.3.4', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.0.0.0/8', '::ffff:10.1.1.1', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '127.0.0.2', false],
    ['127.0.0.1/32', '::ffff:127.0.0.1', true],
    ['::1', '::1', true],
    ['2001:db8::/32', '2001:db8:ffff::9', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::ffff:192.168.0.0/112', '192.168.4.4', true],
    ['0.0.0.0/0', '198.51.100.1', true],
    ['0.0.0.0/0', '2001:db8::1', false],
  ])('%s trusts %s: %s', (cidr, addr, expected) => {
    const list = trustedProxyList([cidr]);
    // resolveClientIp is what the server uses; a trusted peer hands over to its XFF entry
    expect(resolveClientIp(addr, '198.18.0.1', list) === '198.18.0.1').toBe(expected);
  });

  it.each(['10.0.0.0/33', '::/129', 'localhost', '10.0.0.0/8/1', '10.0.0.0/', '10.0.0.0/x', '', '10.0.0.0/-1'])(
    'refuses %j',
    (entry) => {
      expect(() => trustedProxyList([entry])).toThrow(/is not an IP address or CIDR/);
    },
  );
});

describe('resolveClientIp', () => {
  const proxies = trustedProxyList(['10.0.0.0/8', '127.0.0.1', '2001:db8:ab::/48']);
  it.each<[string, string | undefined, string | string[] | undefined, string[] | undefined, string | undefined]>([
    // [what, socket peer, X-Forwarded-For, trusted, client]
    ['no proxies trusted: the peer, whatever it claims', '198.51.100.9', '203.0.113.1', undefined, '198.51.100.9'],
    ['no proxies trusted, loopback peer: still the peer', '::ffff:127.0.0.1', '203.0.113.1', undefined, '127.0.0.1'],
    ['an untrusted peer cannot forward', '198.51.100.9', '203.0.113.1', ['10.0.0.0/8'], '198.51.100.9'],
    ['a trusted peer without XFF: the peer', '10.0.0.2', undefined, ['10.0.0.0/8'], '10.0.0.2'],
    ['a trusted peer: its XFF entry', '10.0.0.2', '203.0.113.1', ['10.0.0.0/8'], '203.0.113.1'],
    ['IPv4-mapped trusted peer', '::ffff:10.0.0.2', '203.0.113.1', ['10.0.0.0/8'], '203.0.113.1'],
    ['the rightmost untrusted entry, not the client-chosen leftmost', '10.0.0.2', '6.6.6.6, 203.0.113.1', ['10.0.0.0/8'], '203.0.113.1'],
    ['trusted hops are skipped', '10.0.0.2', '6.6.6.6, 203.0.113.1, 10.9.9.9, 10.0.0.3', ['10.0.0.0/8'], '203.0.113.1'],
    ['every hop trusted: the leftmost', '10.0.0.2', '10.1.1.1, 10.2.2.2', ['10.0.0.0/8'], '10.1.1.1'],
    ['repeated headers join in order', '10.0.0.2', ['6.6.6.6', '203.0.113.1'], ['10.0.0.0/8'], '203.0.113.1'],
    ['garbage ends the walk at the proxy that sent it', '10.0.0.2', '203.0.113.1, not-an-ip', ['10.0.0.0/8'], '10.0.0.2'],
    ['garbage to the left of the client is never reached', '10.0.0.2', 'not-an-ip, 203.0.113.1', ['10.0.0.0/8'], '203.0.113.1'],
    ['an empty entry ends the walk', '10.0.0.2', '203.0.113.1, ', ['10.0.0.0/8'], '10.0.0.2'],
    ['IPv6 client behind an IPv6 proxy', '2001:db8:ab::1', '2001:DB8:1::5', ['2001:db8:ab::/48'], '2001:db8:1::5'],
    ['IPv4-mapped entry in XFF', '127.0.0.1', '::ffff:203.0.113.1', ['127.0.0.1'], '203.0.113.1'],
    ['mixed list: IPv6 client, IPv4 proxies', '127.0.0.1', '2001:db8::7, 10.0.0.1', undefined, '127.0.0.1'],
    ['no peer address (socket gone)', undefined, '203.0.113.1', ['10.0.0.0/8'], undefined],
  ])('%s', (_what, peer, xff, trusted, expected) => {
    const list = trusted === undefined ? undefined : trustedProxyList(trusted);
    expect(resolveClientIp(peer, xff, list)).toBe(expected);
  });

  it('one list mixing families and single addresses', () => {
    expect(resolveClientIp('127.0.0.1', '2001:db8::7, 10.0.0.1', proxies)).toBe('2001:db8::7');
    expect(resolveClientIp('2001:db8:ab::9', '10.4.4.4, 198.51.100.3', proxies)).toBe('198.51.100.3');
  });
});
