// Requests Next.js cannot read, refused by the proxy before Next.js fails on them: a path whose
// percent-escapes do not decode, a router state header that does not parse, a server action call
// with an id of the wrong form, a body over the actions' limit or one that does not parse. Next.js
// answers these with a 500 (or renders the page) and logs a stack trace for each, anonymous or not;
// the proxy answers 400 or 413 and logs one line instead.
import diagnostics from 'node:diagnostics_channel';
import type { IncomingHttpHeaders } from 'node:http';
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';

export type Refusal = { status: 400 | 413; reason: string };

/** Next.js's default `serverActions.bodySizeLimit` (1 MB), which this app keeps. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** The import's upload (SPEC section 18): files up to 20 MB, refused with a message by the action itself. */
export const IMPORT_UPLOAD_BODY_LIMIT = 25 * 1024 * 1024;
const IMPORT_UPLOAD_PATH = '/data-manager/import';

/** The body limit of a server action call to this page: the import's upload page takes its files. */
export function actionBodyLimit(pathname: string): number {
  return pathname === IMPORT_UPLOAD_PATH ? IMPORT_UPLOAD_BODY_LIMIT : ACTION_BODY_LIMIT;
}

/** Server action ids are 42 hexadecimal characters (Next.js refuses any other length with a stack trace). */
const ACTION_ID = /^[0-9a-f]{42}$/i;

/** A path with a percent-escape that is not UTF-8, e.g. `/tickets/%ff`. */
export function refusePath(pathname: string): Refusal | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return { status: 400, reason: 'malformed percent-encoding in the path' };
  }
}

/**
 * Next.js hides its router headers from the proxy, so a request's router state is checked as the
 * request arrives (`watchRouterStates`): one that Next.js's own parser refuses is taken off the
 * request and this header put on instead, for the proxy to refuse.
 */
export const REFUSED_ROUTER_STATE = 'x-crm-refused-router-state';
const ROUTER_STATE = 'next-router-state-tree';

/** Takes a `Next-Router-State-Tree` header that Next.js would fail on off the request, and marks the request. */
export function setAsideMalformedRouterState(headers: IncomingHttpHeaders): void {
  const state = headers[ROUTER_STATE];
  if (state === undefined) return;
  try {
    parseAndValidateFlightRouterState(state);
  } catch {
    delete headers[ROUTER_STATE];
    headers[REFUSED_ROUTER_STATE] = '1';
  }
}

/** From now on, checks the router state of every request this process's HTTP servers receive (instrumentation.ts). */
export function watchRouterStates(): void {
  const global = globalThis as unknown as { crmRouterStatesWatched?: boolean };
  if (global.crmRouterStatesWatched) return;
  global.crmRouterStatesWatched = true;
  diagnostics.subscribe('http.server.request.start', (message) => {
    setAsideMalformedRouterState((message as { request: { headers: IncomingHttpHeaders } }).request.headers);
  });
}

/** A request whose router state header was set aside as malformed. */
export function refuseRouterState(headers: Headers): Refusal | null {
  return headers.has(REFUSED_ROUTER_STATE) ? { status: 400, reason: 'malformed Next-Router-State-Tree header' } : null;
}

/** The body, or a refusal once it is longer than `limit` bytes (read no further). */
async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | Refusal> {
  const tooLong: Refusal = { status: 413, reason: `body over ${limit} bytes` };
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return tooLong;
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
    length += next.value.byteLength;
    if (length > limit) {
      await reader!.cancel();
      return tooLong;
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A POST to a page is a server action call (a `Next-Action` header from JavaScript, a form's multipart
 * or urlencoded body without it): its id must have the right form, its body must be within the limit
 * and, if it is the call's arguments (JSON or multipart), must parse as such.
 */
export async function refuseActionCall(request: Request, limit = ACTION_BODY_LIMIT): Promise<Refusal | null> {
  if (request.method !== 'POST') return null;
  const actionId = request.headers.get('next-action');
  if (actionId !== null && !ACTION_ID.test(actionId)) return { status: 400, reason: 'malformed Next-Action header' };
  const body = await readBody(request, limit);
  if (!(body instanceof Uint8Array)) return body;
  const contentType = request.headers.get('content-type') ?? '';
  if (/^multipart\/form-data/i.test(contentType)) {
    try {
      await new Response(body, { headers: { 'content-type': contentType } }).formData();
    } catch {
      return { status: 400, reason: 'malformed multipart body' };
    }
  } else if (actionId !== null) {
    try {
      if (!Array.isArray(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)))) throw new TypeError('not an argument list');
    } catch {
      return { status: 400, reason: 'malformed server action arguments' };
    }
  }
  return null;
}

/** The one line logged for a refused request: status, method, path (quoted, cut) and why. */
export function refusalLogLine(request: Request, pathname: string, { status, reason }: Refusal): string {
  const path = JSON.stringify(pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname);
  return `Refused ${request.method} ${path} with ${status}: ${reason}`;
}
