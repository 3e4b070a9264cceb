// What is wrong with an uploaded file or one of its cells, as plain data: the file's problems (lib/import/parse)
// and the refused cells (lib/import/values) alike, listed by the dry run with line, column, value and reason.
import type { MessageKey } from '@/lib/i18n';

/** One problem; `reason` is a message key (`import.parse.*`, `import.values.*`), `params` fill its placeholders. */
export type ImportProblem = {
  /** 1-based line in the file (a quoted cell with line breaks counts each of its lines); null for the whole file. */
  line: number | null;
  /** The header of the column concerned, when there is one. */
  column: string | null;
  /** The cell or header text concerned, when there is one. */
  value: string | null;
  reason: MessageKey;
  params?: Record<string, string | number>;
};

export function problem(
  reason: MessageKey,
  where: { line?: number | null; column?: string | null; value?: string | null; params?: Record<string, string | number> } = {},
): ImportProblem {
  const found: ImportProblem = { line: where.line ?? null, column: where.column ?? null, value: where.value ?? null, reason };
  return where.params ? { ...found, params: where.params } : found;
}
