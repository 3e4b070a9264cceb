// Input schemas for business partners' master data, shared by the forms and their actions, and the
// URL parameters of the partner list (parsed from searchParams, serialised back into links).
import { z } from 'zod';
import type { ActionState } from '@/lib/action';
import { idSchema, versionSchema } from '@/lib/validation';
import type { SimilarPartner } from './queries';

/** The longest value of each master-data field; the forms' maxLength reads the same numbers. */
export const PARTNER_MAX = {
  name: 200,
  name2: 200,
  searchName: 100,
  street: 200,
  postcode: 20,
  city: 100,
  country: 60,
  phone: 50,
  email: 254,
  website: 300,
} as const;

const optionalText = (max: number) => z.string().trim().max(max, { message: 'tooLong' }).default('');

const emailFormat = z.email();
const websiteFormat = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

export const partnerMasterDataSchema = z.object({
  name: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(PARTNER_MAX.name, { message: 'tooLong' }),
  name2: optionalText(PARTNER_MAX.name2),
  searchName: optionalText(PARTNER_MAX.searchName),
  street: optionalText(PARTNER_MAX.street),
  postcode: optionalText(PARTNER_MAX.postcode),
  city: optionalText(PARTNER_MAX.city),
  country: optionalText(PARTNER_MAX.country),
  phone: optionalText(PARTNER_MAX.phone),
  email: optionalText(PARTNER_MAX.email).refine((value) => value === '' || emailFormat.safeParse(value).success, {
    message: 'invalidEmail',
  }),
  // "www.beispiel.de" is how people write a website: it is stored with https:// in front.
  website: optionalText(PARTNER_MAX.website)
    .transform((value) => (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`))
    .refine((value) => value === '' || websiteFormat.safeParse(value).success, { message: 'partners.error.invalidWebsite' }),
});
export type PartnerMasterData = z.infer<typeof partnerMasterDataSchema>;

export const createPartnerSchema = partnerMasterDataSchema.extend({
  /** The "trotzdem anlegen" tick: create even though similar names exist. */
  force: z
    .string()
    .optional()
    .transform((value) => value === 'on'),
});
export type CreatePartnerInput = z.infer<typeof createPartnerSchema>;

/** The create form's state: with the similar partners when the duplicate check refused the save. */
/** What a refused create hands the form: the partners with a similar name. */
export type SimilarPartners = { similar: SimilarPartner[] };
export type CreatePartnerState = ActionState<SimilarPartners>;

export const updatePartnerSchema = partnerMasterDataSchema.extend({ id: idSchema, version: versionSchema });
export type UpdatePartnerInput = z.infer<typeof updatePartnerSchema>;

export const deletePartnerSchema = z.object({
  id: idSchema,
  version: versionSchema,
  confirm: z.literal('on', { message: 'partners.error.confirmDelete' }),
});
export type DeletePartnerInput = z.infer<typeof deletePartnerSchema>;

// ---------------------------------------------------------------- the list's URL parameters

export const PARTNER_SORTS = ['name', 'gpid'] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];
export type SortDirection = 'asc' | 'desc';
export const PARTNER_PAGE_SIZE = 50;

/** Search and order; the page number is read by `pageFrom` and kept by `Pagination`. */
export type PartnerListParams = { q: string; sort: PartnerSort; dir: SortDirection };
export const DEFAULT_PARTNER_LIST_PARAMS: PartnerListParams = { q: '', sort: 'name', dir: 'asc' };

type RawParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The list parameters; anything unknown or malformed falls back to the default, never an error. */
export function parsePartnerListParams(raw: RawParams): PartnerListParams {
  const sort = z.enum(PARTNER_SORTS).safeParse(first(raw.sort));
  const dir = z.enum(['asc', 'desc']).safeParse(first(raw.dir));
  return {
    q: (first(raw.q) ?? '').trim().slice(0, 200),
    sort: sort.success ? sort.data : DEFAULT_PARTNER_LIST_PARAMS.sort,
    dir: dir.success ? dir.data : DEFAULT_PARTNER_LIST_PARAMS.dir,
  };
}

/** The query string of a parameter set, defaults left out so the plain list keeps a plain URL. */
export function serialisePartnerListParams(params: PartnerListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.sort !== DEFAULT_PARTNER_LIST_PARAMS.sort || params.dir !== DEFAULT_PARTNER_LIST_PARAMS.dir) {
    search.set('sort', params.sort);
    search.set('dir', params.dir);
  }
  return search;
}
