// The check that an answer shown to a person is a sentence of the German dictionary (placeholders
// filled in), never raw zod, SQL or JavaScript error text.
import { expect } from 'vitest';
import { de } from '@/lib/i18n/dictionaries';

const MESSAGES = new Set<string>(Object.values(de));
const PATTERNS = Object.values(de)
  .filter((text) => /\{\w+\}/.test(text))
  .map((text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[\\s\\S]*')}$`));

export function expectHumanMessage(text: unknown, what = 'message'): void {
  expect(typeof text === 'string' && text.trim() !== '', `${what} is empty`).toBe(true);
  const known = MESSAGES.has(text as string) || PATTERNS.some((pattern) => pattern.test(text as string));
  expect(known, `${what} is not a sentence of the dictionary: ${String(text).slice(0, 200)}`).toBe(true);
}
