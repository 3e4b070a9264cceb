// Stand-ins for `next/cache` and `next/navigation` outside a request: revalidation is a no-op and a
// redirect ends the action by throwing, as in Next, with a message tests can match.
//   vi.mock('next/cache', () => import('../support/fake-next'));
//   vi.mock('next/navigation', () => import('../support/fake-next'));
export function revalidatePath(): void {}

export function redirect(url: string): never {
  throw new Error(`redirect:${url}`);
}
