// Downloads are written by a worker thread (lib/server-load/downloads.ts): whole files in chunks,
// each record once, the worker's read snapshot released when the file is complete and when the
// client goes away, a failure in the worker cutting the download off instead of leaving it hanging,
// and one download per user at a time.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import { asc, eq } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/client';
import { partners } from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { dataExportStream } from '@/lib/data-manager/export';
import { parseExportRequest } from '@/lib/data-manager/params';
import type { ExportJob } from '@/lib/server-load/export-jobs';
import { exportCsvStream, exportWorkerState } from '@/lib/server-load/downloads';
import { freshAppDb, sessionUser } from '../support/db';

let db: Db;
let user: SessionUser;

/** Enough partners that the file spans several chunks and several pages of the worker's reads. */
const EXTRA_PARTNERS = 2_600;

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  user = sessionUser(db, 'crm@example.com');
  const values = Array.from({ length: EXTRA_PARTNERS }, (_, index) => ({ gpid: 800_000 + index, name: `Partner ${index}; "${index}"` }));
  db.transaction((tx) => {
    for (const value of values) tx.insert(partners).values(value).run();
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Another signed-in user like the crm user (only the id differs), so that each may have a download of their own. */
const otherUser = (index: number): SessionUser => ({ ...user, id: 10_000 + index });

function partnerExportFor(downloader: SessionUser): ReadableStream<Uint8Array> | null {
  const { request, problem } = parseExportRequest('partners', new URLSearchParams('columns=gpid,name&dialect=rfc4180'), downloader);
  expect(problem).toBeUndefined();
  return dataExportStream(downloader, request!);
}

function partnerExport(downloader = user): ReadableStream<Uint8Array> {
  const stream = partnerExportFor(downloader);
  expect(stream).not.toBeNull();
  return stream!;
}

/** A job's download for a user of its own (one download per user). */
function jobStream(job: ExportJob, options?: Parameters<typeof exportCsvStream>[2]): ReadableStream<Uint8Array> {
  const stream = exportCsvStream(job, 20_000 + Math.floor(Math.random() * 1e6), options);
  expect(stream).not.toBeNull();
  return stream!;
}

/** A partners export job made directly, past the request checks: `columns` for the file, `selected` read after the id. */
function partnersJob(columns: string[], selected: string): ExportJob {
  const text = `select id, ${selected} from partners where id > ? order by id limit ?`;
  return { kind: 'dataManager', entity: 'partners', columns, query: { text, params: [0, 1] }, dialect: 'rfc4180', locale: 'de' };
}

/** How far the WAL has been copied back into the database file: a reader on an old snapshot holds it back. */
function checkpoint(sqlite: Database.Database): { log: number; checkpointed: number } {
  const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return result;
}

function writeSomething(): void {
  db.update(partners)
    .set({ comment4: `touched ${Date.now()}` })
    .where(eq(partners.gpid, 800_000))
    .run();
}

/** A download past its first chunk, and a write after it that the worker's snapshot holds back. */
async function downloadHoldingItsSnapshot(): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const reader = partnerExport().getReader();
  await reader.read();
  writeSomething();
  const during = checkpoint(db.$client);
  expect(during.checkpointed).toBeLessThan(during.log);
  return reader;
}

async function expectSnapshotReleased(): Promise<void> {
  await vi.waitFor(() => {
    const after = checkpoint(db.$client);
    expect(after.checkpointed).toBe(after.log);
  });
}

describe('the export worker', () => {
  it('writes the whole file in several chunks, every record once and in id order', async () => {
    const reader = partnerExport().getReader();
    const chunks: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const [header, ...rows] = Papa.parse<string[]>(Buffer.concat(chunks).toString('utf8'), { skipEmptyLines: true }).data;
    expect(header).toEqual(['GPID', 'Name']);
    const stored = db.select({ gpid: partners.gpid, name: partners.name }).from(partners).orderBy(asc(partners.id)).all();
    expect(stored.length).toBeGreaterThan(EXTRA_PARTNERS);
    expect(rows).toEqual(stored.map((partner) => [String(partner.gpid), partner.name]));
  });

  it('holds one read snapshot while it writes, and lets it go when the file is complete', async () => {
    const reader = await downloadHoldingItsSnapshot();
    while (!(await reader.read()).done);
    await expectSnapshotReleased();
  });

  it('lets its snapshot go when the client goes away mid-file', async () => {
    const reader = await downloadHoldingItsSnapshot();
    await reader.cancel();
    await expectSnapshotReleased();
  });

  it('writes two downloads at once; a third waits for a worker, and one that goes away while waiting is dropped', async () => {
    const running = [partnerExport(otherUser(1)).getReader(), partnerExport(otherUser(2)).getReader()];
    for (const reader of running) await reader.read();
    const third = partnerExport(otherUser(3));
    const fourth = partnerExport(otherUser(4)).getReader();
    await vi.waitFor(() => expect(exportWorkerState()).toEqual({ held: 2, waiting: 2, users: 4 }));
    await fourth.cancel();
    expect(exportWorkerState()).toEqual({ held: 2, waiting: 1, users: 3 });
    await running[0].cancel();
    const whole = await new Response(third).text();
    expect(whole.split('\n').filter(Boolean).length).toBeGreaterThan(EXTRA_PARTNERS);
    while (!(await running[1].read()).done);
    await vi.waitFor(() => expect(exportWorkerState()).toEqual({ held: 0, waiting: 0, users: 0 }));
  });

  it("refuses a user's second download while the first is written or waits, never another user's", async () => {
    const first = partnerExport().getReader();
    await first.read();
    expect(partnerExportFor(user)).toBeNull();
    // Another user downloads at the same time, in full.
    const other = await new Response(partnerExport(otherUser(5))).text();
    expect(other.split('\n').filter(Boolean).length).toBeGreaterThan(EXTRA_PARTNERS);
    expect(partnerExportFor(user)).toBeNull();
    while (!(await first.read()).done);
    await vi.waitFor(() => expect(exportWorkerState()).toEqual({ held: 0, waiting: 0, users: 0 }));
    // Once the first is complete, the next is written.
    const next = partnerExport().getReader();
    expect((await next.read()).done).toBe(false);
    await next.cancel();

    // Waiting for a worker counts as having one: two other users hold both.
    const holders = [partnerExport(otherUser(6)).getReader(), partnerExport(otherUser(7)).getReader()];
    for (const reader of holders) await reader.read();
    const waiting = partnerExport().getReader();
    await vi.waitFor(() => expect(exportWorkerState()).toMatchObject({ held: 2, waiting: 1 }));
    expect(partnerExportFor(user)).toBeNull();
    await waiting.cancel();
    const afterGivingUp = partnerExportFor(user);
    expect(afterGivingUp).not.toBeNull();
    await afterGivingUp!.cancel();
    for (const reader of holders) await reader.cancel();
    await vi.waitFor(() => expect(exportWorkerState()).toEqual({ held: 0, waiting: 0, users: 0 }));
  });

  it('cuts a download off, freeing its place and its snapshot, when the client takes nothing for too long', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reader = jobStream(partnersJob(['gpid', 'name'], 'gpid, name'), { stalledMs: 100 }).getReader();
    await reader.read();
    writeSomething();
    // The client takes nothing more.
    await vi.waitFor(() => expect(exportWorkerState()).toEqual({ held: 0, waiting: 0, users: 0 }));
    await expectSnapshotReleased();
    await expect(reader.read()).rejects.toThrow(/took no data for 100 ms/);
    expect(logged).toHaveBeenCalledWith('CSV export failed:', expect.any(Error));
  });

  it('cuts the download off, and logs why, when the worker fails', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stream = jobStream(partnersJob(['gpid', 'no-such-column'], 'gpid'));
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow(/Unknown partners column "no-such-column"/);
    expect(logged).toHaveBeenCalledWith('CSV export failed:', expect.any(Error));
  });
});
