// The whole view state of the dashboard page from its URL: the view (params.ts), the group `open=`
// names, list or tree (`view=list`), the list's page and the pickers' searches of the filter bar.
import { pickerQuery } from '@/lib/picker';
import { pageFrom, rawValue, type ParamProblem, type RawParams } from '@/lib/url-params';
import { parseGroupPath, type GroupPath } from './group-path';
import { parseDashboardParams, type DashboardParams } from './params';

type DashboardViewState = {
  params: DashboardParams;
  /** Values the page ignores and names. */
  problems: ParamProblem[];
  /** The leaf group shown expanded (tree) or listed (list), if any. */
  open: GroupPath | null;
  /** The flat list (`view=list`, or a view without grouping) rather than the group tree. */
  listView: boolean;
  /** The list's page. */
  page: number;
  /** What the Geschäftspartner and Kontakt pickers search for without JavaScript. */
  search: { partner: string; contact: string };
};

export function parseDashboardView(raw: RawParams): DashboardViewState {
  const { params, problems } = parseDashboardParams(raw);
  const opened = parseGroupPath(rawValue(raw, 'open'), params.groupBy);
  return {
    params,
    problems: opened.problem ? [...problems, opened.problem] : problems,
    open: opened.path,
    listView: rawValue(raw, 'view') === 'list' || params.groupBy.length === 0,
    page: pageFrom(rawValue(raw, 'page')),
    search: { partner: pickerQuery(rawValue(raw, 'partnerQuery')), contact: pickerQuery(rawValue(raw, 'contactQuery')) },
  };
}
