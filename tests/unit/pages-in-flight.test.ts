// The requests in flight that downloads give way to (lib/pages-in-flight.ts), counted from Node's
// HTTP diagnostics channel on a real server: while a page is answered, not for a download or a
// static file, and down again whether the response was sent or the client went away.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRequest, countRequests, pagesInFlight } from '@/lib/pages-in-flight';

const inFlight = () => Atomics.load(pagesInFlight(), 0);
let server: http.Server;
let base: string;
/** What the count was while each path was being answered. */
const seen = new Map<string, number>();

beforeAll(async () => {
  countRequests();
  countRequests(); // Twice counts once.
  server = http.createServer((request, response) => {
    seen.set(request.url!, inFlight());
    if (request.url === '/hangs') return; // Answered never: the client gives up.
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('pages in flight', () => {
  it('counts a page while it is answered, and no longer once it is', async () => {
    for (const path of ['/crm?groupBy=crmStatus', '/ticketboard', '/api/v1/crm/summary', '/data-manager', '/crm/exports-are-not-a-route']) {
      expect(await (await fetch(`${base}${path}`)).text()).toBe('ok');
      expect(seen.get(path)).toBe(1);
    }
    await expect.poll(inFlight).toBe(0);
  });

  it('does not count the downloads or the static files', async () => {
    for (const path of ['/crm/export?groupBy=crmStatus&dialect=excel', '/crm/export', '/data-manager/export/tickets?dialect=excel', '/_next/static/chunks/app.js']) {
      await (await fetch(`${base}${path}`)).text();
      expect(seen.get(path)).toBe(0);
    }
    expect(inFlight()).toBe(0);
  });

  it('leaves out every download route the app has (a new one must be added to the list)', () => {
    // Each route handler under an `export` folder, as its URL: route groups dropped, a parameter filled in.
    const downloads = (fs.readdirSync('app', { recursive: true }) as string[])
      .filter((file) => /(^|\/)export\/(.*\/)?route\.ts$/.test(file))
      .map((file) => `/${file.split('/').filter((part) => !/^\(.*\)$/.test(part) && part !== 'route.ts').map((part) => part.replace(/^\[.*\]$/, 'tickets')).join('/')}?dialect=excel`);
    expect(downloads.length).toBeGreaterThanOrEqual(2);
    for (const url of downloads) {
      countRequest({ url }, new EventEmitter());
      expect(inFlight(), url).toBe(0);
    }
  });

  it('stops counting a page whose client went away before the answer', async () => {
    const gone = new AbortController();
    const request = fetch(`${base}/hangs`, { signal: gone.signal });
    await expect.poll(() => seen.get('/hangs')).toBe(1);
    expect(inFlight()).toBe(1);
    gone.abort();
    await expect(request).rejects.toThrow();
    await expect.poll(inFlight).toBe(0);
  });
});
