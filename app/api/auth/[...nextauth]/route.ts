// next-auth's own endpoints (session, CSRF, callbacks); sign-in itself runs as a server action.
import { handlers } from '@/lib/auth';

export const { GET, POST } = handlers;
