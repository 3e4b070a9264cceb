// Runs once when the server starts, before it answers: migrate, seed an empty database, start
// counting the requests in flight (the downloads give way to them), and checking router state
// headers the proxy cannot see (lib/malformed-requests.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareDatabase } = await import('./db/bootstrap');
    await prepareDatabase();
    const { countRequests } = await import('./lib/pages-in-flight');
    countRequests();
    const { watchRouterStates } = await import('./lib/malformed-requests');
    watchRouterStates();
  }
}
