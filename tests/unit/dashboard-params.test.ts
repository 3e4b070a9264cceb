import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GROUP_KEYS, ID_FILTERS, emptyDashboardParams, parseDashboardParams, serialiseDashboardParams } from '@/lib/crm/dashboard/params';

describe('parseDashboardParams', () => {
  it('reads repeated ids, none, bounds and an ordered groupBy', () => {
    const { params, problems } = parseDashboardParams(
      new URLSearchParams('crmStatus=1&crmStatus=3&crmStatus=none&product=7&usersFrom=10&usersTo=50&groupBy=product,crmStatus'),
    );
    expect(problems).toEqual([]);
    expect(params.filters.crmStatus).toEqual({ ids: [1, 3], none: true });
    expect(params.filters.product).toEqual({ ids: [7], none: false });
    expect(params.filters.partner).toEqual({ ids: [], none: false });
    expect(params).toMatchObject({ usersFrom: 10, usersTo: 50, groupBy: ['product', 'crmStatus'] });
  });

  it('defaults to grouping by CRM status; groupBy=none means no grouping', () => {
    expect(parseDashboardParams({}).params.groupBy).toEqual(['crmStatus']);
    expect(parseDashboardParams({ groupBy: 'none' }).params.groupBy).toEqual([]);
  });

  it('reports and ignores invalid values, never throws', () => {
    const { params, problems } = parseDashboardParams({
      crmStatus: ['abc', '-1', '2'],
      usersFrom: 'viele',
      usersTo: '99999999999',
      groupBy: 'crmStatus,foo,crmStatus,product,partner,assignee,campaign',
      ticketStatus: 'offen',
    });
    expect(params.filters.crmStatus.ids).toEqual([2]);
    expect(params.usersFrom).toBeNull();
    expect(params.groupBy).toEqual(['crmStatus', 'product', 'partner', 'assignee']);
    expect(problems.map((problem) => problem.param).sort()).toEqual(
      ['crmStatus', 'crmStatus', 'groupBy', 'groupBy', 'groupBy', 'ticketStatus', 'usersFrom', 'usersTo'].sort(),
    );
  });

  it('keeps the default grouping when groupBy names nothing usable', () => {
    const { params, problems } = parseDashboardParams({ groupBy: 'drop table' });
    expect(params.groupBy).toEqual(['crmStatus']);
    expect(problems).toEqual([{ param: 'groupBy', value: 'drop table', problem: 'invalid' }]);
  });

  it('cuts echoed values to 100 characters', () => {
    expect(parseDashboardParams({ partner: 'x'.repeat(5000) }).problems[0].value).toHaveLength(100);
  });
});

describe('serialiseDashboardParams', () => {
  it('round-trips any view through its URL', () => {
    const id = fc.integer({ min: 1, max: 10_000 });
    const view = fc.record({
      choices: fc.array(fc.record({ ids: fc.uniqueArray(id, { maxLength: 3 }), none: fc.boolean() }), {
        minLength: ID_FILTERS.length,
        maxLength: ID_FILTERS.length,
      }),
      ticketStatus: fc.subarray(['open', 'in_progress', 'parked', 'closed'] as const),
      usersFrom: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
      usersTo: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
      groupBy: fc.shuffledSubarray([...GROUP_KEYS], { maxLength: 4 }),
    });
    fc.assert(
      fc.property(view, (drawn) => {
        const params = emptyDashboardParams();
        ID_FILTERS.forEach((key, index) => (params.filters[key] = drawn.choices[index]));
        Object.assign(params, {
          ticketStatus: drawn.ticketStatus,
          usersFrom: drawn.usersFrom,
          usersTo: drawn.usersTo,
          groupBy: drawn.groupBy,
        });
        const parsed = parseDashboardParams(serialiseDashboardParams(params));
        expect(parsed.problems).toEqual([]);
        expect(parsed.params).toEqual(params);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
