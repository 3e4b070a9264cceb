// CSV text to a header and rows with papaparse: the delimiter detected, every row with its line in the
// file, and whatever does not fit (ragged rows, broken quotes, empty or repeated headers) as problems.
import Papa from 'papaparse';
import { normaliseHeader } from './header-name';
import { problem, type ImportProblem } from '../problems';

export type CsvDelimiter = ';' | ',' | '\t';

/** The candidates, in the order a tie is decided: our Excel dialect and LibreOffice German first. */
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

export type ReadCsv = {
  delimiter: CsvDelimiter;
  header: string[];
  /** The 1-based line of the header (1 unless the file starts with empty lines). */
  headerLine: number;
  /** The data rows with as many cells as the header and sound quoting; the others are problems instead. */
  rows: string[][];
  /** The 1-based line in the file where each of `rows` starts (same index). */
  lines: number[];
  problems: ImportProblem[];
};

/** Records looked at to choose the delimiter. */
const DETECTION_RECORDS = 50;

/** How well a delimiter reads the file's start: fewer quoting errors, more records fitting the header, more cells. */
function scoreOf(text: string, delimiter: CsvDelimiter): [number, number, number] | null {
  const { data, errors } = Papa.parse<string[]>(text, { delimiter, preview: DETECTION_RECORDS, skipEmptyLines: true });
  const [header, ...records] = data;
  if (!header || header.length < 2) return null;
  return [-errors.length, records.filter((record) => record.length === header.length).length, header.length];
}

function isBetter(score: readonly number[], than: readonly number[]): boolean {
  const index = score.findIndex((value, position) => value !== than[position]);
  return index >= 0 && score[index] > than[index];
}

/**
 * The delimiter that reads the file's first records with the fewest quoting errors, then with the most
 * records of the header's cell count, then with the most header cells; a header it does not split is
 * out. Ties go to the earlier of `;` `,` tab; a file of one column reads as `;`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: [number, number, number] } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const score = scoreOf(text, delimiter);
    if (score && (!best || isBetter(score, best.score))) best = { delimiter, score };
  }
  return best?.delimiter ?? ';';
}

const LINE_BREAK = /\r\n|\r|\n/g;

function countLineBreaks(text: string, from: number, to: number): number {
  return text.slice(from, to).match(LINE_BREAK)?.length ?? 0;
}

/** The header's problems: empty cells and cells repeated (compared as normaliseHeader does). */
function headerProblems(header: string[], line: number): ImportProblem[] {
  const found: ImportProblem[] = [];
  const seen = new Set<string>();
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    if (name === '') {
      found.push(problem('import.parse.emptyHeader', { line, params: { position: index + 1 } }));
    } else if (seen.has(name)) {
      found.push(problem('import.parse.duplicateHeader', { line, column: cell, value: cell }));
    }
    seen.add(name);
  });
  return found;
}

/**
 * Reads CSV text (without BOM, see decodeCsv). Quoted cells may hold the delimiter, doubled quotes and
 * line breaks; CRLF, LF and CR all end a record; empty lines (a trailing one too) are skipped. Cells are
 * returned as written: no trimming, no unneutralising (see restoreFormula in lib/csv/formula.ts).
 */
export function readCsv(text: string): ReadCsv {
  const delimiter = detectDelimiter(text);
  const problems: ImportProblem[] = [];
  const records: { cells: string[]; line: number; broken: boolean }[] = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: true,
    step: (result) => {
      // Skipped empty lines lie between the previous record's end and this one's start.
      let start = cursor;
      while (text[start] === '\r' || text[start] === '\n') start += text.startsWith('\r\n', start) ? 2 : 1;
      line += countLineBreaks(text, cursor, start);
      const recordLine = line;
      line += countLineBreaks(text, start, result.meta.cursor);
      cursor = result.meta.cursor;
      const broken = result.errors.length > 0;
      if (broken) problems.push(problem('import.parse.quotes', { line: recordLine }));
      records.push({ cells: result.data, line: recordLine, broken });
    },
  });
  const [first, ...data] = records;
  if (!first) return { delimiter, header: [], headerLine: 1, rows: [], lines: [], problems: [problem('import.parse.empty')] };
  const header = first.cells;
  problems.unshift(...headerProblems(header, first.line));
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const record of data) {
    if (record.broken) continue;
    if (record.cells.length !== header.length) {
      problems.push(
        problem('import.parse.cellCount', {
          line: record.line,
          params: { expected: header.length, found: record.cells.length },
        }),
      );
    } else {
      rows.push(record.cells);
      lines.push(record.line);
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { delimiter, header, headerLine: first.line, rows, lines, problems };
}
