// The ticket list's URL parameters: what is read, what is refused, and that a list survives a round trip.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TICKET_STATUSES } from '@/db/schema';
import {
  EMPTY_TICKET_LIST_PARAMS,
  parseTicketListParams,
  serialiseTicketListParams,
  usesCrmCriteria,
  type TicketListParams,
} from '@/lib/tickets/filters';

const parse = (query: string, allowCrm = false) => parseTicketListParams(new URLSearchParams(query), { allowCrm });

describe('parseTicketListParams', () => {
  it('reads repeated statuses and assignees (incl. me), one partner and the search text', () => {
    const { params, problems } = parse('status=open&status=parked&assignee=me&assignee=7&partner=12&q=%20Drucker%20');
    expect(problems).toEqual([]);
    expect(params).toEqual({ ...EMPTY_TICKET_LIST_PARAMS, status: ['open', 'parked'], assignee: ['me', 7], partner: 12, q: 'Drucker' });
  });

  it("accepts the same shape from a page's searchParams object", () => {
    const { params } = parseTicketListParams({ status: ['closed', 'closed'], assignee: 'me', q: undefined }, { allowCrm: false });
    expect(params).toMatchObject({ status: ['closed'], assignee: ['me'], q: '' });
  });

  it('reports invalid values, applies the valid ones beside them, and ignores empty fields', () => {
    const { params, problems } = parse('status=open&status=done&assignee=-3&assignee=me&partner=abc&q=&page=2');
    expect(params).toMatchObject({ status: ['open'], assignee: ['me'], partner: null, q: '' });
    expect(problems).toEqual([
      { param: 'status', value: 'done', problem: 'invalid' },
      { param: 'assignee', value: '-3', problem: 'invalid' },
      { param: 'partner', value: 'abc', problem: 'invalid' },
    ]);
  });

  it('refuses an over-long search text rather than cutting it', () => {
    const { params, problems } = parse(`q=${'x'.repeat(201)}`);
    expect(params.q).toBe('');
    expect(problems).toMatchObject([{ param: 'q', problem: 'invalid' }]);
    expect(problems[0].value.length).toBeLessThanOrEqual(100);
  });

  it('refuses every CRM criterion of a user without crm and applies none of them', () => {
    const { params, problems } = parse('status=open&crm=on&crmStatus=1&crmStatus=2&revenueGroup=3');
    expect(params).toEqual({ ...EMPTY_TICKET_LIST_PARAMS, status: ['open'] });
    expect(usesCrmCriteria(params)).toBe(false);
    expect(problems).toEqual([
      { param: 'crm', value: 'on', problem: 'crmForbidden' },
      { param: 'crmStatus', value: '1, 2', problem: 'crmForbidden' },
      { param: 'revenueGroup', value: '3', problem: 'crmForbidden' },
    ]);
  });

  it('refuses CRM criteria of a non-CRM user even when their values are invalid', () => {
    expect(parse('crm=maybe').problems).toEqual([{ param: 'crm', value: 'maybe', problem: 'crmForbidden' }]);
  });

  it('applies CRM criteria for a crm user', () => {
    const { params, problems } = parse('crm=off&crmStatus=4&revenueGroup=2&revenueGroup=x', true);
    expect(params).toMatchObject({ crm: 'off', crmStatus: [4], revenueGroup: [2] });
    expect(usesCrmCriteria(params)).toBe(true);
    expect(problems).toEqual([{ param: 'revenueGroup', value: 'x', problem: 'invalid' }]);
  });
});

describe('serialiseTicketListParams', () => {
  it('writes a stable query string and leaves empty parameters out', () => {
    const params: TicketListParams = { ...EMPTY_TICKET_LIST_PARAMS, q: 'Müller & Co', assignee: ['me', 3], status: ['parked', 'open'] };
    expect(serialiseTicketListParams(params).toString()).toBe('status=parked&status=open&assignee=me&assignee=3&q=M%C3%BCller+%26+Co');
    expect(serialiseTicketListParams(EMPTY_TICKET_LIST_PARAMS).toString()).toBe('');
  });

  it('round-trips every valid parameter set through the URL', () => {
    const id = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    const paramsArbitrary = fc.record({
      status: fc.uniqueArray(fc.constantFrom(...TICKET_STATUSES)),
      assignee: fc.uniqueArray(fc.oneof(fc.constant('me' as const), id)),
      partner: fc.option(id, { nil: null }),
      contact: fc.option(id, { nil: null }),
      q: fc.string({ maxLength: 200 }).map((text) => text.trim()),
      crm: fc.constantFrom('on' as const, 'off' as const, null),
      crmStatus: fc.uniqueArray(id),
      revenueGroup: fc.uniqueArray(id),
    });
    fc.assert(
      fc.property(paramsArbitrary, (params) => {
        const query = serialiseTicketListParams(params).toString();
        const parsed = parseTicketListParams(new URLSearchParams(query), { allowCrm: true });
        expect(parsed.problems).toEqual([]);
        expect(parsed.params).toEqual(params);
        expect(serialiseTicketListParams(parsed.params).toString()).toBe(query);
      }),
    );
  });
});
