// Runs once when the server starts, before it answers: migrate, seed an empty database, say so in the
// log, and start counting the requests in flight (the downloads give way to them).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareDatabase } = await import('./db/bootstrap');
    const { startupLines } = await import('./db/startup-log');
    for (const line of startupLines(await prepareDatabase(), { HOSTNAME: process.env.HOSTNAME })) {
      if (line.level === 'warn') console.warn(line.text);
      else console.log(line.text);
    }
    const { countRequests } = await import('./lib/pages-in-flight');
    countRequests();
  }
}
