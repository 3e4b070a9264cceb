// Hostile input to the partner, contact and ticket actions (SPEC section 13): every run is answered
// with an acceptance stored exactly as typed or a clear message with nothing changed. The property
// and the alphabet: tests/support/hostile-actions.ts and hostile-values.ts.
import { vi } from 'vitest';
import { hostileSuite } from '../support/hostile-suite';
import { IMPORT_CASES } from './hostile/import.cases';
import { RECORD_CASES } from './hostile/records.cases';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));
vi.mock('next/headers', () => import('../support/fake-next'));
vi.mock('next-auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth/password', () => import('../support/fake-password'));

await hostileSuite('partner, contact, ticket and import actions under hostile input', { ...RECORD_CASES, ...IMPORT_CASES });
