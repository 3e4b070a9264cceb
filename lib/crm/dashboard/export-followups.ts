// The follow-up columns of the dashboard CSV (SPEC section 17): the next action (as the dialect writes
// dates), its text, its state, how long the deal has been stale and whether it is at risk, so that a
// spreadsheet can total the at-risk deals per group. Read at the clock of the request that asked for
// the export (the worker is given its instant), with the same SQL as the dashboard's filters.
import { sql, type SQL } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import type { CsvColumn } from '@/lib/csv/columns';
import type { CsvDialect } from '@/lib/csv/dialects';
import type { Translate } from '@/lib/i18n';
import { staleDays, type NextActionState } from '../followups/clock';
import { atRiskCase, LAST_CRM_CHANGE, nextActionStateCase } from '../property-sql';
import type { ValueContext } from '../properties';

export function followupExportColumns(t: Translate): CsvColumn[] {
  return [
    { header: t('followups.export.nextAction'), type: 'text' },
    { header: t('followups.export.nextActionText'), type: 'text' },
    { header: t('followups.export.state'), type: 'text' },
    { header: t('followups.export.staleDays'), type: 'integer' },
    { header: t('followups.export.atRisk'), type: 'boolean' },
  ];
}

/** The columns' values per ticket, selected beside the registry's (`ft` joined with `tickets`). */
export function followupExportSelect(context: ValueContext): SQL {
  return sql`${tickets.nextActionAt} as fu_at, ${tickets.nextActionText} as fu_text, ${nextActionStateCase(context)} as fu_state,
    ${LAST_CRM_CHANGE} as fu_last_change, ${tickets.crmStatusId} as fu_status, ${atRiskCase(context)} as fu_risk`;
}

type FollowupRow = {
  fu_at: string | null;
  fu_text: string | null;
  fu_state: string;
  fu_last_change: number | null;
  fu_status: number | null;
  fu_risk: number;
};

/** `2026-12-06` / `2026-12-06T14:30` as the dialect writes dates: `06.12.2026 14:30` for Excel. */
export function nextActionCell(at: string | null, dialect: CsvDialect): string | null {
  if (at === null) return null;
  if (dialect === 'rfc4180') return at;
  const [date, time] = at.split('T');
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}${time ? ` ${time}` : ''}`;
}

export function followupCells(row: FollowupRow, context: ValueContext, dialect: CsvDialect, t: Translate): unknown[] {
  const rule = row.fu_status === null ? undefined : context.stale.find((candidate) => candidate.id === row.fu_status);
  const stale = rule ? staleDays(row.fu_last_change === null ? null : Number(row.fu_last_change), rule.days, context.clock) : null;
  return [
    nextActionCell(row.fu_at, dialect),
    row.fu_text || null,
    t(`followups.state.${row.fu_state as NextActionState}`),
    stale,
    Number(row.fu_risk) === 1,
  ];
}
