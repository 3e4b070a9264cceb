// The URL-parameter toolkit (lib/url-params.ts) and the dashboard page's whole view state read with it.
import { describe, expect, it } from 'vitest';
import { parseDashboardView } from '@/lib/crm/dashboard/view-state';
import { translator } from '@/lib/i18n';
import {
  ignoredParamMessage,
  pageFrom,
  paramProblem,
  paramProblemResponse,
  paramValues,
  rawValue,
  readIds,
  refusedParamMessage,
  sentValues,
} from '@/lib/url-params';

const de = translator('de');
const en = translator('en');

describe('reading values', () => {
  it('reads a query string and Next.js search parameters alike', () => {
    const query = new URLSearchParams('a=1&a=%202%20&a=&b=x');
    const record = { a: ['1', ' 2 ', ''], b: 'x' };
    for (const raw of [query, record]) {
      expect(sentValues(raw, 'a')).toEqual(['1', ' 2 ', '']);
      expect(paramValues(raw, 'a')).toEqual(['1', '2']);
      expect(rawValue(raw, 'b')).toBe('x');
      expect(rawValue(raw, 'a')).toEqual(['1', ' 2 ', '']);
      expect(rawValue(raw, 'c')).toBeUndefined();
    }
  });

  it('never reads what an object inherits, nor anything but text', () => {
    const hostile = JSON.parse('{"constructor": 5, "__proto__": ["x"], "list": ["a", 7, null]}') as Record<string, string>;
    expect(sentValues({}, 'hasOwnProperty')).toEqual([]);
    expect(sentValues({}, 'toString')).toEqual([]);
    expect(sentValues(hostile, 'constructor')).toEqual([]);
    expect(sentValues(hostile, 'list')).toEqual(['a']);
  });

  it('reads repeatable ids once each, `none` only where offered, and returns the rest as invalid', () => {
    expect(readIds(['3', '1', '3', 'none', 'abc', '-1', '0', '1.5'], { allowNone: true })).toEqual({
      ids: [3, 1],
      none: true,
      invalid: ['abc', '-1', '0', '1.5'],
    });
    expect(readIds(['none', '2'], { allowNone: false })).toEqual({ ids: [2], none: false, invalid: ['none'] });
  });

  it('reads a page number, anything odd as page 1', () => {
    expect(pageFrom('3')).toBe(3);
    expect(pageFrom(['4', '5'])).toBe(4);
    for (const odd of [undefined, '', '0', '-2', '1.5', 'zwei', '100001', '1e3x']) expect(pageFrom(odd), String(odd)).toBe(1);
  });
});

describe('problems', () => {
  it('cut the echoed value to 100 characters', () => {
    expect(paramProblem('q', 'x'.repeat(500))).toEqual({ param: 'q', value: 'x'.repeat(100), problem: 'invalid' });
  });

  it("a page names the field by its label (else the parameter) in the user's language", () => {
    const problem = paramProblem('crmStatus', 'abc');
    expect(ignoredParamMessage(problem, de, 'CRM-Ticketstatus')).toBe(
      'Der Wert „abc“ für „CRM-Ticketstatus“ ist ungültig und wurde ignoriert.',
    );
    expect(ignoredParamMessage(problem, en)).toBe('The value “abc” for “crmStatus” is invalid and was ignored.');
    expect(ignoredParamMessage(paramProblem('crm', 'on', 'crmForbidden'), de)).toContain('nur CRM Benutzern');
  });

  it('a route handler answers JSON naming the parameter: 400 for an invalid value, 403 for a CRM criterion', async () => {
    const invalid = paramProblem('groupBy', 'bogus');
    const answer = paramProblemResponse(invalid, refusedParamMessage(invalid, en));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual({ error: 'Invalid value “bogus” for the parameter groupBy.', param: 'groupBy', value: 'bogus' });
    const forbidden = paramProblem('crmStatus', '1', 'crmForbidden');
    const refused = paramProblemResponse(forbidden, refusedParamMessage(forbidden, de));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ param: 'crmStatus', error: expect.stringContaining('„crmStatus“') });
  });
});

describe("the dashboard page's view state", () => {
  it("holds the view, the opened group, list or tree, the page and the pickers' searches", () => {
    const state = parseDashboardView({
      crmStatus: ['1', 'none'],
      groupBy: 'crmStatus,product',
      open: '1.none',
      view: 'list',
      page: '3',
      partnerQuery: '  Müller ',
      contactQuery: ['a', 'b'],
    });
    expect(state.params.filters.crmStatus).toEqual({ ids: [1], none: true });
    expect(state).toMatchObject({ problems: [], open: [1, null], listView: true, page: 3, search: { partner: 'Müller', contact: '' } });
  });

  it("shows the tree by default and the list without grouping; reports a bad group after the view's problems", () => {
    expect(parseDashboardView({})).toMatchObject({ listView: false, page: 1, open: null, search: { partner: '', contact: '' } });
    expect(parseDashboardView(new URLSearchParams('groupBy=none')).listView).toBe(true);
    const bad = parseDashboardView(new URLSearchParams('crmStatus=abc&open=1.2&page=x'));
    expect(bad.problems).toEqual([paramProblem('crmStatus', 'abc'), paramProblem('open', '1.2')]);
    expect(bad).toMatchObject({ open: null, page: 1, listView: false });
  });
});
