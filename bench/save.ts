// The CRM panel's save as a browser without JavaScript sends it: the hidden fields of the form as
// the ticket page rendered it (React's action reference and key, the ticket id and CRM version) plus
// the typed values, posted to the ticket page. The answer is the re-rendered page; its status line
// says whether the save went through, and its form is the one the next save is typed into.
import { translator } from '@/lib/i18n';
import { timeResponse, type Sample } from './measure';

const t = translator('de');
const FORM_LABEL = `aria-label="${t('crm.panel.title')}"`;
const SAVED = `role="status">${t('common.saved')}<`;
// What both stale-version messages (with and without the name of whoever saved in between) begin with.
const STALE = commonPrefix(t('error.staleVersion'), t('error.staleVersionBy', { name: '\u0000' }));

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length += 1;
  return a.slice(0, length);
}

/** The CRM form of one rendered ticket page: its hidden fields and the CRM version it was rendered at. */
export type CrmPanelForm = { hidden: [string, string][]; version: number };

/** What a user types into the CRM form; lists repeat their field like checkboxes do. */
export type CrmSaveValues = {
  crmStatusId: string;
  probability: string;
  potential: string;
  expectedUsers: string;
  campaigns: string[];
  products: string[];
};

export type CrmSaveAnswer = { sample: Sample; outcome: 'saved' | 'conflict' | 'failed'; form: CrmPanelForm | null };

const decodeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The CRM save form in a ticket page's HTML, or null when the page has none (no access, CRM off). */
export function readCrmPanelForm(html: string): CrmPanelForm | null {
  const start = html.indexOf(FORM_LABEL);
  if (start < 0) return null;
  const form = html.slice(start, html.indexOf('</form>', start));
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(
    ([, name, value]): [string, string] => [decodeAttribute(name), decodeAttribute(value ?? '')],
  );
  const version = Number(hidden.find(([name]) => name === 'crmVersion')?.[1]);
  return Number.isInteger(version) ? { hidden, version } : null;
}

/** The ticket page as the user opens it before typing. */
export async function openCrmPanelForm(url: string, cookie: string, ticketId: number): Promise<CrmPanelForm> {
  const { sample, body } = await timeResponse(`${url}/tickets/${ticketId}`, { headers: { cookie } });
  const form = readCrmPanelForm(new TextDecoder().decode(body));
  if (sample.status !== 200 || !form) throw new Error(`ticket ${ticketId}: no CRM form (HTTP ${sample.status})`);
  return form;
}

/** Posts the form with new values; a network error answers as outcome 'failed' with status 0. */
export async function postCrmSave(
  url: string,
  cookie: string,
  ticketId: number,
  form: CrmPanelForm,
  values: CrmSaveValues,
): Promise<CrmSaveAnswer> {
  const body = new FormData();
  for (const [name, value] of form.hidden) body.append(name, value);
  for (const [name, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  const started = performance.now();
  try {
    const answer = await timeResponse(`${url}/tickets/${ticketId}`, { method: 'POST', body, headers: { cookie, origin: url } });
    const html = new TextDecoder().decode(answer.body);
    const ok = answer.sample.status === 200;
    const outcome = ok && html.includes(SAVED) ? 'saved' : ok && html.includes(STALE) ? 'conflict' : 'failed';
    return { sample: answer.sample, outcome, form: readCrmPanelForm(html) };
  } catch {
    return { sample: { ms: performance.now() - started, status: 0, bytes: 0 }, outcome: 'failed', form: null };
  }
}
