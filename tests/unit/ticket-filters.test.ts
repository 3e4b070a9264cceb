// The ticket list's URL parameters: what is read, what is refused, and that a list survives a round trip.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PHASES, TICKET_STATUSES } from '@/db/schema';
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

  it('refuses the pipeline criteria of a user without crm like the other CRM criteria', () => {
    const { params, problems } = parse('crmPhase=open&crmPhase=won&closeWithin=30&overdue=1');
    expect(params).toEqual(EMPTY_TICKET_LIST_PARAMS);
    expect(problems).toEqual([
      { param: 'crmPhase', value: 'open, won', problem: 'crmForbidden' },
      { param: 'closeWithin', value: '30', problem: 'crmForbidden' },
      { param: 'overdue', value: '1', problem: 'crmForbidden' },
    ]);
  });

  it('reads phases, a close window of 1 to 3650 days and the overdue flag for a crm user', () => {
    const { params, problems } = parse('crmPhase=lost&crmPhase=open&crmPhase=lost&crmPhase=closed&closeWithin=007&overdue=on', true);
    expect(params).toMatchObject({ crmPhase: ['lost', 'open'], closeWithin: 7, overdue: true });
    expect(usesCrmCriteria(params)).toBe(true);
    expect(problems).toEqual([{ param: 'crmPhase', value: 'closed', problem: 'invalid' }]);
    expect(serialiseTicketListParams(params).toString()).toBe('crmPhase=lost&crmPhase=open&closeWithin=7&overdue=1');
    for (const bad of ['0', '3651', '-5', '1e3', '+5', '2.5', 'dreißig']) {
      expect(parse(`closeWithin=${encodeURIComponent(bad)}`, true)).toEqual({
        params: EMPTY_TICKET_LIST_PARAMS,
        problems: [{ param: 'closeWithin', value: bad, problem: 'invalid' }],
      });
    }
    expect(parse('closeWithin=3650&overdue=yes', true)).toEqual({
      params: { ...EMPTY_TICKET_LIST_PARAMS, closeWithin: 3650 },
      problems: [{ param: 'overdue', value: 'yes', problem: 'invalid' }],
    });
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
      crmPhase: fc.uniqueArray(fc.constantFrom(...PHASES)),
      closeWithin: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
      overdue: fc.boolean(),
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
