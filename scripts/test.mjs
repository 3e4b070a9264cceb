// `npm test`: lint, typecheck, unit and integration tests, production build, browser tests.
// Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const steps = [
  ['lint', bin('eslint'), ['.']],
  ['formatting', bin('prettier'), ['--check', '.']],
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['unit and integration tests', bin('vitest'), ['run']],
  ['production build', bin('next'), ['build']],
  ['browser tests', bin('playwright'), ['test']],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
