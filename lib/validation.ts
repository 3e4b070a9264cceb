// Schemas and helpers every input schema shares. Error messages are i18n keys (lib/i18n).
import { z } from 'zod';

const positiveInt = (message: string) =>
  z.coerce.number({ message }).int({ message }).positive({ message }).max(Number.MAX_SAFE_INTEGER, { message });

export const idSchema = positiveInt('invalidId');
export const versionSchema = positiveInt('invalidVersion');

/**
 * Turns FormData into a plain object for zod: a key that occurs more than once becomes an array,
 * Next's own `$ACTION_…` fields are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const value = typeof raw === 'string' ? raw : raw.name;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
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
