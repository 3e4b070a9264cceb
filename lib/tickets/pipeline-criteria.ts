// The ticket list's pipeline criteria (SPEC sections 6 and 14): phase, "schließt in den nächsten N
// Tagen" and "überfällig". Phase and expected close are properties of CRM tickets, so each criterion
// matches CRM-enabled tickets only (the dashboard's set), which also lets SQLite use the partial
// index tickets_crm_close. The caller applies them for `crm` users only.
import { and, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { crmTicketStatuses, tickets, type Phase } from '@/db/schema';
import { addDays, berlinIsoDate } from '@/lib/csv/berlin-calendar';
import type { TicketListParams } from './filters';

/** Today's calendar date in Europe/Berlin, `YYYY-MM-DD`. */
export function berlinToday(now: Date | number = Date.now()): string {
  return berlinIsoDate(now);
}

/**
 * Tickets whose phase is one of `phases`: their status's phase, `open` without a status. The same rule
 * as PHASE_OF_TICKET (lib/crm/property-sql.ts), written as an id list so the status index answers it.
 */
function phaseIn(phases: readonly Phase[]): SQL | undefined {
  const byStatus = inArray(
    tickets.crmStatusId,
    sql`(select ${crmTicketStatuses.id} from ${crmTicketStatuses} where ${inArray(crmTicketStatuses.phase, [...phases])})`,
  );
  return phases.includes('open') ? or(isNull(tickets.crmStatusId), byStatus) : byStatus;
}

/** The conditions of the pipeline criteria in `params`; `today` is the Berlin date the window starts at. */
export function pipelineConditions(params: TicketListParams, today: string): SQL[] {
  const conditions: SQL[] = [];
  if (params.crmPhase.length > 0) conditions.push(phaseIn(params.crmPhase)!);
  if (params.closeWithin !== null) {
    conditions.push(and(gte(tickets.expectedClose, today), lte(tickets.expectedClose, addDays(today, params.closeWithin)))!);
  }
  if (params.overdue) conditions.push(and(lt(tickets.expectedClose, today), phaseIn(['open']))!);
  // A literal 1, not a bound value: only then does SQLite see that the partial index applies.
  if (conditions.length > 0) conditions.unshift(sql`${tickets.crmEnabled} = 1`);
  return conditions;
}
