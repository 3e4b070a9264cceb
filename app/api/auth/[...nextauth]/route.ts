// next-auth's own endpoints (session, CSRF, callbacks); sign-in itself runs as a server action.
import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { getCurrentUser } from '@/lib/auth/guards';

export const { POST } = handlers;

/**
 * next-auth answers /api/auth/session from the cookie alone; a session the app has revoked (user
 * deactivated, roles or password changed) is reported as none, as for an anonymous caller.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith('/session') && !(await getCurrentUser()))
    return Response.json(null, { headers: { 'Cache-Control': 'no-store' } });
  return handlers.GET(request);
}
