// Completes the standalone output as the Dockerfile ships it: static assets beside server.js.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const standalone = path.join(root, '.next', 'standalone');
if (!fs.existsSync(path.join(standalone, 'server.js'))) {
  console.error('No standalone build: run `npm run build` first.');
  process.exit(1);
}
fs.cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true, verbatimSymlinks: true });
if (fs.existsSync(path.join(root, 'public'))) {
  fs.cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true, verbatimSymlinks: true });
}
fs.cpSync(path.join(root, 'db', 'migrations'), path.join(standalone, 'db', 'migrations'), { recursive: true });
console.log('Standalone server ready in .next/standalone');
