// Static security headers for every response; the per-request CSP (with its nonce) is set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  outputFileTracingIncludes: { '/**': ['./db/migrations/**/*'] },
  // Import uploads (SPEC section 18) go up to 20 MB through a server action; larger ones get its message.
  // The proxy keeps 1 MB for every other action (lib/malformed-requests.ts actionBodyLimit).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '25mb' }, proxyClientMaxBodySize: '25mb' },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
