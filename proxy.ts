// Per-request Content-Security-Policy with a nonce, and a redirect of anonymous visitors to the
// login page, and a 403 for cross-site posts. Convenience only: every page, action and route
// handler checks access itself.
import { NextResponse, type NextRequest } from 'next/server';

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

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isCrossOrigin(request)) return new NextResponse('Forbidden: cross-origin request', { status: 403, headers: { 'Cache-Control': 'no-store' } });
  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix)) || ROUTE_HANDLER_PATH.test(pathname);
  if (!isPublic && !hasSessionCookie(request) && request.method === 'GET') {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// The icons are public: the login page shows them too.
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
