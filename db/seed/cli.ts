// `npm run db:seed`: migrates the database at DATABASE_PATH and fills it with the German demo data.
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './demo';
import { runSeed } from './run-seed';

runSeed(async ({ db, file }) => {
  await seedDemoData(db);
  console.log(`Demo data written to ${file}.`);
  console.log(`Sign in as ${DEMO_USERS.map((user) => user.email).join(', ')} with the password "${DEMO_PASSWORD}".`);
  return 0;
});
