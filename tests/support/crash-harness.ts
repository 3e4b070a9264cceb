// Starting and killing the crash writer. The writer is bundled once per test file: starting tsx for
// every round costs 1–2 s on two cores, a plain `node bundle.mjs` a fraction of that.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { parseCrashLines, type CrashLine } from './crash-ops';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles crash-writer.ts into node_modules/.cache (where its external better-sqlite3 resolves) and
 * returns the file and a function that removes it.
 */
export async function bundleCrashWriter(): Promise<{ file: string; remove: () => void }> {
  const file = path.join(root, 'node_modules', '.cache', 'crash-writer', `writer-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, 'crash-writer.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The server build's view of `server-only` (an empty module), as Next and `tsx --conditions=react-server` see it.
    conditions: ['react-server'],
    external: ['better-sqlite3', '@node-rs/argon2'],
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}

export type RunningWriter = {
  pid: number;
  /** The lines reported so far. */
  lines: () => CrashLine[];
  /** Resolves once `count` commits have been reported. */
  commits: (count: number) => Promise<void>;
  /** SIGKILL, then every line it managed to write. */
  kill: () => Promise<CrashLine[]>;
};

const commitCount = (lines: CrashLine[]) => lines.filter((line) => line.type === 'commit').length;

/** Starts the writer on `database` and resolves once it reported `ready`. */
export function startCrashWriter(bundle: string, database: string, round: number): Promise<RunningWriter> {
  const child = spawn(process.execPath, [bundle], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: database, CRASH_ROUND: String(round) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { count: number; resolve: () => void }[] = [];
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('close', (code, signal) => resolve(signal ?? code)));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const done = commitCount(parseCrashLines(stdout));
    for (const waiter of waiters.filter((entry) => entry.count <= done)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const failure = exited.then((how) => {
    throw new Error(`crash writer ended on its own (${how}): ${stderr}`);
  });
  failure.catch(() => {});

  const writer: RunningWriter = {
    pid: child.pid!,
    lines: () => parseCrashLines(stdout),
    commits: (count) => Promise.race([new Promise<void>((resolve) => waiters.push({ count, resolve })), failure]),
    kill: async () => {
      process.kill(child.pid!, 'SIGKILL');
      const how = await exited;
      if (how !== 'SIGKILL') throw new Error(`crash writer ended with ${how} before the kill: ${stderr}`);
      return parseCrashLines(stdout);
    },
  };
  const ready = new Promise<RunningWriter>((resolve) => {
    const check = () => {
      if (!parseCrashLines(stdout).some((line) => line.type === 'ready')) return;
      child.stdout.off('data', check);
      resolve(writer);
    };
    child.stdout.on('data', check);
  });
  return Promise.race([ready, failure]);
}
