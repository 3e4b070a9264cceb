// GET /api/v1/crm/summary: the dashboard's group tree as JSON for a signed-in crm user.
import { guardRequest } from '@/lib/auth/guards';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { translator } from '@/lib/i18n';
import { readInWorker } from '@/lib/reads/pool';
import { paramProblemResponse, refusedParamMessage } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { user, response } = await guardRequest('crm');
  if (response) return response;
  const { params, problems } = parseDashboardParams(new URL(request.url).searchParams);
  const [problem] = problems;
  if (problem) return paramProblemResponse(problem, refusedParamMessage(problem, translator(user.locale)));
  // Totals and ticket ids come from one snapshot, read by a read worker (lib/reads).
  return Response.json(await readInWorker('dashboardJson', { user, params }), { headers: { 'Cache-Control': 'no-store' } });
}
