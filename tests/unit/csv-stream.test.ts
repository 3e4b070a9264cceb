// The streamed export: batches, yielding, closing the iterator and the caller's connection, the response.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CsvColumn } from '@/lib/csv/columns';
import { csvFileName, csvResponse, csvStream } from '@/lib/csv/stream';

const words = { yes: 'Ja', no: 'Nein' };
const columns: CsvColumn[] = [
  { header: 'Nr', type: 'integer' },
  { header: 'Titel', type: 'text' },
];

/** An iterator over numbered rows that records what the stream does with it. */
function trackedRows(count: number, events: string[] = []) {
  let produced = 0;
  const iterator: IterableIterator<unknown[]> = {
    next() {
      if (produced >= count) return { done: true, value: undefined };
      produced += 1;
      return { done: false, value: [produced, `Ticket ${produced}`] };
    },
    return() {
      events.push('return');
      return { done: true, value: undefined };
    },
    [Symbol.iterator]() {
      return iterator;
    },
  };
  return { iterator, events, produced: () => produced };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return chunks;
}

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8');

describe('csvStream', () => {
  it('sends 2,500 rows in three chunks of at most 1,000 rows, each record ending with one CRLF', async () => {
    const rows = trackedRows(2_500);
    const chunks = await readAll(csvStream({ dialect: 'rfc4180', columns, rows: rows.iterator, words, batchSize: 1_000 }));
    expect(chunks).toHaveLength(3);
    const file = text(chunks);
    const records = file.split('\r\n');
    expect(records).toHaveLength(2_502); // header, 2,500 rows, and '' after the final CRLF
    expect(records[0]).toBe('Nr,Titel');
    expect(records[2_500]).toBe('2500,Ticket 2500');
    expect(records[2_501]).toBe('');
    expect(file).not.toContain('\r\n\r\n');
    expect(text(chunks.slice(0, 1)).endsWith('1000,Ticket 1000\r\n')).toBe(true);
  });

  it('uses batches of 1,000 rows by default and adds no empty chunk when the rows fill the last batch', async () => {
    const chunks = await readAll(csvStream({ dialect: 'excel', columns, rows: trackedRows(2_000).iterator, words }));
    expect(chunks).toHaveLength(2);
    expect(text(chunks).split('\r\n')).toHaveLength(2_002);
  });

  it('reads rows only as the client reads: one batch per read, never the whole result', async () => {
    const rows = trackedRows(10_000);
    const reader = csvStream({ dialect: 'excel', columns, rows: rows.iterator, words, batchSize: 1_000 }).getReader();
    expect(rows.produced()).toBe(0);
    await reader.read();
    expect(rows.produced()).toBe(1_000);
    await reader.read();
    expect(rows.produced()).toBe(2_000);
    await reader.cancel();
  });

  it('ends a batch once its time budget is spent, with at least one row, and still sends every row once', async () => {
    // Each row takes at least 2 ms to produce, so a 5 ms budget ends a batch long before 1,000 rows.
    function* slowRows() {
      for (let n = 1; n <= 12; n += 1) {
        const until = performance.now() + 2;
        while (performance.now() < until);
        yield [n, `Ticket ${n}`];
      }
    }
    const chunks = await readAll(csvStream({ dialect: 'rfc4180', columns, rows: slowRows(), words, batchSize: 1_000, batchMs: 5 }));
    const rowsPerChunk = chunks.map((chunk) => text([chunk]).split('\r\n').length - 1);
    expect(rowsPerChunk[0]).toBeGreaterThanOrEqual(2); // the header and at least one row
    expect(chunks.length).toBeGreaterThan(1);
    for (const count of rowsPerChunk) expect(count).toBeLessThan(12);
    const records = text(chunks).split('\r\n');
    expect(records).toHaveLength(14);
    expect(records.slice(1, 13)).toEqual(Array.from({ length: 12 }, (_, index) => `${index + 1},Ticket ${index + 1}`));
  });

  it('lets other work run between two batches', async () => {
    const order: string[] = [];
    const reader = csvStream({ dialect: 'excel', columns, rows: trackedRows(3_000).iterator, words }).getReader();
    await reader.read();
    setImmediate(() => order.push('other request'));
    await reader.read();
    order.push('second batch');
    expect(order).toEqual(['other request', 'second batch']);
    await reader.cancel();
  });

  it('closes the iterator, then calls onClose, once, when the stream finishes', async () => {
    const rows = trackedRows(2_500);
    const stream = csvStream({ dialect: 'excel', columns, rows: rows.iterator, words, onClose: () => rows.events.push('onClose') });
    await readAll(stream);
    expect(rows.events).toEqual(['return', 'onClose']);
  });

  it('closes the iterator and calls onClose when the client goes away after the first batch', async () => {
    const rows = trackedRows(2_500);
    const reader = csvStream({ dialect: 'excel', columns, rows: rows.iterator, words, onClose: () => rows.events.push('onClose') }).getReader();
    await reader.read();
    await reader.cancel();
    expect(rows.events).toEqual(['return', 'onClose']);
    expect(rows.produced()).toBe(1_000);
  });

  it('closes the iterator and calls onClose when cancelled before anything was read', async () => {
    const rows = trackedRows(10);
    await csvStream({ dialect: 'excel', columns, rows: rows.iterator, words, onClose: () => rows.events.push('onClose') }).cancel();
    expect(rows.events).toEqual(['return', 'onClose']);
    expect(rows.produced()).toBe(0);
  });

  it('fails the download and still closes everything when a row cannot be written', async () => {
    const events: string[] = [];
    function* rows() {
      try {
        yield [1, 'fine'];
        yield ['not a number', 'broken'];
        yield [3, 'never read'];
      } finally {
        events.push('return');
      }
    }
    const stream = csvStream({ dialect: 'excel', columns, rows: rows(), words, onClose: () => events.push('onClose') });
    await expect(readAll(stream)).rejects.toThrow(/Nr.*integer/);
    expect(events).toEqual(['return', 'onClose']);
  });

  it('refuses a batch size below one, a batch time of none, and an export without columns', () => {
    expect(() => csvStream({ dialect: 'excel', columns, rows: [], words, batchSize: 0 })).toThrow(RangeError);
    expect(() => csvStream({ dialect: 'excel', columns, rows: [], words, batchMs: 0 })).toThrow(RangeError);
    expect(() => csvStream({ dialect: 'excel', columns, rows: [], words, batchMs: Number.NaN })).toThrow(RangeError);
    expect(() => csvStream({ dialect: 'excel', columns: [], rows: [], words })).toThrow(RangeError);
  });
});

describe('csvStream over a better-sqlite3 statement.iterate()', () => {
  function ticketDatabase(count: number): Database.Database {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE tickets (id INTEGER PRIMARY KEY, title TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO tickets (title) VALUES (?)');
    db.transaction(() => {
      for (let n = 1; n <= count; n += 1) insert.run(`Ticket ${n}`);
    })();
    return db;
  }

  function* ticketRows(db: Database.Database): Generator<unknown[]> {
    const statement = db.prepare<[], { id: number; title: string }>('SELECT id, title FROM tickets ORDER BY id');
    for (const ticket of statement.iterate()) yield [ticket.id, ticket.title];
  }

  const write = (db: Database.Database) => db.prepare("INSERT INTO tickets (title) VALUES ('new')").run();

  it('frees the connection when the client goes away mid-export', async () => {
    const db = ticketDatabase(2_500);
    let closed = false;
    const reader = csvStream({ dialect: 'excel', columns, rows: ticketRows(db), words, onClose: () => (closed = true) }).getReader();
    await reader.read();
    // While the query is open the connection refuses writes: the reason the iterator must be closed.
    expect(() => write(db)).toThrow(/busy/);
    await reader.cancel();
    expect(closed).toBe(true);
    expect(() => write(db)).not.toThrow();
    db.close();
  });

  it('frees the connection when the export finishes, having sent every row', async () => {
    const db = ticketDatabase(2_500);
    let closed = false;
    const chunks = await readAll(csvStream({ dialect: 'excel', columns, rows: ticketRows(db), words, onClose: () => (closed = true) }));
    expect(chunks.length).toBeGreaterThan(1);
    expect(text(chunks).split('\r\n')).toHaveLength(2_502);
    expect(closed).toBe(true);
    expect(() => write(db)).not.toThrow();
    db.close();
  });
});

describe('csvResponse', () => {
  it('answers a CSV attachment named by entity and Berlin date that is neither cached nor sniffed', async () => {
    const stream = csvStream({ dialect: 'excel', columns, rows: [[1, 'Ä']], words });
    // 23:30 UTC on the 26th is already the 27th in Berlin.
    const response = csvResponse(stream, 'crm-tickets', new Date('2026-11-26T23:30:00Z'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="crm-tickets-2026-11-27.csv"');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    // arrayBuffer, not text(): text() would drop the BOM.
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from('\uFEFFNr;Titel\r\n1;Ä\r\n', 'utf8'));
  });

  it('names files after the entity and refuses a name that could break the header', () => {
    expect(csvFileName('partners', new Date('2026-06-30T22:00:00Z'))).toBe('partners-2026-07-01.csv');
    for (const base of ['', 'a"b', 'x\r\nSet-Cookie: y', '../etc', 'crm tickets']) {
      expect(() => csvFileName(base)).toThrow(RangeError);
    }
  });
});
