// Translation and formatting for one locale; framework-free so client leaves and tests can use it.
import type { Locale } from '@/db/schema';
import { centsToEuroInput } from '@/lib/money';
import { de, en, type MessageKey } from './dictionaries';

export type { MessageKey };
const dictionaries: Record<Locale, Record<MessageKey, string>> = { de, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key);
}

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) => {
    const text = dictionary[key] ?? de[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
  };
}

/**
 * An error code from a schema or mutation as a sentence: a shared code ('required', 'staleVersion')
 * means `error.<code>`; a code with a dot is an area's own key ('partners.error.hasTickets').
 */
export function translateError(t: Translate, code: string, params?: Record<string, string | number>): string {
  const key = code.includes('.') ? code : `error.${code}`;
  return isMessageKey(key) ? t(key, params) : t('error.invalid');
}

const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const TIME_ZONE = 'Europe/Berlin';
const AGE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

export function formatter(locale: Locale) {
  const tag = intlLocale[locale];
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' });
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: TIME_ZONE });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
  const calendarDate = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const calendarDateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  return {
    /** Euro cents as a currency amount. */
    money: (cents: number) => money.format(cents / 100),
    /** Euro cents as the value of an amount input, in the notation parseEuroToCents reads for this locale. */
    amountInput: (cents: number | null | undefined) => centsToEuroInput(cents, locale),
    integer: (value: number) => integer.format(value),
    /** A percentage given as 0–100. */
    percent: (value: number) => percent.format(value / 100),
    date: (value: Date) => date.format(value),
    dateTime: (value: Date) => dateTime.format(value),
    /** A calendar date without time (YYYY-MM-DD), the same day in every time zone. */
    calendarDate: (value: string) => calendarDate.format(new Date(`${value}T00:00:00Z`)),
    /** A calendar date with an optional wall-clock time (YYYY-MM-DD or YYYY-MM-DDTHH:MM), as written. */
    wallDateTime: (value: string) =>
      value.length > 10 ? calendarDateTime.format(new Date(`${value}:00Z`)) : calendarDate.format(new Date(`${value}T00:00:00Z`)),
    /** How long ago, in the largest whole unit ("vor 3 Tagen"). */
    age: (value: Date, now = Date.now()) => {
      const seconds = Math.round((value.getTime() - now) / 1000);
      for (const [unit, size] of AGE_UNITS) {
        if (Math.abs(seconds) >= size || unit === 'minute') return relative.format(Math.trunc(seconds / size), unit);
      }
      return relative.format(0, 'minute');
    },
  };
}
export type Formatter = ReturnType<typeof formatter>;
