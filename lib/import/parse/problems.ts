// What is wrong with an uploaded file, as plain data: the next steps list these next to the rows' errors.
import type { MessageKey } from '@/lib/i18n';

/** One problem of the file; `reason` is a message key of `import.parse.*`, `params` fill its placeholders. */
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
