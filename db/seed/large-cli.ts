// `npm run seed:large -- --partners 10000 --tickets 100000`: fills an empty database with the benchmark data set.
import { BENCH_USER_EMAIL, seedLargeData } from './large';
import { runSeed } from './run-seed';

const USAGE = 'Usage: npm run seed:large -- [--partners <positive integer>] [--tickets <positive integer>]';

type Options = { partners: number; tickets: number };

/** Accepts `--name value` and `--name=value`; returns an error message for anything else. */
function parseLargeSeedArgs(args: string[]): Options | string {
  const options: Options = { partners: 10_000, tickets: 100_000 };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2);
    if (flag !== '--partners' && flag !== '--tickets') return `Unknown argument "${args[i]}".`;
    const value = inline ?? args[++i];
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
      return `${flag} needs a positive integer, got "${value ?? ''}".`;
    }
    options[flag === '--partners' ? 'partners' : 'tickets'] = Number(value);
  }
  return options;
}

const parsed = parseLargeSeedArgs(process.argv.slice(2));
if (typeof parsed === 'string') {
  console.error(`${parsed}\n${USAGE}`);
  process.exit(1);
}

runSeed(async ({ db, sqlite, file }) => {
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  console.log(`Seeding ${parsed.partners} partners and ${parsed.tickets} tickets into ${file} …`);
  const { ms } = await seedLargeData(db, sqlite, parsed);
  const crmTickets = sqlite.prepare('SELECT count(*) FROM tickets WHERE crm_enabled = 1').pluck().get() as number;
  const followups = sqlite
    .prepare(
      'SELECT count(*) FROM tickets t JOIN users u ON u.id = t.assignee_id WHERE t.crm_enabled = 1 AND t.next_action_at IS NOT NULL AND u.email = ?',
    )
    .pluck()
    .get(BENCH_USER_EMAIL) as number;
  console.log(
    `Done in ${(ms / 1000).toFixed(1)} s: ${count('users')} users, ${count('partners')} partners, ${count('contacts')} contacts, ` +
      `${count('tickets')} tickets (${crmTickets} CRM-enabled; ${followups} follow-ups of ${BENCH_USER_EMAIL}).`,
  );
  return 0;
});
