// GET /crm/forecast/export: the CSV of the forecast named by the same query string (crm only).
import { forecastExportStream } from '@/lib/crm/forecast/export';
import { parseForecastParams } from '@/lib/crm/forecast/params';
import { crmCsvRoute } from '@/lib/csv/export-route';

export const dynamic = 'force-dynamic';

export const GET = crmCsvRoute({ parse: parseForecastParams, open: forecastExportStream, fileBase: 'crm-forecast' });
