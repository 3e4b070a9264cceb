// GET /data-manager/export/partners|contacts|tickets: the chosen columns of every matching record as CSV.
import { guardRequest } from '@/lib/auth/guards';
import { isExportEntity } from '@/lib/data-manager/columns';
import { parseExportRequest, problemMessage } from '@/lib/data-manager/params';
import { dataExportStream } from '@/lib/data-manager/export';
import { csvResponse, downloadBusyResponse } from '@/lib/csv/stream';
import { translator } from '@/lib/i18n';
import { paramProblemResponse } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ entity: string }> }) {
  const { user, response } = await guardRequest();
  if (response) return response;
  const t = translator(user.locale);
  const { entity } = await context.params;
  if (!isExportEntity(entity))
    return Response.json({ error: t('dataManager.error.unknownEntity') }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const { request: exportRequest, problem } = parseExportRequest(entity, new URL(request.url).searchParams, user);
  if (problem) return paramProblemResponse(problem, problemMessage(problem, t));
  const stream = dataExportStream(user, exportRequest);
  return stream ? csvResponse(stream, `crm-${entity}`) : downloadBusyResponse(t('error.downloadBusy'));
}
