import 'server-only';
// The download of a forecast (crm only). A forecast is a few dozen rows, so it is read in the
// user's turn of the heavy reads and written here, without the export worker; it still takes the
// user's one place among the downloads, as every download does (lib/server-load/downloads.ts).
import { getDb } from '@/db/client';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { csvBooleanWords } from '@/lib/csv/columns';
import type { CsvDialect } from '@/lib/csv/dialects';
import { csvChunks } from '@/lib/csv/stream';
import { translator } from '@/lib/i18n';
import { claimDownload } from '@/lib/server-load/downloads';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { forecastCsvColumns, forecastCsvRows } from './csv';
import type { ForecastParams } from './params';
import { readForecast } from './queries';

/** The CSV of the forecast, or null while the user already has a download running (the route answers 429). */
export async function forecastExportStream(
  user: SessionUser,
  params: ForecastParams,
  dialect: CsvDialect,
): Promise<ReadableStream<Uint8Array> | null> {
  assertRole(user, 'crm');
  const release = claimDownload(user.id);
  if (!release) return null;
  try {
    const t = translator(user.locale);
    const table = await heavyRead(user.id, () => readForecast(getDb(), user, params, t));
    const chunks = csvChunks({
      dialect,
      columns: forecastCsvColumns(table, t),
      rows: forecastCsvRows(table, t),
      words: csvBooleanWords(t),
    });
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done) {
          release();
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      },
      cancel() {
        chunks.return();
        release();
      },
    });
  } catch (error) {
    release();
    throw error;
  }
}
