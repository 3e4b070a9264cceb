// Starting a worker thread from the TypeScript sources, as tests and scripts run them. Inside
// Next.js (the build, or `next dev`) each caller writes `new Worker(new URL('./worker.ts',
// import.meta.url))` itself: the bundler recognises that literal form, compiles the worker and
// rewrites the URL to its chunk, so it cannot move into a helper.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** True when running as Next.js compiled the code (the worker's URL points at a compiled chunk). */
export function bundled(): boolean {
  return Boolean(process.env.NEXT_RUNTIME);
}

/**
 * The worker `file` next to the module `callerUrl` (its `import.meta.url`), run from the sources: a
 * two-line CommonJS start registers tsx first (Node 20 ignores `--import` in a worker's execArgv),
 * with the server build's view of `server-only` (an empty module). The server's own flags (e.g. the
 * bench's event-loop monitor) are not passed on.
 */
export function sourceWorker(callerUrl: string, file: string, options: Omit<WorkerOptions, 'eval' | 'execArgv'>): Worker {
  const entry = path.join(path.dirname(fileURLToPath(callerUrl)), file);
  return new Worker(`require('tsx/cjs/api').register();\nrequire(${JSON.stringify(entry)});`, {
    ...options,
    eval: true,
    execArgv: ['--conditions=react-server'],
  });
}
