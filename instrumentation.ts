// Runs once when the server starts, before it answers: migrate, and seed an empty database.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareDatabase } = await import('./db/bootstrap');
    await prepareDatabase();
  }
}
