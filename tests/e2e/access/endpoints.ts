// The endpoints of the production build, so that a new one cannot escape the access matrix: every
// server action from Next's server reference manifest, every route handler from the app paths manifest
// with each HTTP method its file exports.
import fs from 'node:fs';
import path from 'node:path';

const SERVER = path.join(process.cwd(), '.next', 'server');

export type BuiltAction = {
  /** `app/(app)/tickets/actions.ts#createTicketAction`: the key of the expectation file. */
  key: string;
  id: string;
  filename: string;
  name: string;
  /** The pages that serve the action, e.g. `app/(app)/tickets/[id]/page`. */
  workers: string[];
};

export type BuiltRoute = { method: string; route: string };

function readManifest<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(SERVER, name), 'utf8')) as T;
}

export function builtActions(): BuiltAction[] {
  const manifest = readManifest<{ node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> }>(
    'server-reference-manifest.json',
  );
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({
      key: `${entry.filename}#${entry.exportedName}`,
      id,
      filename: entry.filename,
      name: entry.exportedName,
      workers: Object.keys(entry.workers),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** `/(app)/crm/export/route` → `/crm/export`; `app/(app)/tickets/[id]/page` → `/tickets/[id]`. */
function urlPattern(entry: string): string {
  const segments = entry
    .replace(/^app\//, '')
    .split('/')
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment));
  segments.pop(); // `page` or `route`
  return `/${segments.join('/')}`;
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The HTTP methods a route file exports: `export function GET`, `export const GET =`, `export const { GET, POST } =`. */
function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) names.add(match[1]);
  for (const match of source.matchAll(/export\s+const\s+(\w+)\s*[:=]/g)) names.add(match[1]);
  for (const match of source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g)) {
    for (const part of match[1].split(','))
      names.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return HTTP_METHODS.filter((method) => names.has(method));
}

export function builtRoutes(): BuiltRoute[] {
  const manifest = readManifest<Record<string, string>>('app-paths-manifest.json');
  const routes: BuiltRoute[] = [];
  for (const entry of Object.keys(manifest).filter((key) => key.endsWith('/route'))) {
    // Static metadata files (app/favicon.ico, app/icon.svg) are public by design, with no handler to probe.
    if (/^\/(favicon\.ico|icon\.svg)\/route$/.test(entry)) continue;
    const base = path.join(process.cwd(), 'app', entry);
    const file = ['.ts', '.js'].map((extension) => base + extension).find((candidate) => fs.existsSync(candidate));
    if (!file) throw new Error(`no source file for the route handler ${entry}`);
    const methods = exportedMethods(fs.readFileSync(file, 'utf8'));
    if (methods.length === 0) throw new Error(`${file} exports no HTTP method`);
    for (const method of methods) routes.push({ method, route: urlPattern(entry) });
  }
  return routes.sort((a, b) => `${a.route} ${a.method}`.localeCompare(`${b.route} ${b.method}`));
}

/** Whether a URL path is one of the worker pages of an action (the page a form of it would post to). */
export function servesPage(action: BuiltAction, url: string): boolean {
  const pathname = new URL(url, 'http://x').pathname;
  return action.workers.some((worker) => {
    const pattern = urlPattern(worker)
      .split('/')
      .map((segment) =>
        /^\[\.\.\..+\]$/.test(segment) ? '.+' : /^\[.+\]$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    return new RegExp(`^${pattern}$`).test(pathname);
  });
}
