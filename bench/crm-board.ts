// The pipeline board's figures (SPEC section 16, issue 20): the board with its columns by CRM status
// (eight on the data set: seven statuses and "ohne Status") under 200 ms, and a move under 50 ms —
// the move's write alone, in process, between two open statuses (the CRM save with its Verlauf, fsync
// included), and by Bearbeiter (the ticket's master-data save).
import Database from 'better-sqlite3';
import { drizzleOf, openSqlite } from '@/db/client';
import { moveCard } from '@/lib/crm/board/move';
import { moveCardSchema } from '@/lib/crm/board/schemas';
import { measure, summarise, type Summary } from './measure';
import { benchCrmUser } from './crm-user';

/** The pipeline board's pages: by CRM status (seven columns on the data set), and by Bearbeiter for a team of eight. */
export function boardPages(file: string): Record<string, string> {
  const facts = new Database(file, { readonly: true });
  const team = (
    facts
      .prepare(
        'select assignee_id as id from tickets where crm_enabled = 1 and assignee_id is not null group by 1 order by count(*) desc limit 8',
      )
      .all() as { id: number }[]
  ).map((row) => `assignee=${row.id}`);
  facts.close();
  return {
    [BOARD_EIGHT]: `/crm/board?column=assignee&${team.join('&')}`,
    'pipeline board, columns by CRM status': '/crm/board',
  };
}

export const BOARD_EIGHT = 'pipeline board, 8 columns (Bearbeiter of a team of 8)';
export const BOARD_MOVE = 'board move, CRM status (the write alone, in process)';

export async function measureBoardPages(url: string, cookie: string, file: string, runs: number): Promise<Record<string, Summary>> {
  const results: Record<string, Summary> = {};
  for (const [name, target] of Object.entries(boardPages(file)))
    results[name] = await measure(`${url}${target}`, { headers: { cookie } }, runs);
  return results;
}

/** A card moved `runs` times to and fro between two open statuses, then between two Bearbeiter. */
export function measureMoves(file: string, runs: number): Record<string, Summary> {
  const facts = new Database(file, { readonly: true });
  const statuses = (
    facts.prepare("select id from crm_ticket_statuses where phase = 'open' and archived = 0 order by position limit 2").all() as {
      id: number;
    }[]
  ).map((row) => String(row.id));
  const assignees = (facts.prepare('select id from users where active = 1 order by id limit 2').all() as { id: number }[]).map((row) =>
    String(row.id),
  );
  const { id: ticketId } = facts.prepare('select id from tickets where crm_enabled = 1 order by id limit 1 offset 2000').get() as {
    id: number;
  };
  facts.close();
  const sqlite = openSqlite(file);
  const db = drizzleOf(sqlite);
  const user = benchCrmUser(sqlite);
  const run = (column: 'crmStatus' | 'assignee', targets: string[]) => {
    const samples = [];
    for (let index = 0; index < runs; index += 1) {
      const versions = sqlite.prepare('select version, crm_version as crmVersion from tickets where id = ?').get(ticketId) as {
        version: number;
        crmVersion: number;
      };
      const input = moveCardSchema.parse({
        id: String(ticketId),
        version: String(versions.version),
        crmVersion: String(versions.crmVersion),
        column,
        target: targets[index % 2],
      });
      const started = performance.now();
      const result = moveCard(db, user, input);
      samples.push({ ms: performance.now() - started, status: result.ok ? 200 : 409, bytes: 0 });
    }
    return summarise(samples);
  };
  const results = {
    [BOARD_MOVE]: run('crmStatus', statuses),
    'board move, Bearbeiter (the write alone, in process)': run('assignee', assignees),
  };
  sqlite.close();
  return results;
}
