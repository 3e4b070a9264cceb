// Runs once when the server starts, before it answers: stamp requests with their client address,
// migrate, seed an empty database, say so in the log, and check router state headers the proxy
// cannot see (lib/malformed-requests.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Every request is stamped with its client address before Next.js reads it (login throttle).
    const { installClientAddressStamp } = await import('./lib/auth/client-address');
    installClientAddressStamp();
    const { prepareDatabase } = await import('./db/bootstrap');
    const { startupLines } = await import('./db/startup-log');
    for (const line of startupLines(await prepareDatabase(), { HOSTNAME: process.env.HOSTNAME })) {
      if (line.level === 'warn') console.warn(line.text);
      else console.log(line.text);
    }
    const { watchRouterStates } = await import('./lib/malformed-requests');
    watchRouterStates();
  }
}
