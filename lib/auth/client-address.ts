// Which address a request comes from, for the login throttle. Route handlers and server actions see
// no socket, so the server stamps every request as it arrives (Node's `http.server.request.start`
// diagnostics channel, subscribed in instrumentation.ts) with the socket's peer address, or, with
// TRUST_PROXY_HOPS=N, the address that the N-th proxy in front reported in X-Forwarded-For.
// Without trusted proxies the client's own forwarding headers are removed before anything reads
// them; Next.js then fills them in from the socket, so next-auth and the proxy see the real scheme.
// Not 'server-only': instrumentation.ts imports it outside React.
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import net from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-crm-client-address';
const INSTALLED = Symbol.for('crm.clientAddressHeader');
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];
const MAX_HOPS = 10;

/** TRUST_PROXY_HOPS: how many reverse proxies stand in front of the server (0 unless set to 1–10). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUST_PROXY_HOPS?.trim() || '0');
  return Number.isInteger(hops) && hops >= 0 && hops <= MAX_HOPS ? hops : 0;
}

/** An address as one key: IPv4-mapped IPv6 as IPv4, a port or zone removed; anything else kept short. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '').replace(/^::ffff:(?=[\d.]+$)/, '');
  return net.isIP(address) ? address : `invalid:${address.slice(0, 64)}`;
}

/** The client's address: the socket peer, or `hops` entries further left in X-Forwarded-For. */
export function clientAddressFrom(peer: string | undefined, forwardedFor: string | undefined, hops: number): string {
  const forwarded =
    hops > 0 && forwardedFor
      ? forwardedFor
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, peer ?? ''];
  return normaliseAddress(chain[Math.max(chain.length - 1 - hops, 0)]);
}

/** Stamps one incoming request (before Next.js reads it). */
export function stampClientAddress(request: IncomingMessage, hops = trustedProxyHops()): void {
  const { headers } = request;
  const forwardedFor = headers['x-forwarded-for'];
  headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom(
    request.socket?.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
    hops,
  );
  if (hops === 0) for (const name of FORWARDING_HEADERS) delete headers[name];
}

/** Subscribes the stamp once per process. */
export function installClientAddressStamp(): void {
  const state = globalThis as { [INSTALLED]?: boolean };
  if (state[INSTALLED]) return;
  diagnostics.subscribe('http.server.request.start', (message) => stampClientAddress((message as { request: IncomingMessage }).request));
  state[INSTALLED] = true;
}

/** The stamped client address; 'unknown' in a process that does not stamp (a client's header is then not believed). */
export function clientAddressOf(headers: Headers): string {
  if (!(globalThis as { [INSTALLED]?: boolean })[INSTALLED]) return 'unknown';
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}
