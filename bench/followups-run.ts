// `BENCH_DATABASE_PATH=… tsx --conditions=react-server bench/followups-run.ts`: the follow-up figures
// alone (page and calendar feed) on an existing data set, without the whole `npm run bench`. Needs a build.
import { measureFollowups } from './followups';
import { onDataSet } from './server';

void onDataSet(({ url, cookie, file, runs }) => measureFollowups(url, cookie, file, runs));
