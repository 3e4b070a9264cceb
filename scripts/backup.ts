// `npm run backup -- FILE`: a consistent copy of the database at DATABASE_PATH, safe while the server runs.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '@/db/client';
import { BackupError, backupDatabase } from '@/db/backup';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) fail('Usage: npm run backup -- FILE   (FILE must not exist yet)');
  const file = path.resolve(target);
  if (fs.existsSync(file)) fail(`Refusing to overwrite existing file ${file}; choose a new name.`);
  const source = databasePath();
  if (!fs.existsSync(source)) fail(`No database at ${source} (set DATABASE_PATH).`);

  // Not openSqlite(): that would create a missing file and switch journal modes; a backup only reads.
  const sqlite = new Database(source, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  try {
    const stats = await backupDatabase(sqlite, file);
    console.log(`Backed up ${source}`);
    console.log(`      to ${stats.target}`);
    console.log(`    size ${formatBytes(stats.bytes)} (${stats.bytes} bytes), ${stats.pages} pages of ${stats.pageSize} bytes`);
    console.log(`   check integrity_check: ${stats.integrity}`);
  } catch (error) {
    if (error instanceof BackupError) fail(error.message);
    throw error;
  } finally {
    sqlite.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
