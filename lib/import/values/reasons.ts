// Why a cell could not be read: message keys of lib/i18n/messages/import.ts (the `import.values.*` block).

export type ImportValueReason =
  | 'import.values.number'
  | 'import.values.integer'
  | 'import.values.tooLarge'
  | 'import.values.moneyCents'
  | 'import.values.percentRange'
  | 'import.values.date'
  | 'import.values.dateInvalid'
  | 'import.values.datetime'
  | 'import.values.boolean';

/** The result of reading one cell: a value, or the reason it is refused (never thrown). */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: ImportValueReason };

export const refuse = (reason: ImportValueReason): { ok: false; reason: ImportValueReason } => ({ ok: false, reason });
