// `tsx --conditions=react-server bench/crm-board-run.ts`: the pipeline board's figures alone on an
// existing data set (BENCH_DATABASE_PATH), without the whole `npm run bench`. Needs a build.
import { measureBoardPages, measureMoves } from './crm-board';
import { onDataSet } from './server';

void onDataSet(async ({ url, cookie, file, runs }) => {
  for (const [name, summary] of Object.entries(await measureBoardPages(url, cookie, file, runs)))
    console.log(name.padEnd(56), JSON.stringify(summary));
  for (const [name, summary] of Object.entries(measureMoves(file, runs))) console.log(name.padEnd(56), JSON.stringify(summary));
});
