// The client address of a request: the socket's peer unless proxies are trusted; client-sent
// forwarding headers never count without them (issue 17: X-Forwarded-For rotated the throttle away).
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressFrom,
  normaliseAddress,
  stampClientAddress,
  trustedProxyHops,
} from '@/lib/auth/client-address';

function incoming(peer: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe('clientAddressFrom', () => {
  it('takes the socket peer and ignores X-Forwarded-For without trusted proxies', () => {
    expect(clientAddressFrom('127.0.0.1', '10.9.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddressFrom('::ffff:192.0.2.10', '10.9.0.1, 10.9.0.2', 0)).toBe('192.0.2.10');
  });

  it('behind N trusted proxies takes the address the outermost of them saw, not what the client claims', () => {
    // client claims 198.51.100.7; proxy 1 saw 203.0.113.5 and appended it; proxy 2 (the peer) appended proxy 1.
    expect(clientAddressFrom('10.0.0.2', '198.51.100.7, 203.0.113.5', 1)).toBe('203.0.113.5');
    expect(clientAddressFrom('10.0.0.2', '198.51.100.7, 203.0.113.5, 10.0.0.1', 2)).toBe('203.0.113.5');
    // Fewer entries than hops: the leftmost there is.
    expect(clientAddressFrom('10.0.0.2', '', 1)).toBe('10.0.0.2');
    expect(clientAddressFrom('10.0.0.2', '203.0.113.5', 3)).toBe('203.0.113.5');
  });

  it('normalises ports, brackets, zones and junk', () => {
    expect(normaliseAddress(' 203.0.113.5:4711 ')).toBe('203.0.113.5');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normaliseAddress('not-an-address')).toBe('invalid:not-an-address');
  });

  it('reads TRUST_PROXY_HOPS as 0 unless it is a whole number from 0 to 10', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: '1' })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: 'yes' })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: '-1' })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: '99' })).toBe(0);
  });
});

describe('stampClientAddress', () => {
  const spoofed = {
    [CLIENT_ADDRESS_HEADER]: '1.2.3.4',
    'x-forwarded-for': '10.9.0.1',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'evil.example',
    'x-real-ip': '10.9.0.2',
    host: '127.0.0.1:3000',
  };

  it('overwrites a client-sent stamp and removes forwarding headers when no proxy is trusted', () => {
    const request = incoming('127.0.0.1', spoofed);
    stampClientAddress(request, 0);
    expect(request.headers).toEqual({ [CLIENT_ADDRESS_HEADER]: '127.0.0.1', host: '127.0.0.1:3000' });
  });

  it("keeps a trusted proxy's forwarding headers and stamps the address it reported", () => {
    const request = incoming('10.0.0.2', spoofed);
    stampClientAddress(request, 1);
    expect(request.headers[CLIENT_ADDRESS_HEADER]).toBe('10.9.0.1');
    expect(request.headers['x-forwarded-proto']).toBe('https');
  });
});
