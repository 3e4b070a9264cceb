// Online backup of the live database into a new file, checked with integrity_check before it counts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type BackupStats = {
  target: string;
  pages: number;
  pageSize: number;
  bytes: number;
  integrity: 'ok';
};

/** An expected refusal (bad target, failed check): the CLI prints the message without a stack trace. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Runs `PRAGMA integrity_check` on a database file and returns its messages (`['ok']` when sound). */
export function checkIntegrity(file: string): string[] {
  // Read-write open: a WAL-mode copy cannot always be opened read-only without its -shm file.
  const copy = new Database(file, { fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check);
  } finally {
    copy.close();
  }
}

/**
 * Copies `source` into the new file `target` with SQLite's online backup API, then verifies the copy.
 * Refuses an existing target: a backup never silently replaces another file.
 */
export async function backupDatabase(source: Database.Database, target: string): Promise<BackupStats> {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new BackupError(`Refusing to overwrite existing file ${file}`);
  if (!fs.existsSync(path.dirname(file))) throw new BackupError(`Directory ${path.dirname(file)} does not exist`);
  if (source.name && path.resolve(source.name) === file) throw new BackupError('The backup target is the database itself');

  // The first step only opens the backup; afterwards copy every page in one step. Stepwise copying
  // (100 pages per tick by default) restarts whenever another connection commits, so a busy writer
  // could keep the backup from ever finishing. One step reads a single snapshot; in WAL mode this
  // read does not block writers.
  const result = await source.backup(file, { progress: () => 0x7fffffff });
  if (result.remainingPages !== 0) throw new BackupError(`Backup stopped with ${result.remainingPages} pages left`);

  const messages = checkIntegrity(file);
  if (messages.length !== 1 || messages[0] !== 'ok') {
    throw new BackupError(`The copy in ${file} failed integrity_check: ${messages.slice(0, 5).join('; ')}`);
  }
  const pageSize = source.pragma('page_size', { simple: true }) as number;
  return { target: file, pages: result.totalPages, pageSize, bytes: fs.statSync(file).size, integrity: 'ok' };
}
