// Every vitest file gets its own fresh, migrated SQLite file as the application's database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-test-'));
process.env.DATABASE_PATH = path.join(dir, 'test.sqlite');
process.env.AUTH_SECRET ??= 'test-secret-not-for-production-0123456789';

afterAll(async () => {
  const { closeConnection } = await import('@/db/client');
  closeConnection();
  fs.rmSync(dir, { recursive: true, force: true });
});
