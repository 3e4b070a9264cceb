// A saved query's parameters read back for the current user. Kept apart from the data layer so the
// mutations, the board and the forms read a query string the same way.
import { parseTicketListParams, type ParamProblem, type TicketListParams } from '@/lib/tickets/filters';

export type SavedParams = {
  params: TicketListParams;
  /** The query uses CRM criteria the user may not (or no longer) use: it must not run unfiltered. */
  crmUnavailable: boolean;
  problems: ParamProblem[];
};

export function parseSavedParams(queryString: string, options: { allowCrm: boolean }): SavedParams {
  const { params, problems } = parseTicketListParams(new URLSearchParams(queryString), options);
  return { params, problems, crmUnavailable: problems.some((problem) => problem.problem === 'crmForbidden') };
}
