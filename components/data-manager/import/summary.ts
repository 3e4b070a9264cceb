// An applied import's counts and undo report in words, for the list, its notices and the undo page.
import type { Formatter, Translate } from '@/lib/i18n';
import { translateError } from '@/lib/i18n';
import type { ImportCounts } from '@/lib/import/apply/apply';
import type { ImportUndoReport } from '@/lib/import/apply/undo';

export function countsText(counts: ImportCounts, t: Translate, format: Formatter): string {
  const line = t('import.ui.countsLine', {
    create: format.integer(counts.create),
    update: format.integer(counts.update),
    unchanged: format.integer(counts.unchanged),
    skip: format.integer(counts.skip),
  });
  return counts.entries > 0 ? `${line}, ${t('import.ui.entriesLine', { entries: format.integer(counts.entries) })}` : line;
}

/** "N entfernt, M wiederhergestellt, K übersprungen: Name (Grund), …" */
export function undoReportText(report: ImportUndoReport, t: Translate, format: Formatter): string {
  const line = t('import.ui.undoReport', {
    removed: format.integer(report.removed),
    restored: format.integer(report.restored),
    skipped: format.integer(report.skipped.length),
  });
  if (report.skipped.length === 0) return line;
  return `${line}: ${report.skipped.map((skip) => `${skip.label} (${translateError(t, skip.reason)})`).join(', ')}`;
}
