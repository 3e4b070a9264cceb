// Hostile input to the partner, contact and ticket actions (SPEC section 13): every run is answered
// with an acceptance stored exactly as typed or a clear message with nothing changed. The property
// and the alphabet: tests/support/hostile-actions.ts and hostile-values.ts.
import { beforeAll, describe, it, vi } from 'vitest';
import { session } from '../support/fake-guards';
import { loadActions, runHostileCase } from '../support/hostile-actions';
import { seedHostileFixture, type Fixture } from '../support/hostile-fixture';
import { RECORD_CASES } from './hostile/records.cases';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));
vi.mock('next-auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth/password', () => import('../support/fake-password'));

const actions = await loadActions();
let fx: Fixture;

beforeAll(() => {
  fx = seedHostileFixture();
  session.user = fx.tess;
});

describe('partner, contact and ticket actions under hostile input', () => {
  for (const [key, hostileCase] of Object.entries(RECORD_CASES)) {
    it(key, { timeout: 60_000 }, async () => runHostileCase(actions.get(key)!, hostileCase, fx));
  }
});
