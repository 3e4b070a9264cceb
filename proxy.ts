// Per-request Content-Security-Policy with a nonce, and a redirect of anonymous visitors to the
// login page, a 403 for cross-site posts, and a 400/413 for requests Next.js cannot read
// (lib/malformed-requests.ts). Convenience only: every page, action and route handler checks access itself.
import { NextResponse, type NextRequest } from 'next/server';
import { actionBodyLimit, refusalLogLine, refuseActionCall, refusePath, refuseRouterState, type Refusal } from '@/lib/malformed-requests';

const PUBLIC_PREFIXES = ['/login', '/api/'];
/** Route handlers outside /api (the CSV exports): they answer anonymous requests with 401 themselves (SPEC section 1). */
const ROUTE_HANDLER_PATH = /\/export(\/|$)/;

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));
}

/**
 * A state-changing request whose browser says it comes from another site (Origin of another host,
 * or "null"). Next.js refuses such server action calls itself, but answers 500 and logs an error;
 * this answers 403 first. A request without Origin (no browser) is left to the handlers' own checks.
 */
function isCrossOrigin(request: NextRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Served over HTTPS: AUTH_URL says so, or the request came in over it. The scheme is the socket's,
 * or a trusted proxy's X-Forwarded-Proto: a client's own forwarding headers are removed before this
 * runs unless TRUST_PROXY_HOPS is set (lib/auth/client-address.ts).
 */
function servedOverHttps(request: NextRequest): boolean {
  return process.env.AUTH_URL?.startsWith('https:') === true || request.nextUrl.protocol === 'https:';
}

/** HSTS on every answer given over HTTPS (never over plain HTTP, where it would mean nothing). */
function secured(request: NextRequest, response: NextResponse): NextResponse {
  if (servedOverHttps(request)) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

/** Answers a request Next.js cannot read, with one line in the log instead of its stack trace. */
function refuse(request: NextRequest, refusal: Refusal): NextResponse {
  console.warn(refusalLogLine(request, request.nextUrl.pathname, refusal));
  const text = refusal.status === 413 ? 'Payload Too Large' : 'Bad Request';
  return new NextResponse(`${text}: ${refusal.reason}`, {
    status: refusal.status,
    headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const malformed = refusePath(pathname) ?? refuseRouterState(request.headers);
  if (malformed) return secured(request, refuse(request, malformed));
  if (isCrossOrigin(request))
    return secured(request, new NextResponse('Forbidden: cross-origin request', { status: 403, headers: { 'Cache-Control': 'no-store' } }));
  const isRouteHandler = pathname.startsWith('/api/') || ROUTE_HANDLER_PATH.test(pathname);
  // A POST to a page is a server action call; route handlers read their own bodies.
  const badCall = isRouteHandler ? null : await refuseActionCall(request, actionBodyLimit(pathname));
  if (badCall) return secured(request, refuse(request, badCall));
  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix)) || isRouteHandler;
  if (!isPublic && !hasSessionCookie(request) && request.method === 'GET') {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
    return secured(request, NextResponse.redirect(login));
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return secured(request, response);
}

// The icons are public: the login page shows them too.
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
