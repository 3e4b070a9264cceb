// `tsx --conditions=react-server bench/crm-board-run.ts`: the pipeline board's figures alone on an
// existing data set (BENCH_DATABASE_PATH), without the whole `npm run bench`. Needs a build.
import { measureBoardPages, measureMoves } from './crm-board';
import { sessionCookie, startServer } from './server';

async function main() {
  const file = process.env.BENCH_DATABASE_PATH;
  if (!file) throw new Error('Set BENCH_DATABASE_PATH to a data set (npm run seed:large).');
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const server = await startServer(file);
  try {
    const cookie = await sessionCookie(file, 'crm@example.com');
    for (const [name, summary] of Object.entries(await measureBoardPages(server.url, cookie, file, runs)))
      console.log(name.padEnd(56), JSON.stringify(summary));
  } finally {
    await server.stop();
  }
  for (const [name, summary] of Object.entries(measureMoves(file, runs))) console.log(name.padEnd(56), JSON.stringify(summary));
}

void main();
