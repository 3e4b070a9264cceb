// GET /crm/export: the CSV of exactly the dashboard view named by the same query string (crm only).
import { guardRequest } from '@/lib/auth/guards';
import { dashboardExportStream } from '@/lib/crm/dashboard/export';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { csvResponse, downloadBusyResponse } from '@/lib/csv/stream';
import { parseDialect } from '@/lib/csv/dialects';
import { translator } from '@/lib/i18n';
import { paramProblem, paramProblemResponse, refusedParamMessage, sentValues, type ParamProblem } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { user, response } = await guardRequest('crm');
  if (response) return response;
  const search = new URL(request.url).searchParams;
  const t = translator(user.locale);
  const { params, problems } = parseDashboardParams(search);
  const [dialectValue] = sentValues(search, 'dialect');
  const dialect = parseDialect(dialectValue);
  const refuse = (problem: ParamProblem) => paramProblemResponse(problem, refusedParamMessage(problem, t));
  if (problems.length > 0) return refuse(problems[0]);
  if (dialect === null) return refuse(paramProblem('dialect', dialectValue ?? ''));
  const stream = dashboardExportStream(user, params, dialect);
  return stream ? csvResponse(stream, 'crm-tickets') : downloadBusyResponse(t('error.downloadBusy'));
}
