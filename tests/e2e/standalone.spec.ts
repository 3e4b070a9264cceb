// The shipped artefact: `.next/standalone/server.js` prepared as the Dockerfile does, on an empty database
// with CRM_SEED=none and no AUTH_SECRET, behind one trusted reverse proxy (TRUST_PROXY_HOPS=1). Starts its
// own server; the config's baseURL is not used here.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { credentialsSignIn, sessionCookieOf } from './credentials';
import { LoginPage } from './pages/login-page';

const ADMIN_EMAIL = 'root@example.com';
const ADMIN_PASSWORD = 'start-1234-geheim';

let server: ChildProcess | undefined;
let output = '';
let dataDir = '';
let origin = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`standalone server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok && ((await response.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`standalone server not healthy after ${timeoutMs} ms:\n${output}`);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const root = process.cwd();
  execFileSync(process.execPath, ['scripts/prepare-standalone.mjs'], { cwd: root, stdio: 'pipe' });

  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-standalone-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // Only what a container gets: no AUTH_SECRET, so the secret is generated into the data directory.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NODE_ENV: 'production',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    DATABASE_PATH: path.join(dataDir, 'crm.sqlite'),
    CRM_SEED: 'none',
    CRM_ADMIN_EMAIL: ADMIN_EMAIL,
    CRM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    TRUST_PROXY_HOPS: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  server = spawn(process.execPath, [path.join(root, '.next', 'standalone', 'server.js')], { env, stdio: 'pipe' });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealth(`${origin}/api/health`, server, 60_000);
});

test.afterAll(async () => {
  const child = server;
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the health check answers ok', async ({ request }) => {
  const response = await request.get(`${origin}/api/health`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('the first administrator signs in and sees the full navigation', async ({ page }) => {
  await new LoginPage(page, origin).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  expect(page.url().startsWith(origin)).toBe(true);
  const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(navigation.getByRole('link', { name: 'Benutzerverwaltung' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'CRM', exact: true })).toBeVisible();
  // The session is signed with the key generated beside the database.
  expect(fs.existsSync(path.join(dataDir, 'auth-secret'))).toBe(true);
});

test('CRM_SEED=none creates exactly the administrator and no demo data', () => {
  const db = new Database(path.join(dataDir, 'crm.sqlite'), { readonly: true, fileMustExist: true });
  try {
    expect(db.prepare('SELECT email FROM users').pluck().all()).toEqual([ADMIN_EMAIL]);
    expect(db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(0);
  } finally {
    db.close();
  }
});

test('behind a trusted proxy that says HTTPS: HSTS, Secure session cookie, and the address the proxy saw', async () => {
  const proxied = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '198.51.100.7, 203.0.113.9' };
  const login = await fetch(`${origin}/login`, { headers: proxied });
  expect(login.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  expect((await fetch(`${origin}/login`)).headers.get('strict-transport-security')).toBeNull();

  const answer = await credentialsSignIn(origin, ADMIN_EMAIL, ADMIN_PASSWORD, { headers: proxied });
  expect(answer.location).not.toContain('error');
  const cookie = answer.cookies.find((entry) => entry.startsWith('__Secure-authjs.session-token='));
  expect(cookie, 'a __Secure- session cookie').toBeDefined();
  expect(cookie).toMatch(/;\s*Secure/i);
  expect(sessionCookieOf(answer)).toMatch(/^__Secure-authjs\.session-token=/);

  const db = new Database(path.join(dataDir, 'crm.sqlite'), { readonly: true, fileMustExist: true });
  try {
    // The entry the proxy added, not the one the client claimed.
    const keys = db.prepare(`select key from login_attempts where key like 'pair:%' and succeeded = 1`).pluck().all();
    expect(keys).toContain(`pair:${ADMIN_EMAIL}|203.0.113.9`);
    expect(keys.join()).not.toContain('198.51.100.7');
  } finally {
    db.close();
  }
});

test('static assets referenced by the login page are served', async ({ request }) => {
  const html = await (await request.get(`${origin}/login`)).text();
  const script = html.match(/\/_next\/static\/[^"'\s]+\.js/)?.[0];
  expect(script, 'the login page references a script under /_next/static').toBeTruthy();
  const response = await request.get(`${origin}${script}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('javascript');
});

/** Requests Next.js cannot read (lib/malformed-requests.ts), as a hostile client sends them. */
async function sendMalformedRequests(request: APIRequestContext): Promise<number[]> {
  const action = { 'Next-Action': `7f${'0a'.repeat(20)}`, 'Content-Type': 'text/plain;charset=UTF-8' };
  const answers = await Promise.all([
    request.get(`${origin}/tickets/%ff`, { maxRedirects: 0 }),
    request.post(`${origin}/tickets`, {
      headers: { 'Next-Action': 'abc', 'Content-Type': 'text/plain;charset=UTF-8' },
      data: 'garbage{{',
      maxRedirects: 0,
    }),
    request.post(`${origin}/login`, { headers: action, data: 'garbage{{', maxRedirects: 0 }),
    request.post(`${origin}/login`, { headers: action, data: `["${'a'.repeat(2 * 1024 * 1024)}"]`, maxRedirects: 0 }),
    request.get(`${origin}/tickets`, { headers: { RSC: '1', 'Next-Router-State-Tree': 'garbage' }, maxRedirects: 0 }),
  ]);
  return answers.map((answer) => answer.status());
}

const MALFORMED_STATUSES = [400, 400, 400, 413, 400];

test('requests Next.js cannot read answer 400 or 413, signed in or not, and log one line each, no stack trace', async ({
  page,
  request,
}) => {
  const logged = output.length;
  expect(await sendMalformedRequests(request)).toEqual(MALFORMED_STATUSES);
  // Signing in is a server action call that passes the same checks.
  await new LoginPage(page, origin).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  expect(await sendMalformedRequests(page.request)).toEqual(MALFORMED_STATUSES);
  await page.goto(`${origin}/tickets`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();

  await expect.poll(() => output.slice(logged).match(/^Refused /gm)?.length ?? 0).toBe(2 * MALFORMED_STATUSES.length);
  const log = output.slice(logged);
  expect(log).not.toMatch(/^\s+at /m);
  expect(log).not.toMatch(/⨯|Error:/);
  expect(log).toContain('Refused GET "/tickets/%ff" with 400: malformed percent-encoding in the path');
  expect(log).toContain('Refused GET "/tickets" with 400: malformed Next-Router-State-Tree header');
  expect(log).toContain('Refused POST "/login" with 413: body over 1048576 bytes');
});

test('the start-up log names the database, the migrations applied and the first administrator', () => {
  expect(output).toContain(`Database: ${path.join(dataDir, 'crm.sqlite')}`);
  expect(output).toMatch(/Migrated the database: applied 0000_init, /);
  expect(output).toContain(`Created the first administrator ${ADMIN_EMAIL} (CRM_SEED=none).`);
  // No demo users, and bound to 127.0.0.1: nothing to warn about.
  expect(output).not.toContain('WARNING');
});

test('the favicon is served by the shipped server', async ({ request }) => {
  expect((await request.get(`${origin}/favicon.ico`)).status()).toBe(200);
});
