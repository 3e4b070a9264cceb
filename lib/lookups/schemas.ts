// Input schemas of the CRM administration, shared by its forms and actions. Messages are i18n keys.
// Amounts are read in the user's language, so the entry schemas are made per locale; dates are ISO
// (the forms use date inputs, which send ISO whatever the language).
import { z } from 'zod';
import { ATTRIBUTE_TARGETS, PHASES, type AttributeTarget, type Locale, type Phase } from '@/db/schema';
import { parseEuroToCents } from '@/lib/money';
import { idSchema, versionSchema } from '@/lib/validation';
import { LOOKUP_LIST_KEYS, LOOKUP_LISTS, type LookupListKey } from './lists';

const MAX_EMPLOYEES = 10_000_000;

/** The values an entry of a list stores beyond its name; which apply depends on the list's kind. */
export type LookupDetails = {
  minEmployees?: number;
  maxEmployees?: number | null;
  minCents?: number;
  maxCents?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  appliesTo?: AttributeTarget;
  phase?: Phase;
  /** `#rrggbb` in lower case, or null: no colour. */
  color?: string | null;
  /** "veraltet nach N Tagen" (SPEC section 17): whole days, or null: never stale. */
  staleAfterDays?: number | null;
};

/** The longest stale rule: ten years, far past any sales cycle. */
export const MAX_STALE_AFTER_DAYS = 3650;

const listSchema = z.enum(LOOKUP_LIST_KEYS, { message: 'crmAdmin.error.unknownList' });
const optionalText = z.string().trim().optional().default('');

const entryFields = {
  list: listSchema,
  name: z.string().trim().min(1, { message: 'required' }).max(100, { message: 'tooLong' }),
  minEmployees: optionalText,
  maxEmployees: optionalText,
  minEuro: optionalText,
  maxEuro: optionalText,
  startDate: optionalText,
  endDate: optionalText,
  appliesTo: optionalText,
  /** The "keine Farbe" box: a colour input always sends a colour, so "none" is a box of its own. */
  noColor: optionalText,
  // Absent: the stored phase and colour stay (a new entry gets the defaults, open and none).
  phase: z.string().trim().optional(),
  color: z.string().trim().optional(),
  // Absent: the stored rule stays; empty: never stale.
  staleAfterDays: z.string().trim().optional(),
};

type EntryFields = { list: LookupListKey; name: string; phase?: string; color?: string; staleAfterDays?: string } & Record<
  Exclude<keyof typeof entryFields, 'list' | 'name' | 'phase' | 'color' | 'staleAfterDays'>,
  string
>;

/** A colour as `<input type="color">` sends it: `#rrggbb`, stored in lower case. */
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** The stale rule as typed: absent (keep), empty (never), or 1–3650 whole days. */
function staleAfterDaysOf(text: string | undefined): number | null | undefined | 'invalid' {
  if (text === undefined) return undefined;
  if (text === '') return null;
  const days = wholeNumber(text);
  return days !== null && days >= 1 && days <= MAX_STALE_AFTER_DAYS ? days : 'invalid';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isoDate(text: string): string | null {
  if (!ISO_DATE.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : null;
}

/** Checks and converts the kind-specific fields; reports problems per field. */
function detailsOf(input: EntryFields, ctx: z.RefinementCtx, locale: Locale): LookupDetails {
  const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  switch (LOOKUP_LISTS[input.list].kind) {
    case 'employees': {
      const min = wholeNumber(input.minEmployees);
      const max = input.maxEmployees === '' ? null : wholeNumber(input.maxEmployees);
      if (min === null || min > MAX_EMPLOYEES) fail('minEmployees', 'crmAdmin.error.wholeNumber');
      if (input.maxEmployees !== '' && (max === null || max > MAX_EMPLOYEES)) fail('maxEmployees', 'crmAdmin.error.wholeNumber');
      else if (min !== null && max !== null && max < min) fail('maxEmployees', 'crmAdmin.error.maxBelowMin');
      return { minEmployees: min ?? 0, maxEmployees: max };
    }
    case 'cents': {
      const min = parseEuroToCents(input.minEuro, locale);
      const max = input.maxEuro === '' ? null : parseEuroToCents(input.maxEuro, locale);
      if (min === null || min < 0) fail('minEuro', 'crmAdmin.error.amount');
      if (input.maxEuro !== '' && (max === null || max < 0)) fail('maxEuro', 'crmAdmin.error.amount');
      else if (min !== null && max !== null && max < min) fail('maxEuro', 'crmAdmin.error.maxBelowMin');
      return { minCents: min ?? 0, maxCents: max };
    }
    case 'campaign': {
      const start = input.startDate === '' ? null : isoDate(input.startDate);
      const end = input.endDate === '' ? null : isoDate(input.endDate);
      if (input.startDate !== '' && start === null) fail('startDate', 'crmAdmin.error.date');
      if (input.endDate !== '' && end === null) fail('endDate', 'crmAdmin.error.date');
      else if (start && end && end < start) fail('endDate', 'crmAdmin.error.endBeforeStart');
      return { startDate: start, endDate: end };
    }
    case 'attribute': {
      const target = ATTRIBUTE_TARGETS.find((value) => value === input.appliesTo);
      if (!target) fail('appliesTo', 'invalid');
      return { appliesTo: target ?? 'both' };
    }
    case 'status': {
      const phase = PHASES.find((value) => value === input.phase);
      if (input.phase !== undefined && !phase) fail('phase', 'crmAdmin.error.phase');
      // "keine Farbe" ticked wins over the colour the colour input always sends.
      const none = input.noColor !== '' || input.color === '';
      if (!none && input.color !== undefined && !HEX_COLOR.test(input.color)) fail('color', 'crmAdmin.error.color');
      const color = none ? null : input.color?.toLowerCase();
      const stale = staleAfterDaysOf(input.staleAfterDays);
      if (stale === 'invalid') fail('staleAfterDays', 'crmAdmin.error.staleAfterDays');
      return {
        ...(phase ? { phase } : {}),
        ...(color !== undefined ? { color } : {}),
        ...(stale !== undefined && stale !== 'invalid' ? { staleAfterDays: stale } : {}),
      };
    }
    case 'plain':
      return {};
  }
}

export const addEntrySchema = (locale: Locale) =>
  z.object(entryFields).transform((input, ctx) => ({ list: input.list, name: input.name, details: detailsOf(input, ctx, locale) }));
export type AddEntryInput = z.infer<ReturnType<typeof addEntrySchema>>;

export const updateEntrySchema = (locale: Locale) =>
  z.object({ ...entryFields, id: idSchema, version: versionSchema }).transform((input, ctx) => ({
    list: input.list,
    id: input.id,
    version: input.version,
    name: input.name,
    details: detailsOf(input, ctx, locale),
  }));
export type UpdateEntryInput = z.infer<ReturnType<typeof updateEntrySchema>>;

export const archiveEntrySchema = z.object({
  list: listSchema,
  id: idSchema,
  version: versionSchema,
  archived: z.enum(['true', 'false'], { message: 'invalid' }).transform((value) => value === 'true'),
});

/** `confirm=1`: the second submit after the warning that partners fall into a company size. */
export const deleteEntrySchema = z.object({
  list: listSchema,
  id: idSchema,
  version: versionSchema,
  confirm: z
    .string()
    .optional()
    .transform((value) => value === '1'),
});

export const moveEntrySchema = z.object({ list: listSchema, id: idSchema, direction: z.enum(['up', 'down'], { message: 'invalid' }) });

/** A whole new order, as drag and drop sends it: every id of the list exactly once. */
export const reorderEntriesSchema = z.object({
  list: listSchema,
  ids: z.preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(idSchema).min(1).max(1000)),
});
