import 'server-only';
// The download of one dashboard view (SPEC section 10), for users with `crm` only. The rows are
// read and written in the export worker (lib/server-load), off the event loop that answers the pages.
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import type { CsvDialect } from '@/lib/csv/dialects';
import { exportCsvStream } from '@/lib/server-load/downloads';
import type { DashboardParams } from './params';

/** The download, or null while the user already has one running (the route answers 429). */
export function dashboardExportStream(user: SessionUser, params: DashboardParams, dialect: CsvDialect): ReadableStream<Uint8Array> | null {
  assertRole(user, 'crm');
  return exportCsvStream({ kind: 'dashboard', params, dialect, locale: user.locale, instant: Date.now() }, user.id);
}
