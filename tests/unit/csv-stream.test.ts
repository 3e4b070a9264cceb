// A CSV file as chunks: batches, reading only on demand, closing the iterator and so freeing the connection, the response.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CsvColumn } from '@/lib/csv/columns';
import { csvChunks, csvFileName, csvResponse } from '@/lib/csv/stream';

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

const text = (chunks: string[]) => chunks.join('');

describe('csvChunks', () => {
  it('writes 2,500 rows in three chunks of at most 1,000 rows, each record ending with one CRLF', () => {
    const chunks = [...csvChunks({ dialect: 'rfc4180', columns, rows: trackedRows(2_500).iterator, words }, 1_000)];
    expect(chunks).toHaveLength(3);
    const records = text(chunks).split('\r\n');
    expect(records).toHaveLength(2_502); // header, 2,500 rows, and '' after the final CRLF
    expect(records[0]).toBe('Nr,Titel');
    expect(records[2_500]).toBe('2500,Ticket 2500');
    expect(records[2_501]).toBe('');
    expect(text(chunks)).not.toContain('\r\n\r\n');
    expect(chunks[0].endsWith('1000,Ticket 1000\r\n')).toBe(true);
  });

  it('uses batches of 1,000 rows by default and adds no empty chunk when the rows fill the last batch', () => {
    const chunks = [...csvChunks({ dialect: 'excel', columns, rows: trackedRows(2_000).iterator, words })];
    expect(chunks).toHaveLength(2);
    expect(text(chunks).split('\r\n')).toHaveLength(2_002);
  });

  it('writes the header alone for no rows, with the BOM in excel', () => {
    expect([...csvChunks({ dialect: 'excel', columns, rows: [], words })]).toEqual(['\uFEFFNr;Titel\r\n']);
    expect([...csvChunks({ dialect: 'rfc4180', columns, rows: [], words })]).toEqual(['Nr,Titel\r\n']);
  });

  it('reads rows only as chunks are asked for: one batch each, never the whole result', () => {
    const rows = trackedRows(10_000);
    const chunks = csvChunks({ dialect: 'excel', columns, rows: rows.iterator, words }, 1_000);
    expect(rows.produced()).toBe(0);
    chunks.next();
    expect(rows.produced()).toBe(1_000);
    chunks.next();
    expect(rows.produced()).toBe(2_000);
    chunks.return();
  });

  it('closes the iterator once when the file is complete', () => {
    const rows = trackedRows(2_500);
    expect([...csvChunks({ dialect: 'excel', columns, rows: rows.iterator, words })]).toHaveLength(3);
    expect(rows.events).toEqual(['return']);
  });

  it('closes the iterator when the reader stops after the first chunk, and reads no further', () => {
    const rows = trackedRows(2_500);
    const chunks = csvChunks({ dialect: 'excel', columns, rows: rows.iterator, words });
    chunks.next();
    chunks.return();
    expect(rows.events).toEqual(['return']);
    expect(rows.produced()).toBe(1_000);
  });

  it('opens nothing when stopped before the first chunk', () => {
    const rows = trackedRows(10);
    csvChunks({ dialect: 'excel', columns, rows: rows.iterator, words }).return();
    expect(rows.events).toEqual([]);
    expect(rows.produced()).toBe(0);
  });

  it('fails on a row that cannot be written, and still closes the rows', () => {
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
    expect(() => [...csvChunks({ dialect: 'excel', columns, rows: rows(), words })]).toThrow(/Nr.*integer/);
    expect(events).toEqual(['return']);
  });

  it('refuses a batch size below one and an export without columns', () => {
    expect(() => csvChunks({ dialect: 'excel', columns, rows: [], words }, 0)).toThrow(RangeError);
    expect(() => csvChunks({ dialect: 'excel', columns, rows: [], words }, 1.5)).toThrow(RangeError);
    expect(() => csvChunks({ dialect: 'excel', columns: [], rows: [], words })).toThrow(RangeError);
  });
});

describe('csvChunks over a better-sqlite3 statement.iterate()', () => {
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

  it('frees the connection when the reader stops mid-export', () => {
    const db = ticketDatabase(2_500);
    const chunks = csvChunks({ dialect: 'excel', columns, rows: ticketRows(db), words });
    chunks.next();
    // While the query is open the connection refuses writes: the reason the iterator must be closed.
    expect(() => write(db)).toThrow(/busy/);
    chunks.return();
    expect(() => write(db)).not.toThrow();
    db.close();
  });

  it('frees the connection when the export finishes, having written every row', () => {
    const db = ticketDatabase(2_500);
    const chunks = [...csvChunks({ dialect: 'excel', columns, rows: ticketRows(db), words })];
    expect(chunks.length).toBeGreaterThan(1);
    expect(text(chunks).split('\r\n')).toHaveLength(2_502);
    expect(() => write(db)).not.toThrow();
    db.close();
  });
});

describe('csvResponse', () => {
  it('answers a CSV attachment named by entity and Berlin date that is neither cached nor sniffed', async () => {
    const stream = new Response([...csvChunks({ dialect: 'excel', columns, rows: [[1, 'Ä']], words })].join('')).body!;
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
