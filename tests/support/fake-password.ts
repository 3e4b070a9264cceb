// Stand-in for `@/lib/auth/password`: argon2id costs ~50 ms per hash, too slow for thousands of
// property runs; what those runs test is the validation around it, not the hash.
//   vi.mock('@/lib/auth/password', () => import('../support/fake-password'));
/** The stored hash of a password under this fake. */
export const fakeHash = (password: string) => `fake-hash:${password}`;

export async function hashPassword(password: string): Promise<string> {
  return fakeHash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return passwordHash === fakeHash(password);
}

export async function dummyPasswordHash(): Promise<string> {
  return fakeHash('no-such-account-placeholder');
}
