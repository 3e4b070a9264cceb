// GET /crm/forecast/export: the CSV of the forecast named by the same query string (crm only).
import { guardRequest } from '@/lib/auth/guards';
import { forecastExportStream } from '@/lib/crm/forecast/export';
import { parseForecastParams } from '@/lib/crm/forecast/params';
import { parseDialect } from '@/lib/csv/dialects';
import { csvResponse, downloadBusyResponse } from '@/lib/csv/stream';
import { translator } from '@/lib/i18n';
import { paramProblem, paramProblemResponse, refusedParamMessage, sentValues, type ParamProblem } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { user, response } = await guardRequest('crm');
  if (response) return response;
  const search = new URL(request.url).searchParams;
  const t = translator(user.locale);
  const { params, problems } = parseForecastParams(search);
  const [dialectValue] = sentValues(search, 'dialect');
  const dialect = parseDialect(dialectValue);
  const refuse = (problem: ParamProblem) => paramProblemResponse(problem, refusedParamMessage(problem, t));
  if (problems.length > 0) return refuse(problems[0]);
  if (dialect === null) return refuse(paramProblem('dialect', dialectValue ?? ''));
  const stream = await forecastExportStream(user, params, dialect);
  return stream ? csvResponse(stream, 'crm-forecast') : downloadBusyResponse(t('error.downloadBusy'));
}
