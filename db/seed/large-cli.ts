// `npm run seed:large -- --partners 10000 --tickets 100000`: fills an empty database with the benchmark data set.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { databasePath, openSqlite } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import * as schema from '@/db/schema';
import { seedLargeData } from './large';

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

async function main(): Promise<number> {
  const parsed = parseLargeSeedArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${USAGE}`);
    return 1;
  }
  const file = databasePath();
  const sqlite = openSqlite(file);
  try {
    migrateDatabase(sqlite);
    const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const existingUsers = count('users');
    if (existingUsers > 0) {
      console.error(`Refusing to seed ${file}: it already has ${existingUsers} user(s). Use a new DATABASE_PATH.`);
      return 1;
    }
    console.log(`Seeding ${parsed.partners} partners and ${parsed.tickets} tickets into ${file} …`);
    const { ms } = await seedLargeData(drizzle(sqlite, { schema }), sqlite, parsed);
    const crmTickets = sqlite.prepare('SELECT count(*) FROM tickets WHERE crm_enabled = 1').pluck().get() as number;
    console.log(
      `Done in ${(ms / 1000).toFixed(1)} s: ${count('users')} users, ${count('partners')} partners, ${count('contacts')} contacts, ` +
        `${count('tickets')} tickets (${crmTickets} CRM-enabled).`,
    );
    return 0;
  } finally {
    sqlite.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
