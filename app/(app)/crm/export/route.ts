// GET /crm/export: the CSV of exactly the dashboard view named by the same query string (crm only).
import { dashboardExportStream } from '@/lib/crm/dashboard/export';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { crmCsvRoute } from '@/lib/csv/export-route';

export const dynamic = 'force-dynamic';

export const GET = crmCsvRoute({ parse: parseDashboardParams, open: dashboardExportStream, fileBase: 'crm-tickets' });
