// `npm start`: build when there is no production build yet, then serve the standalone server
// (exactly what the Docker image runs) on PORT (default 3000). The server migrates the database
// and seeds an empty one at start (instrumentation.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (args) =>
  spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'inherit' });

if (!fs.existsSync(path.join(root, '.next', 'standalone', 'server.js'))) {
  console.log('No production build yet: running next build …');
  const build = run([path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build']);
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const prepared = run([path.join(root, 'scripts', 'prepare-standalone.mjs')]);
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

// server.js changes into its own folder: paths must be absolute.
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  PORT: process.env.PORT ?? '3000',
  // Like `next start`: every interface (a shell's own HOSTNAME variable is no bind address).
  HOSTNAME: '0.0.0.0',
  DATABASE_PATH: path.resolve(root, process.env.DATABASE_PATH ?? path.join('data', 'crm.sqlite')),
};
const server = spawn(process.execPath, [path.join(root, '.next', 'standalone', 'server.js')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
