// Stand-ins for `next/cache`, `next/navigation` and `next/headers` outside a request: revalidation is
// a no-op, a redirect ends the action by throwing, as in Next, with a message tests can match, and the
// request's headers are those of a plain request to the app.
//   vi.mock('next/cache', () => import('../support/fake-next'));
//   vi.mock('next/navigation', () => import('../support/fake-next'));
//   vi.mock('next/headers', () => import('../support/fake-next'));
export function revalidatePath(): void {}

export function redirect(url: string): never {
  throw new Error(`redirect:${url}`);
}

export async function headers(): Promise<Headers> {
  return new Headers({ host: '127.0.0.1:3000' });
}
