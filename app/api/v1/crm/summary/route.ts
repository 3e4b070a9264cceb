// GET /api/v1/crm/summary: the dashboard's group tree as JSON for a signed-in crm user.
import { getDb } from '@/db/client';
import { guardRequest } from '@/lib/auth/guards';
import { dashboardJson } from '@/lib/crm/dashboard/api';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { translator } from '@/lib/i18n';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { paramProblemResponse, refusedParamMessage } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { user, response } = await guardRequest('crm');
  if (response) return response;
  const { params, problems } = parseDashboardParams(new URL(request.url).searchParams);
  const [problem] = problems;
  if (problem) return paramProblemResponse(problem, refusedParamMessage(problem, translator(user.locale)));
  // Totals and ticket ids in one synchronous read (one snapshot), in this user's turn (lib/server-load).
  return Response.json(await heavyRead(user.id, () => dashboardJson(getDb(), { user, params })), {
    headers: { 'Cache-Control': 'no-store' },
  });
}
