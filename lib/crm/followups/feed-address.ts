// The absolute address of the calendar feed, which a calendar program fetches from outside the
// browser. The origin is AUTH_URL's when set (the configured public address, right behind any proxy);
// otherwise the request's own: its Host and the scheme Next.js fills into X-Forwarded-Proto (a
// client's own forwarding headers are removed unless TRUST_PROXY_HOPS trusts a proxy, see
// lib/auth/client-address.ts).

export const FEED_PATH = '/api/v1/crm/followups.ics';

const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function firstValue(value: string | null): string | undefined {
  return value?.split(',')[0]?.trim() || undefined;
}

/**
 * `scheme://host[:port]` of this application as the outside world reaches it; `fallback` (a route's
 * own request URL) stands in for a request without a Host header.
 */
export function publicOrigin(headers: Headers, fallback?: string, authUrl: string | undefined = process.env.AUTH_URL): string {
  if (authUrl) {
    try {
      return new URL(authUrl).origin;
    } catch {
      // A malformed AUTH_URL fails next-auth loudly elsewhere; fall back to the request here.
    }
  }
  const host = firstValue(headers.get('x-forwarded-host')) ?? firstValue(headers.get('host'));
  if (!host && fallback) return new URL(fallback).origin;
  const proto = firstValue(headers.get('x-forwarded-proto')) === 'https' ? 'https' : 'http';
  return `${proto}://${host && HOST_PATTERN.test(host) ? host : 'localhost'}`;
}

/** The feed's address for a token. */
export function feedAddress(origin: string, token: string): string {
  return `${origin}${FEED_PATH}?token=${encodeURIComponent(token)}`;
}
