// Starts the production (standalone) server on loopback against a benchmark database, and mints
// session cookies for its users, so the load scripts measure pages exactly as browsers get them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { encode } from 'next-auth/jwt';

const root = path.resolve(import.meta.dirname, '..');
export const BENCH_SECRET = 'bench-secret-not-for-production-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export type BenchServer = { url: string; process: ChildProcess; stop: () => Promise<void> };

export async function startServer(databasePath: string): Promise<BenchServer> {
  if (!fs.existsSync(path.join(root, '.next', 'standalone', 'server.js'))) throw new Error('No production build: run `npm run build` first.');
  const prepared = spawnSync(process.execPath, [path.join(root, 'scripts', 'prepare-standalone.mjs')], { stdio: 'ignore' });
  if (prepared.status !== 0) throw new Error('prepare-standalone failed');
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, '.next', 'standalone', 'server.js')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', DATABASE_PATH: databasePath, AUTH_SECRET: BENCH_SECRET, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** A session cookie for a user, signed like next-auth's own (the server re-reads the user). */
export async function sessionCookie(databasePath: string, email: string): Promise<string> {
  const db = new Database(databasePath, { readonly: true });
  const user = db.prepare('select id, session_version as sv from users where email = ?').get(email) as { id: number; sv: number };
  db.close();
  const token = await encode({ secret: BENCH_SECRET, salt: 'authjs.session-token', token: { uid: user.id, sv: user.sv, sub: String(user.id) } });
  return `authjs.session-token=${token}`;
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}
