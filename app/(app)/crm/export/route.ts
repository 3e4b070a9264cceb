// GET /crm/export: the CSV of exactly the dashboard view named by the same query string (crm only).
import { guardRequest } from '@/lib/auth/guards';
import { dashboardExportStream } from '@/lib/crm/dashboard/export';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { csvResponse, downloadBusyResponse } from '@/lib/csv/stream';
import { parseDialect } from '@/lib/csv/dialects';
import { translator } from '@/lib/i18n';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { user, response } = await guardRequest('crm');
  if (response) return response;
  const search = new URL(request.url).searchParams;
  const t = translator(user.locale);
  const { params, problems } = parseDashboardParams(search);
  const dialect = parseDialect(search.get('dialect') ?? undefined);
  if (problems.length > 0 || dialect === null) {
    const bad = problems[0] ?? { param: 'dialect', value: (search.get('dialect') ?? '').slice(0, 100) };
    return Response.json({ error: t('dashboard.invalidParam', { param: bad.param, value: bad.value }), param: bad.param }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
  }
  const stream = dashboardExportStream(user, params, dialect);
  return stream ? csvResponse(stream, 'crm-tickets') : downloadBusyResponse(t('error.downloadBusy'));
}
