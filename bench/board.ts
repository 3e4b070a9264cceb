// The ticket board with 8 columns (SPEC section 13 via issue 6): the benchmark user's queries are
// replaced by 8 typical ones for the measurement and restored afterwards. bench/run.ts signs in as
// crm@example.com, so the board is that user's, CRM criteria included.
import Database from 'better-sqlite3';
import { measure, type Summary } from './measure';

const BOARD_USER = 'crm@example.com';
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

type QueryRow = { owner_id: number; name: string; position: number; params: string };

/** Eight columns as users build them: the four defaults, a personal one, CRM slices and a text search. */
function boardQueries(db: Database.Database, ownerId: number): QueryRow[] {
  const ids = (query: string) => (db.prepare(query).all() as { id: number }[]).map((row) => row.id);
  const statuses = ids('select id from crm_ticket_statuses where archived = 0 order by position limit 2');
  const groups = ids('select id from revenue_groups where archived = 0 order by position limit 1');
  const params = [
    'status=open',
    'status=in_progress',
    'status=parked',
    'status=closed',
    'status=open&status=in_progress&assignee=me',
    `crm=on&${statuses.map((id) => `crmStatus=${id}`).join('&')}`,
    `status=open&crm=on&${groups.map((id) => `revenueGroup=${id}`).join('&')}`,
    'q=Angebot',
  ];
  return params.map((value, position) => ({ owner_id: ownerId, name: `Bench ${position + 1}`, position, params: value }));
}

/** Runs `work` while the benchmark user's board shows the 8 typical columns; restores the user's own queries after. */
export async function withBenchBoard<T>(file: string, work: () => Promise<T>): Promise<T> {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  const owner = db.prepare('select id from users where email = ?').pluck().get(BOARD_USER) as number;
  const saved = db.prepare('select owner_id, name, position, params from queries where owner_id = ?').all(owner) as QueryRow[];
  const insert = db.prepare('insert into queries (owner_id, name, position, params) values (@owner_id, @name, @position, @params)');
  const replace = db.transaction((rows: QueryRow[]) => {
    db.prepare('delete from queries where owner_id = ?').run(owner);
    for (const row of rows) insert.run(row);
  });
  replace(boardQueries(db, owner));
  try {
    return await work();
  } finally {
    replace(saved);
    db.close();
  }
}

export async function measureBoard(url: string, cookie: string, file: string): Promise<Summary> {
  return withBenchBoard(file, () => measure(`${url}/ticketboard`, { headers: { cookie } }, RUNS));
}
