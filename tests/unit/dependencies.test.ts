// Every dependency is pinned to one exact version, and the lock file installs exactly that version:
// `npm install <pkg>` writes a range (^1.2.3) by default, which this test refuses.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};
const pins = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies });

describe('dependencies', () => {
  it('are listed', () => {
    expect(pins.length).toBeGreaterThan(10);
  });

  it.each(pins)('%s is pinned to an exact version that the lock file installs', (name, version) => {
    expect(version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/);
    expect(lock.packages[`node_modules/${name}`]?.version).toBe(version);
  });
});
