// Schemas and helpers every input schema shares. Error messages are i18n keys (lib/i18n).
import { z } from 'zod';

/** Typed ids and versions are decimal digits: Number() would also read "0x10", "1e3" or "+5". */
const positiveInt = (message: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && !/^\s*\d+\s*$/.test(value) ? Number.NaN : value),
    z.coerce.number({ message }).int({ message }).positive({ message }).max(Number.MAX_SAFE_INTEGER, { message }),
  );

export const idSchema = positiveInt('invalidId');
export const versionSchema = positiveInt('invalidVersion');

/**
 * Turns FormData into a plain object for zod: a key that occurs more than once becomes an array,
 * Next's own `$ACTION_…` fields are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  // A Map, not an object: a field named `constructor` or `__proto__` must not meet Object.prototype.
  const result = new Map<string, string | string[]>();
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const value = typeof raw === 'string' ? raw : raw.name;
    const existing = result.get(key);
    result.set(key, existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]);
  }
  return Object.fromEntries(result);
}

/** Field errors keyed by the first path segment; each value an i18n message key. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}
