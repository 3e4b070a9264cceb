// GET /api/v1/crm/forecast: the forecast table as JSON for a signed-in crm user.
import { getDb } from '@/db/client';
import { guardRequest } from '@/lib/auth/guards';
import { forecastJson } from '@/lib/crm/forecast/api';
import { parseForecastParams } from '@/lib/crm/forecast/params';
import { readForecast } from '@/lib/crm/forecast/queries';
import { translator } from '@/lib/i18n';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { paramProblemResponse, refusedParamMessage } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { user, response } = await guardRequest('crm');
  if (response) return response;
  const t = translator(user.locale);
  const { params, problems } = parseForecastParams(new URL(request.url).searchParams);
  const [problem] = problems;
  if (problem) return paramProblemResponse(problem, refusedParamMessage(problem, t));
  // Both aggregate queries in one synchronous read, in this user's turn (lib/server-load).
  const table = await heavyRead(user.id, () => readForecast(getDb(), user, params, t));
  return Response.json(forecastJson(table), { headers: { 'Cache-Control': 'no-store' } });
}
