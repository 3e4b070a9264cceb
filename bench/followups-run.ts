// `BENCH_DATABASE_PATH=… tsx --conditions=react-server bench/followups-run.ts`: the follow-up figures
// alone (page and calendar feed) on an existing data set, without the whole `npm run bench`. Needs a build.
import { measureFollowups } from './followups';
import { sessionCookie, startServer } from './server';

async function main() {
  const file = process.env.BENCH_DATABASE_PATH;
  if (!file) throw new Error('Set BENCH_DATABASE_PATH to a data set (npm run seed:large).');
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const server = await startServer(file);
  try {
    await measureFollowups(server.url, await sessionCookie(file, 'crm@example.com'), file, runs);
  } finally {
    await server.stop();
  }
}

void main();
