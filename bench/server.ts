// Starts the production (standalone) server on loopback against a benchmark database, and mints
// session cookies for its users, so the load scripts measure pages exactly as browsers get them.
// The server runs with bench/loop-monitor.mjs preloaded, which reads its event-loop delay from inside.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** The server's event-loop delay since the previous mark, in ms beyond Node's 10 ms sampling tick. */
export type LoopDelay = { samples: number; p50: number; p99: number; max: number; utilization: number };

export type BenchServer = {
  url: string;
  process: ChildProcess;
  /** Ends one measuring period of the event-loop monitor and starts the next; answers the period's figures. */
  markLoopDelay: () => Promise<LoopDelay>;
  stop: () => Promise<void>;
};

/** `env`: switches for this server (the A/B, bench/ab.ts). */
export async function startServer(databasePath: string, env: Record<string, string> = {}): Promise<BenchServer> {
  if (!fs.existsSync(path.join(root, '.next', 'standalone', 'server.js')))
    throw new Error('No production build: run `npm run build` first.');
  const prepared = spawnSync(process.execPath, [path.join(root, 'scripts', 'prepare-standalone.mjs')], { stdio: 'ignore' });
  if (prepared.status !== 0) throw new Error('prepare-standalone failed');
  const port = await freePort();
  const loopFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-loop-')), 'loop.json');
  const monitor = pathToFileURL(path.join(root, 'bench', 'loop-monitor.mjs')).href;
  // BENCH_CPU_PROF=<folder>: a V8 CPU profile of the server, written when it stops (for finding what blocks).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', monitor, path.join(root, '.next', 'standalone', 'server.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_PATH: databasePath,
      AUTH_SECRET: BENCH_SECRET,
      NEXT_TELEMETRY_DISABLED: '1',
      BENCH_LOOP_FILE: loopFile,
      ...env,
    },
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
  let marks = 0;
  return {
    url,
    process: child,
    markLoopDelay: async () => {
      marks += 1;
      child.kill('SIGUSR2');
      const deadline = Date.now() + 10_000;
      for (;;) {
        const snapshot = fs.existsSync(loopFile) ? (JSON.parse(fs.readFileSync(loopFile, 'utf8')) as LoopDelay & { mark: number }) : null;
        if (snapshot && snapshot.mark === marks)
          return { samples: snapshot.samples, p50: snapshot.p50, p99: snapshot.p99, max: snapshot.max, utilization: snapshot.utilization };
        if (Date.now() > deadline) throw new Error('the event-loop monitor did not answer');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          fs.rmSync(path.dirname(loopFile), { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** A session cookie for a user, signed like next-auth's own (the server re-reads the user). */
export async function sessionCookie(databasePath: string, email: string): Promise<string> {
  const db = new Database(databasePath);
  db.pragma('busy_timeout = 5000');
  const user = db.prepare('select id, session_version as sv from users where email = ?').get(email) as { id: number; sv: number };
  // A server-side session as a sign-in opens it (lib/auth/sessions.ts): the row holds the token's SHA-256.
  const sid = crypto.randomBytes(32).toString('base64url');
  const now = Date.now();
  db.prepare('insert into sessions (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)').run(
    crypto.createHash('sha256').update(sid).digest('hex'),
    user.id,
    now,
    now,
    now + 12 * 3_600_000,
  );
  db.close();
  const token = await encode({
    secret: BENCH_SECRET,
    salt: 'authjs.session-token',
    token: { uid: user.id, sv: user.sv, sid, sub: String(user.id) },
  });
  return `authjs.session-token=${token}`;
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  return statusMb(pid, 'VmRSS');
}

/** The highest resident memory of a process in MB since it started or since `resetPeakRss`. */
export function peakRssMb(pid: number): number {
  return statusMb(pid, 'VmHWM');
}

/** Starts the high-water mark of resident memory afresh (Linux ≥ 4.0); false where not allowed. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * A part of the bench alone on an existing data set (BENCH_DATABASE_PATH, runs BENCH_RUNS, default 20):
 * the built app served on it, `measure` run as the bench's CRM user, the server stopped afterwards.
 */
export async function onDataSet(
  measure: (run: { url: string; cookie: string; file: string; runs: number }) => Promise<unknown>,
): Promise<void> {
  if (!process.env.BENCH_DATABASE_PATH) throw new Error('Set BENCH_DATABASE_PATH to a data set (npm run seed:large).');
  // Absolute: the standalone server runs in its own folder, where a relative path names a new, empty database.
  const file = path.resolve(process.env.BENCH_DATABASE_PATH);
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const server = await startServer(file);
  try {
    await measure({ url: server.url, cookie: await sessionCookie(file, 'crm@example.com'), file, runs });
  } finally {
    await server.stop();
  }
}
