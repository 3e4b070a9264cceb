// Names what a server action answered: its translated message is looked up in both dictionaries, so the
// outcome reads the same whatever the caller's language (`error.forbidden` → `forbidden`).
import { de, en } from '@/lib/i18n/dictionaries';

/** Message keys with a name of their own in the matrix; any other key is named by its last segment. */
const NAMED: Record<string, string> = {
  'error.unauthenticated': 'unauthenticated',
  'error.forbidden': 'forbidden',
  'error.notFound': 'notFound',
  'error.form': 'invalid',
  'error.staleVersion': 'stale',
  'error.staleVersionBy': 'stale',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every message of both languages with its key, and as a pattern where placeholders match anything. */
const MESSAGES: { key: string; text: string; pattern: RegExp }[] = [de, en].flatMap((dictionary) =>
  Object.entries(dictionary).map(([key, text]) => ({
    key,
    text,
    pattern: new RegExp(
      `^${text
        .split(/\{\w+\}/)
        .map(escapeRegExp)
        .join('.*')}$`,
      's',
    ),
  })),
);

/** The key of a translated message: an exact text first, then a template with its placeholders filled. */
export function messageKey(message: string): string | undefined {
  return (MESSAGES.find(({ text }) => text === message) ?? MESSAGES.find(({ pattern }) => pattern.test(message)))?.key;
}

function outcomeOfMessage(message: string): string {
  const key = messageKey(message);
  if (!key) return 'unknownMessage';
  return NAMED[key] ?? key.split('.').pop()!;
}

/**
 * `ok`, a refusal (`unauthenticated`, `forbidden`, `notFound`, `invalid`, `stale`, or the message's own
 * key), `void` (nothing returned), `results`/`empty` for a search.
 */
export function outcomeOfValue(value: unknown): string {
  if (value === '$undefined' || value === null) return 'void';
  if (Array.isArray(value)) return value.length > 0 ? 'results' : 'empty';
  if (typeof value !== 'object') return 'unexpected';
  const state = value as { ok?: unknown; error?: unknown };
  if (state.ok === true) return 'ok';
  if (typeof state.error === 'string') return outcomeOfMessage(state.error);
  return 'unexpected';
}
