// Every list's URL-parameter parser under hostile query strings (SPEC section 8: "Invalid values give
// a visible message and are ignored, never a crash"): it never throws, always yields a valid parameter
// set (ids positive safe integers, known enum values, bounded text and pages), every value it drops is
// reported where the product reports it, and what it yields survives a round trip through the link.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TICKET_STATUSES, type Role } from '@/db/schema';
import { pageFrom } from '@/components/ui/pagination';
import { contactFormPrefill, contactListQuery, CONTACT_MAX, prefillPartnerId } from '@/lib/contacts/schemas';
import { GROUP_KEYS, ID_FILTERS, MAX_GROUP_LEVELS, parseDashboardParams, serialiseDashboardParams } from '@/lib/crm/dashboard/params';
import { CSV_DIALECTS } from '@/lib/csv/dialects';
import { DATA_COLUMNS, isExportEntity } from '@/lib/data-manager/columns';
import { parseExportRequest, problemMessage, serialiseExportRequest } from '@/lib/data-manager/params';
import { translator } from '@/lib/i18n';
import { isLookupListKey } from '@/lib/lookups/lists';
import { PARTNER_SORTS, parsePartnerListParams, serialisePartnerListParams } from '@/lib/partners/schemas';
import { pickerQuery } from '@/lib/picker';
import { queryFormValues } from '@/lib/ticketboard/form-options';
import { parseSavedParams } from '@/lib/ticketboard/saved-params';
import {
  CRM_PARAMS,
  EMPTY_TICKET_LIST_PARAMS,
  parseTicketListParams,
  serialiseTicketListParams,
  TICKET_LIST_PARAMS,
  type ParamProblem,
  type TicketListParams,
} from '@/lib/tickets/filters';
import { isPickerSearch, ticketFormDraft } from '@/lib/tickets/schemas';
import { EXPORT_ENTITIES } from '@/db/schema';
import { expectHumanMessage } from '../support/human-message';
import { hostileQuery, hostileString, RUNS, SEED } from '../support/hostile-values';

type Raw = Record<string, string | string[]>;

const IDS = ['1', '2', '3', '7', '42'];
const settings = { seed: SEED, numRuns: RUNS };

/** A query string's parameters as Next hands them to a page: a repeated name becomes an array. */
function hostileRecord(names: readonly string[]): fc.Arbitrary<Raw> {
  return hostileQuery(names, [IDS]).map((entries) => {
    const record = new Map<string, string | string[]>();
    for (const [name, value] of entries) {
      const existing = record.get(name);
      record.set(name, existing === undefined ? value : [existing, value].flat());
    }
    return Object.fromEntries(record);
  });
}

/** The same parameters as a URL carries them (what route handlers read). */
const hostileSearch = (names: readonly string[]) => hostileQuery(names, [IDS]).map((entries) => new URLSearchParams(entries));

/** The trimmed, non-blank values of a parameter, however it came. */
function valuesOf(raw: Raw | URLSearchParams, name: string): string[] {
  const values = raw instanceof URLSearchParams ? raw.getAll(name) : [Object.hasOwn(raw, name) ? raw[name] : []].flat();
  return values.map((value) => value.trim()).filter((value) => value !== '');
}

const isId = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const unique = (values: readonly unknown[]) => new Set(values).size === values.length;
/** A typed id as the parser must read it: decimal digits only, a positive safe integer. */
const typedId = (value: string) => (/^\d+$/.test(value) && isId(Number(value)) ? Number(value) : null);

function expectValidTicketParams(params: TicketListParams, allowCrm: boolean): void {
  expect(params.status.every((status) => (TICKET_STATUSES as readonly string[]).includes(status)) && unique(params.status)).toBe(true);
  expect(params.assignee.every((id) => id === 'me' || isId(id)) && unique(params.assignee)).toBe(true);
  expect(params.partner === null || isId(params.partner)).toBe(true);
  expect(params.contact === null || isId(params.contact)).toBe(true);
  expect(params.q.length <= 200 && params.q === params.q.trim()).toBe(true);
  expect([null, 'on', 'off']).toContain(params.crm);
  expect([...params.crmStatus, ...params.revenueGroup].every(isId) && unique(params.crmStatus) && unique(params.revenueGroup)).toBe(true);
  expect(params.crmPhase.every((phase) => ['open', 'won', 'lost'].includes(phase)) && unique(params.crmPhase)).toBe(true);
  expect(
    params.closeWithin === null || (Number.isInteger(params.closeWithin) && params.closeWithin >= 1 && params.closeWithin <= 3650),
  ).toBe(true);
  if (!allowCrm) {
    const { crm, crmStatus, revenueGroup, crmPhase, closeWithin, overdue } = params;
    expect({ crm, crmStatus, revenueGroup, crmPhase, closeWithin, overdue }).toEqual({
      crm: null,
      crmStatus: [],
      revenueGroup: [],
      crmPhase: [],
      closeWithin: null,
      overdue: false,
    });
  }
}

/** Whether a typed value of a ticket-list parameter was applied. */
function appliedTicketValue(params: TicketListParams, name: (typeof TICKET_LIST_PARAMS)[number], value: string): boolean {
  switch (name) {
    case 'status':
      return (params.status as string[]).includes(value);
    case 'assignee':
      return value === 'me' ? params.assignee.includes('me') : params.assignee.includes(typedId(value) ?? -1);
    case 'partner':
    case 'contact':
      return params[name] !== null && params[name] === typedId(value);
    case 'crmStatus':
    case 'revenueGroup':
      return params[name].includes(typedId(value) ?? -1);
    case 'q':
      return params.q === value;
    case 'crm':
      return params.crm === value;
    case 'crmPhase':
      return (params.crmPhase as string[]).includes(value);
    case 'closeWithin':
      return /^\d{1,4}$/.test(value) && params.closeWithin === Number(value);
    case 'overdue':
      return ['1', 'on'].includes(value) && params.overdue;
  }
}

/** Each value a user typed is applied or reported (repeatable parameters: each value; others: the first). */
function expectTicketValuesAppliedOrReported(
  raw: Raw | URLSearchParams,
  params: TicketListParams,
  problems: ParamProblem[],
  allowCrm: boolean,
): void {
  for (const problem of problems) expect(TICKET_LIST_PARAMS as readonly string[]).toContain(problem.param);
  for (const name of TICKET_LIST_PARAMS) {
    const values = valuesOf(raw, name);
    if (values.length === 0) continue;
    if (!allowCrm && (CRM_PARAMS as readonly string[]).includes(name)) {
      expect(problems).toContainEqual({ param: name, value: values.join(', ').slice(0, 100), problem: 'crmForbidden' });
      continue;
    }
    const repeatable = ['status', 'assignee', 'crmStatus', 'revenueGroup', 'crmPhase'].includes(name);
    for (const value of repeatable ? values : values.slice(0, 1)) {
      const reported = problems.some(
        (problem) => problem.param === name && problem.value === value.slice(0, 100) && problem.problem === 'invalid',
      );
      expect(
        appliedTicketValue(params, name, value) !== reported,
        `${name}=${value.slice(0, 40)} neither applied nor reported, or both`,
      ).toBe(true);
    }
  }
}

describe('ticket list parameters (/tickets, saved queries, data manager tickets)', () => {
  for (const allowCrm of [true, false]) {
    it(`never throw, stay valid, apply or report every value, and round-trip (${allowCrm ? 'crm' : 'no crm'} user)`, () => {
      fc.assert(
        fc.property(fc.oneof(hostileRecord([...TICKET_LIST_PARAMS, 'page']), hostileSearch(TICKET_LIST_PARAMS)), (raw) => {
          const { params, problems } = parseTicketListParams(raw, { allowCrm });
          expectValidTicketParams(params, allowCrm);
          expectTicketValuesAppliedOrReported(raw, params, problems, allowCrm);
          expect(parseTicketListParams(serialiseTicketListParams(params), { allowCrm })).toEqual({ params, problems: [] });
        }),
        settings,
      );
    });
  }

  it('saved query strings of any shape read back valid; CRM criteria of a user without crm make the query unavailable', () => {
    const queryString = fc.oneof(hostileString([IDS]), hostileSearch(TICKET_LIST_PARAMS).map(String));
    fc.assert(
      fc.property(queryString, fc.boolean(), (text, allowCrm) => {
        const saved = parseSavedParams(text, { allowCrm });
        expectValidTicketParams(saved.params, allowCrm);
        expect(saved.crmUnavailable).toBe(saved.problems.some((problem) => problem.problem === 'crmForbidden'));
      }),
      settings,
    );
  });

  it('the query form after a no-JavaScript partner search shows bounded, valid values', () => {
    const user = (roles: Role[]) => ({ id: 1, email: 'a@example.com', name: 'A', roles, locale: 'de' as const });
    const saved = { name: 'Offen', params: { ...EMPTY_TICKET_LIST_PARAMS, status: ['open' as const] } };
    fc.assert(
      fc.property(hostileRecord([...TICKET_LIST_PARAMS, 'name', 'partnerQuery']), fc.boolean(), (raw, crm) => {
        const values = queryFormValues(raw, user(crm ? ['crm'] : []), saved);
        if (raw.partnerQuery === undefined) expect(values).toBe(saved);
        expect(values.name.length).toBeLessThanOrEqual(80);
        expectValidTicketParams(values.params, crm);
      }),
      settings,
    );
  });
});

describe('ticket and contact forms carried through the URL (no-JavaScript picker search)', () => {
  it('the ticket draft is bounded and its ids, status and version valid', () => {
    fc.assert(
      fc.property(
        hostileRecord([
          'title',
          'description',
          'partnerId',
          'contactId',
          'assigneeId',
          'status',
          'version',
          'partnerQuery',
          'contactQuery',
        ]),
        (raw) => {
          const draft = ticketFormDraft(raw);
          expect((draft.title ?? '').length).toBeLessThanOrEqual(200);
          expect((draft.description ?? '').length).toBeLessThanOrEqual(20_000);
          for (const id of [draft.partnerId, draft.contactId]) expect(id === undefined || id === null || isId(id)).toBe(true);
          expect(draft.status === undefined || (TICKET_STATUSES as readonly string[]).includes(draft.status)).toBe(true);
          expect(draft.version === undefined || isId(draft.version)).toBe(true);
          for (const query of [draft.partnerQuery, draft.contactQuery]) expect(query.length <= 100 && query === query.trim()).toBe(true);
          expect(isPickerSearch(raw)).toBe(raw.partnerQuery !== undefined || raw.contactQuery !== undefined);
        },
      ),
      settings,
    );
  });

  it('the contact form keeps each field within its limit and chooses a valid partner or none', () => {
    const fallback = { salutation: 'Frau', firstName: 'Erika', lastName: 'Mustermann', email: '', phone: '', position: '' };
    fc.assert(
      fc.property(hostileRecord([...Object.keys(fallback), 'partnerId', 'partner']), (raw) => {
        const values = contactFormPrefill(raw, fallback);
        for (const [field, value] of Object.entries(values)) {
          expect(value.length).toBeLessThanOrEqual(field === 'salutation' ? 10 : CONTACT_MAX[field as keyof typeof CONTACT_MAX]);
          if (valuesOf(raw, field).length === 0 && raw[field] === undefined) expect(value).toBe(fallback[field as keyof typeof fallback]);
        }
        const partner = prefillPartnerId(raw);
        expect(partner === undefined || partner === null || isId(partner)).toBe(true);
      }),
      settings,
    );
  });
});

describe('partner and contact lists, pages, pickers, tabs', () => {
  it('partner list: bounded search, known sort and direction, round trip', () => {
    fc.assert(
      fc.property(hostileRecord(['q', 'sort', 'dir', 'page']), (raw) => {
        const params = parsePartnerListParams(raw);
        expect(params.q.length <= 200 && params.q === params.q.trim()).toBe(true);
        expect(PARTNER_SORTS).toContain(params.sort);
        expect(['asc', 'desc']).toContain(params.dir);
        expect(parsePartnerListParams(Object.fromEntries(serialisePartnerListParams(params)))).toEqual(params);
      }),
      settings,
    );
  });

  it('contact search, page numbers, picker searches and tab names never escape their bounds', () => {
    fc.assert(
      fc.property(hostileRecord(['q', 'page', 'partnerQuery', 'list', 'entity']), (raw) => {
        const query = contactListQuery(raw.q);
        expect(query.length <= 200 && query === query.trim()).toBe(true);
        const page = pageFrom(raw.page);
        expect(Number.isInteger(page) && page >= 1 && page <= 100_000).toBe(true);
        const search = pickerQuery(raw.partnerQuery);
        expect(search.length <= 100 && search === search.trim()).toBe(true);
        expect(isLookupListKey(raw.list)).toBe(
          typeof raw.list === 'string' &&
            [
              'crmTicketStatuses',
              'crmPartnerStatuses',
              'companySizes',
              'revenueGroups',
              'companyGroups',
              'dataSources',
              'campaigns',
              'products',
              'attributes',
            ].includes(raw.list),
        );
        expect(isExportEntity(raw.entity)).toBe(
          typeof raw.entity === 'string' && (EXPORT_ENTITIES as readonly string[]).includes(raw.entity),
        );
      }),
      settings,
    );
  });
});

const DASHBOARD_PARAMS = [...ID_FILTERS, 'ticketStatus', 'usersFrom', 'usersTo', 'groupBy', 'view', 'dialect'];

describe('CRM dashboard parameters (/crm, /crm/export, /api/v1/crm/summary)', () => {
  it('never throw, stay valid, apply or report every value, and round-trip', () => {
    fc.assert(
      fc.property(fc.oneof(hostileRecord(DASHBOARD_PARAMS), hostileSearch(DASHBOARD_PARAMS)), (raw) => {
        const { params, problems } = parseDashboardParams(raw);
        const reported = (param: string, value: string) =>
          problems.some((problem) => problem.param === param && problem.value === value.slice(0, 100));
        for (const problem of problems) expect(problem.value.length).toBeLessThanOrEqual(100);

        for (const key of ID_FILTERS) {
          const { ids, none } = params.filters[key];
          expect(ids.every(isId) && unique(ids)).toBe(true);
          expect(none).toBe(valuesOf(raw, key).includes('none'));
          for (const value of valuesOf(raw, key).filter((item) => item !== 'none')) {
            expect(ids.includes(typedId(value) ?? -1) !== reported(key, value), `${key}=${value.slice(0, 40)}`).toBe(true);
          }
        }
        expect(unique(params.ticketStatus)).toBe(true);
        for (const value of valuesOf(raw, 'ticketStatus'))
          expect((params.ticketStatus as string[]).includes(value) !== reported('ticketStatus', value)).toBe(true);
        for (const name of ['usersFrom', 'usersTo'] as const) {
          const bound = params[name];
          expect(bound === null || (Number.isInteger(bound) && bound >= 0 && bound <= 10_000_000)).toBe(true);
          const [first] = valuesOf(raw, name);
          if (first !== undefined)
            expect((bound !== null && String(bound) === String(Number(first)) && /^\d+$/.test(first)) !== reported(name, first)).toBe(true);
        }
        expect(params.groupBy.length).toBeLessThanOrEqual(MAX_GROUP_LEVELS);
        expect(params.groupBy.every((key) => (GROUP_KEYS as readonly string[]).includes(key)) && unique(params.groupBy)).toBe(true);
        for (const part of valuesOf(raw, 'groupBy')
          .join(',')
          .split(',')
          .map((item) => item.trim())) {
          if (part !== '' && part !== 'none' && !(params.groupBy as string[]).includes(part))
            expect(reported('groupBy', part), `groupBy part ${part.slice(0, 40)}`).toBe(true);
        }
        // The API answers 400 exactly when a problem is reported; a link to the view parses without any.
        expect(parseDashboardParams(serialiseDashboardParams(params))).toEqual({ params, problems: [] });
      }),
      settings,
    );
  });
});

describe('data manager export parameters (/data-manager preview and /data-manager/export/[entity])', () => {
  const t = translator('de');
  const users = { crm: { roles: ['crm'] as Role[] }, plain: { roles: [] as Role[] } };
  const names = ['columns', 'attribute', 'dialect', 'preview', 'entity', ...TICKET_LIST_PARAMS];
  const columnKeys = [...new Set(Object.values(DATA_COLUMNS).flatMap((columns) => columns.map((column) => column.key)))];
  // Column lists mix known keys of every entity (CRM ones included) with hostile text.
  const columns = fc.array(fc.oneof(fc.constantFrom(...columnKeys), hostileString()), { maxLength: 4 }).map((keys) => keys.join(','));
  const request = fc
    .tuple(hostileRecord(names), fc.option(columns, { nil: undefined }))
    .map(([raw, keys]) => (keys === undefined ? raw : { ...raw, columns: keys }));

  for (const [who, user] of Object.entries(users)) {
    it(`never throw; a request is within the user's rights and round-trips, a problem names the parameter (${who})`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...EXPORT_ENTITIES), request, (entity, raw) => {
          const parsed = parseExportRequest(entity, raw, user);
          if (parsed.problem) {
            expect(['invalid', 'crmForbidden']).toContain(parsed.problem.problem);
            expect(parsed.problem.value.length).toBeLessThanOrEqual(100);
            expectHumanMessage(problemMessage(parsed.problem, t));
            if (parsed.problem.problem === 'crmForbidden') expect(who).toBe('plain');
            return;
          }
          const { request: ok } = parsed;
          for (const column of ok.columns) expect(DATA_COLUMNS[entity]).toContain(column);
          if (who === 'plain') expect(ok.columns.some((column) => column.crm) || ok.attribute !== null).toBe(false);
          expect(ok.attribute === null || isId(ok.attribute)).toBe(true);
          expect(CSV_DIALECTS).toContain(ok.dialect);
          expectValidTicketParams(ok.ticketParams, who === 'crm');
          expect(parseExportRequest(entity, serialiseExportRequest(ok), user)).toEqual({ request: ok });
        }),
        settings,
      );
    });
  }
});
