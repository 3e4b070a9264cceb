// Downloads are fair between users (lib/server-load/downloads.ts): while a user's download runs, their second
// is refused with 429 and Retry-After, another user downloads at the same time in full, and a client
// that stops reading is cut off, which frees the user's place.
import http from 'node:http';
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import { sessionToken, SESSION_COOKIE, signedInContext } from './sessions';
import { DEMO, unique } from './support';

/** Enough partners with long enough web addresses that the file (about 20 MB) outgrows every socket buffer. */
const BULK_PARTNERS = 20_000;
const EXPORT = '/data-manager/export/partners?columns=gpid,website&dialect=rfc4180';

let marker = '';

test.beforeAll(() => {
  marker = unique('bulk');
  const website = `https://${marker}.example.com/${'x'.repeat(1_000)}`;
  withDb((db) => {
    const firstGpid = (db.prepare('select coalesce(max(gpid), 0) from partners').pluck().get() as number) + 1;
    const insert = db.prepare('insert into partners (gpid, name, website) values (?, ?, ?)');
    db.transaction(() => {
      for (let index = 0; index < BULK_PARTNERS; index += 1) insert.run(firstGpid + index, `${marker} ${index}`, website);
    })();
  });
});

test.afterAll(() => {
  withDb((db) => db.prepare('delete from partners where name like ?').run(`${marker} %`));
});

/** A download by a client that reads the headers and then nothing; `readOn` reads the rest and says how it ended. */
async function stalledDownload(baseURL: string, cookie: string): Promise<{ status: number; readOn: () => Promise<'complete' | 'cut'> }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseURL}${EXPORT}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } }, (response) => {
      response.pause();
      const ended = new Promise<'complete' | 'cut'>((settle) => {
        response.on('close', () => settle(response.complete ? 'complete' : 'cut'));
        response.on('error', () => settle('cut'));
      });
      resolve({ status: response.statusCode ?? 0, readOn: () => (response.resume(), ended) });
    });
    request.on('error', reject);
  });
}

test("a user's second download is refused while the first runs, another user's is not, and a client that reads nothing is cut off", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const first = await stalledDownload(baseURL!, await sessionToken(DEMO.crm));
  expect(first.status).toBe(200);

  const crm = await signedInContext(browser, baseURL!, DEMO.crm);
  const agent = await signedInContext(browser, baseURL!, DEMO.agent);
  try {
    const second = await crm.request.get(EXPORT);
    expect(second.status()).toBe(429);
    expect(Number(second.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await second.json()).error).toContain('Sie laden bereits eine Datei herunter');

    // Meanwhile another user downloads the whole file.
    const other = await agent.request.get(EXPORT);
    expect(other.status()).toBe(200);
    const rows = Papa.parse<string[]>(await other.text(), { skipEmptyLines: true }).data;
    expect(rows.filter((row) => row[1]?.includes(marker))).toHaveLength(BULK_PARTNERS);

    // The first client took nothing more: it is cut off, and the user may download again.
    await expect.poll(async () => (await crm.request.get(EXPORT)).status(), { timeout: 90_000, intervals: [2_000] }).toBe(200);
    expect(await first.readOn()).toBe('cut');
  } finally {
    await crm.close();
    await agent.close();
  }
});
