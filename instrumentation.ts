// Runs once when the server starts, before it answers: migrate, seed an empty database, and start
// counting the requests in flight (the downloads give way to them).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareDatabase } = await import('./db/bootstrap');
    await prepareDatabase();
    const { countRequests } = await import('./lib/pages-in-flight');
    countRequests();
  }
}
