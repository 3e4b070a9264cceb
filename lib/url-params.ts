// The URL-parameter toolkit of the lists (dashboard, ticket list, Daten Manager): one way to read a
// parameter's values and repeatable ids, one problem type, one sentence for a page that ignores a
// value and one JSON answer for a route handler that refuses it.
import type { Translate } from '@/lib/i18n';
import { idSchema } from '@/lib/validation';

/** A query string, or the search parameters Next.js hands a page. */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Echoed values are cut to this length. */
const ECHO_LENGTH = 100;

/** Every value of a parameter as sent. Only texts: a hostile name such as `hasOwnProperty` may reach here as anything. */
export function sentValues(raw: RawParams, name: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(name);
  const value: unknown = Object.hasOwn(raw, name) ? raw[name] : undefined;
  return [value ?? []].flat().filter((item): item is string => typeof item === 'string');
}

/** A parameter as Next.js hands it to a page: absent, one text, or the texts of a repeated parameter. */
export function rawValue(raw: RawParams, name: string): string | string[] | undefined {
  const values = sentValues(raw, name);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

/** The 1-based page number from a `page` parameter; anything odd is page 1. */
export function pageFrom(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/** The values a filter reads: trimmed, empty ones dropped (an empty form field sets nothing). */
export function paramValues(raw: RawParams, name: string): string[] {
  return sentValues(raw, name)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/**
 * Why a value was not used: `invalid`, or `crmForbidden` (a CRM criterion of a user without `crm`).
 * `value` is what was sent, cut for echoing; a page names the field by its label, an API by `param`.
 */
export type ParamProblem<P extends string = string> = { param: P; value: string; problem: 'invalid' | 'crmForbidden' };

export function paramProblem<P extends string>(param: P, value: string, problem: ParamProblem['problem'] = 'invalid'): ParamProblem<P> {
  return { param, value: value.slice(0, ECHO_LENGTH), problem };
}

/** Repeatable ids: each once, in the order given; `none` ("field is empty") where the filter offers it. */
export type IdChoice = { ids: number[]; none: boolean };

/** Reads repeatable ids (and `none` if `allowNone`); what is neither comes back as `invalid`. */
export function readIds(values: readonly string[], options: { allowNone: boolean }): IdChoice & { invalid: string[] } {
  const choice: IdChoice & { invalid: string[] } = { ids: [], none: false, invalid: [] };
  for (const value of values) {
    if (options.allowNone && value === 'none') {
      choice.none = true;
      continue;
    }
    const id = idSchema.safeParse(value);
    if (!id.success) choice.invalid.push(value);
    else if (!choice.ids.includes(id.data)) choice.ids.push(id.data);
  }
  return choice;
}

/** A page's sentence for a value it ignored, naming the field by `label` (its label) or else the parameter. */
export function ignoredParamMessage(problem: ParamProblem, t: Translate, label: string = problem.param): string {
  return problem.problem === 'crmForbidden'
    ? t('list.crmParamForbidden', { param: label })
    : t('list.invalidParam', { param: label, value: problem.value });
}

/** A route handler's sentence for a value it refused, naming the parameter. */
export function refusedParamMessage(problem: ParamProblem, t: Translate): string {
  return problem.problem === 'crmForbidden'
    ? t('dataManager.error.crmParam', { param: problem.param })
    : t('dataManager.error.invalidParam', { param: problem.param, value: problem.value });
}

/**
 * A route handler's answer to a refused parameter: JSON in the user's language naming the parameter
 * and the value, 400 for an invalid value and 403 for a CRM criterion of a user without `crm`.
 */
export function paramProblemResponse(problem: ParamProblem, message: string): Response {
  return Response.json(
    { error: message, param: problem.param, value: problem.value },
    { status: problem.problem === 'crmForbidden' ? 403 : 400, headers: { 'Cache-Control': 'no-store' } },
  );
}
