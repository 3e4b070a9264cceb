// How many requests the server is answering (pages, server actions, the JSON API), in memory every
// thread of the process can see: a download gives way while it is not zero (lib/exports/rest.ts).
// Counted from Node's own HTTP diagnostics channel, from the moment a request arrives until its
// response is closed (sent or abandoned). The downloads themselves and the static files are not
// counted. Kept on `globalThis`, so that every module that asks (in whichever bundle) gets one cell.
import diagnostics from 'node:diagnostics_channel';

const globalForPages = globalThis as unknown as { crmPagesInFlight?: Int32Array; crmPagesCounted?: boolean };

/** The cell itself (one 32-bit counter on shared memory), to hand to a worker thread. */
export function pagesInFlight(): Int32Array {
  return (globalForPages.crmPagesInFlight ??= new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)));
}

/** Not counted: the two download routes (they are what gives way) and the framework's static files. */
const NOT_COUNTED = /^\/(?:crm\/export(?:[/?]|$)|data-manager\/export\/|_next\/static\/)/;

type Request = { url?: string };
type Response = { once(event: 'close', listener: () => void): unknown };

/** Counts one request until its response is closed, unless it is a download or a static file. */
export function countRequest(request: Request, response: Response): void {
  if (NOT_COUNTED.test(request.url ?? '')) return;
  const cell = pagesInFlight();
  Atomics.add(cell, 0, 1);
  response.once('close', () => {
    // The last request to end wakes whoever waits for none to be left.
    if (Atomics.sub(cell, 0, 1) === 1) Atomics.notify(cell, 0);
  });
}

/** From now on, counts every request this process's HTTP servers receive (once per process; instrumentation.ts). */
export function countRequests(): void {
  if (globalForPages.crmPagesCounted) return;
  globalForPages.crmPagesCounted = true;
  diagnostics.subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: Request; response: Response };
    countRequest(request, response);
  });
}
