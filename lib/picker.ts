// What a record picker shows: the id to submit and the label to read.
export type PickerOption = { id: number; label: string };

/** Search terms for pickers: trimmed, bounded, never an error. */
export function pickerQuery(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
}
