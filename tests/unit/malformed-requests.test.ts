// Requests Next.js cannot read (lib/malformed-requests.ts): refused with 400 or 413 and a reason,
// while the requests a browser sends pass untouched.
import { describe, expect, it } from 'vitest';
import {
  ACTION_BODY_LIMIT,
  actionBodyLimit,
  IMPORT_UPLOAD_BODY_LIMIT,
  REFUSED_ROUTER_STATE,
  refusalLogLine,
  refuseActionCall,
  refusePath,
  refuseRouterState,
  setAsideMalformedRouterState,
} from '@/lib/malformed-requests';

const ACTION_ID = '40fd87c43efdbbc30cc1a190921e44d3b48228969f';

function post(headers: Record<string, string>, body: BodyInit): Request {
  return new Request('http://localhost/tickets', { method: 'POST', headers, body });
}

describe('refusePath', () => {
  it('refuses percent-escapes that are not UTF-8 and passes every other path', () => {
    for (const path of ['/tickets/%ff', '/partners/%E0%A4%A/crm', '/%', '/tickets/%zz']) expect(refusePath(path)?.status).toBe(400);
    for (const path of ['/tickets/12', '/partners/M%C3%BCller', '/tickets/%25ff', '/']) expect(refusePath(path)).toBeNull();
  });
});

describe('the router state header', () => {
  it('is set aside, and the request marked for the proxy to refuse, when Next.js could not parse it', () => {
    for (const state of ['garbage', '%ff', '[1,2]', '["",{"children":5}]', 'x'.repeat(50_000)]) {
      const headers: Record<string, string> = { 'next-router-state-tree': state, rsc: '1' };
      setAsideMalformedRouterState(headers);
      expect(headers).toEqual({ rsc: '1', [REFUSED_ROUTER_STATE]: '1' });
      expect(refuseRouterState(new Headers(headers))?.status).toBe(400);
    }
  });

  it('is left as it is when it parses, and a request without one is not marked', () => {
    const state = encodeURIComponent(JSON.stringify(['', { children: ['tickets', {}, null, 'refetch'] }, null, null]));
    const headers: Record<string, string> = { 'next-router-state-tree': state, rsc: '1' };
    setAsideMalformedRouterState(headers);
    expect(headers).toEqual({ 'next-router-state-tree': state, rsc: '1' });
    expect(refuseRouterState(new Headers(headers))).toBeNull();
    const plain: Record<string, string> = { accept: 'text/html' };
    setAsideMalformedRouterState(plain);
    expect(plain).toEqual({ accept: 'text/html' });
  });
});

describe('refuseActionCall', () => {
  it('refuses an action id of the wrong form', async () => {
    expect(await refuseActionCall(post({ 'next-action': 'abc', 'content-type': 'text/plain' }, '[]'))).toEqual({
      status: 400,
      reason: 'malformed Next-Action header',
    });
  });

  it('refuses arguments that are not a JSON list, and a multipart body that does not parse', async () => {
    for (const body of ['garbage{{', '{"a":1}', '5', '']) {
      expect((await refuseActionCall(post({ 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8' }, body)))?.status).toBe(
        400,
      );
    }
    expect(
      await refuseActionCall(post({ 'next-action': ACTION_ID, 'content-type': 'text/plain' }, new Uint8Array([0x5b, 0xff, 0x5d]))),
    ).toMatchObject({ status: 400 });
    expect(await refuseActionCall(post({ 'content-type': 'multipart/form-data; boundary=xyz' }, 'garbage{{'))).toEqual({
      status: 400,
      reason: 'malformed multipart body',
    });
  });

  it('refuses a body over the limit, whether its length is declared or not', async () => {
    const big = 'a'.repeat(2_000);
    expect(
      await refuseActionCall(post({ 'next-action': ACTION_ID, 'content-type': 'text/plain', 'content-length': '2000' }, big), 1_000),
    ).toMatchObject({ status: 413 });
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 4; index += 1) controller.enqueue(new TextEncoder().encode(big.slice(0, 500)));
        controller.close();
      },
    });
    const request = new Request('http://localhost/login', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: streamed,
      duplex: 'half',
    } as RequestInit);
    expect(await refuseActionCall(request, 1_000)).toMatchObject({ status: 413 });
  });

  it('passes what a browser sends: JSON arguments, a form without JavaScript, and any GET', async () => {
    expect(
      await refuseActionCall(post({ 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8' }, '["$K1",{"id":3}]')),
    ).toBeNull();
    const form = new FormData();
    form.set('$ACTION_ID_' + ACTION_ID, '');
    form.set('title', 'Müller & Söhne');
    expect(await refuseActionCall(new Request('http://localhost/tickets/new', { method: 'POST', body: form }))).toBeNull();
    expect(await refuseActionCall(post({ 'content-type': 'application/x-www-form-urlencoded' }, 'email=a%40b.de'))).toBeNull();
    expect(await refuseActionCall(new Request('http://localhost/tickets', { headers: { 'next-action': 'abc' } }))).toBeNull();
  });
});

describe('actionBodyLimit', () => {
  it('lets the import upload page take files up to its own limit and keeps 1 MB everywhere else', () => {
    expect(actionBodyLimit('/data-manager/import')).toBe(IMPORT_UPLOAD_BODY_LIMIT);
    expect(IMPORT_UPLOAD_BODY_LIMIT).toBeGreaterThan(20 * 1024 * 1024);
    for (const path of ['/data-manager', '/data-manager/import/5', '/data-manager/imports', '/crm/changes/new'])
      expect(actionBodyLimit(path)).toBe(ACTION_BODY_LIMIT);
  });
});

describe('refusalLogLine', () => {
  it('is one line, with the path quoted and cut, whatever the path holds', () => {
    const line = refusalLogLine(new Request('http://localhost/'), '/x\n%0aforged ' + 'y'.repeat(300), {
      status: 400,
      reason: 'malformed percent-encoding in the path',
    });
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^Refused GET "\/x\\n%0aforged y+…" with 400: malformed percent-encoding in the path$/);
  });
});
