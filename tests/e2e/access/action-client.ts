// Calls a server action over raw HTTP the way React's client does: a POST to a page with the
// `Next-Action` header and the arguments encoded by React's own `encodeReply` (loaded from Next's
// compiled copy), then reads what the action returned out of the RSC answer.
import { createRequire } from 'node:module';
import path from 'node:path';
import { outcomeOfValue } from './outcome';

type FlightClient = { encodeReply: (value: unknown[]) => Promise<string | FormData> };
const flight = createRequire(path.join(process.cwd(), 'package.json'))(
  'next/dist/compiled/react-server-dom-webpack/client.node.js',
) as FlightClient;

export type ActionCall = {
  /** The page the form lives on (path and query): the client posts the action to it. */
  page: string;
  /** The action's arguments: `[previousState, formData]` for a form action. */
  args: unknown[];
};

export type Answer = { status: number; outcome: string };

/** A FormData from fields; an array value repeats the field. */
export function form(fields: Record<string, string | number | readonly (string | number)[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, String(item));
  return data;
}

/** The arguments of a `useActionState` form action: no previous state, then the form. */
export function formArgs(fields: Parameters<typeof form>[0]): unknown[] {
  return [{}, form(fields)];
}

/**
 * The rows of a React Flight answer by id: `<hex id>:<json>\n`, or `<hex id>:T<hex byte length>,<text>`
 * for long text. Byte lengths, so the answer is read as bytes.
 */
function flightRows(body: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = body.toString('utf8', at, colon);
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const length = parseInt(body.toString('utf8', colon + 2, comma), 16);
      rows.set(id, body.toString('utf8', comma + 1, comma + 1 + length));
      at = comma + 1 + length;
    } else {
      const end = body.indexOf(0x0a, colon);
      const stop = end < 0 ? body.length : end;
      rows.set(id, body.toString('utf8', colon + 1, stop));
      at = stop + 1;
    }
  }
  return rows;
}

/** What the action returned: Next puts it under `a` of row 0, usually as a reference (`$@1`) to its own row. */
function returnedValue(rows: Map<string, string>): { value: unknown } | { thrown: true } | null {
  const root = rows.get('0');
  if (!root?.startsWith('{')) return null;
  const result: unknown = (JSON.parse(root) as { a?: unknown }).a;
  if (result === undefined) return null;
  const reference = typeof result === 'string' ? /^\$@([0-9a-f]+)$/.exec(result) : null;
  if (!reference) return { value: result };
  const row = rows.get(reference[1]);
  if (row === undefined) return null;
  if (row.startsWith('E')) return { thrown: true };
  return { value: JSON.parse(row) as unknown };
}

/** Where a redirect goes, with record ids generalised (`/tickets/301;push` → `/tickets/[id]`). */
function redirectTarget(header: string): string {
  const pathname = new URL(header.split(';')[0], 'http://x').pathname;
  return pathname.replace(/\/\d+(?=\/|$)/g, '/[id]');
}

export async function postAction(
  baseURL: string,
  actionId: string,
  call: ActionCall,
  options: { cookie: string | null; headers?: Record<string, string> },
): Promise<Answer> {
  const headers: Record<string, string> = { 'Next-Action': actionId, Accept: 'text/x-component', Origin: baseURL, ...options.headers };
  if (options.cookie) headers.Cookie = options.cookie;
  const response = await fetch(new URL(call.page, baseURL), {
    method: 'POST',
    body: await flight.encodeReply(call.args),
    headers,
    redirect: 'manual',
  });
  const body = Buffer.from(await response.arrayBuffer());
  const redirect = response.headers.get('x-action-redirect');
  if (redirect) return { status: response.status, outcome: `redirect:${redirectTarget(redirect)}` };
  if (!(response.headers.get('content-type') ?? '').startsWith('text/x-component')) return { status: response.status, outcome: 'noAction' };
  const returned = returnedValue(flightRows(body));
  if (returned === null) return { status: response.status, outcome: 'noResult' };
  if ('thrown' in returned) return { status: response.status, outcome: 'thrown' };
  return { status: response.status, outcome: outcomeOfValue(returned.value) };
}
