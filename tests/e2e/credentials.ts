// next-auth's credentials sign-in over raw HTTP (CSRF token first, then the form post), for callers a
// browser cannot play: an attacker forging forwarding headers, a user at another source address
// (any 127.x.y.z reaches the server on 127.0.0.1 from Linux's loopback), a proxy in front.
import http from 'node:http';

export type RawAnswer = { status: number; location: string; cookies: string[] };

function send(
  url: URL,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string },
): Promise<RawAnswer & { body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? '',
            cookies: response.headers['set-cookie'] ?? [],
            body,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * Signs in through /api/auth/callback/credentials; `headers` go with both requests. The answer's
 * location carries `code=invalid|throttled` when refused.
 */
export async function credentialsSignIn(
  origin: string,
  email: string,
  password: string,
  options: { headers?: Record<string, string>; localAddress?: string } = {},
): Promise<RawAnswer> {
  const csrf = await send(new URL('/api/auth/csrf', origin), { headers: options.headers, localAddress: options.localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.cookies.map((entry) => entry.split(';')[0]).join('; ');
  const { status, location, cookies } = await send(new URL('/api/auth/callback/credentials', origin), {
    method: 'POST',
    headers: { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' }).toString(),
    localAddress: options.localAddress,
  });
  return { status, location, cookies };
}

/** The `name=value` of the session cookie an answer set, if any. */
export function sessionCookieOf(answer: RawAnswer): string | undefined {
  return answer.cookies.map((entry) => entry.split(';')[0]).find((entry) => /^(__Secure-)?authjs\.session-token=/.test(entry));
}
