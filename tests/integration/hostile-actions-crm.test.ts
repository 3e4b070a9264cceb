// Hostile input to the CRM forms and the CRM administration (SPEC section 13): every run is answered
// with an acceptance stored exactly as typed or a clear message with nothing changed. The property
// and the alphabet: tests/support/hostile-actions.ts and hostile-values.ts.
import { vi } from 'vitest';
import { hostileSuite } from '../support/hostile-suite';
import { BULK_CASES } from './hostile/bulk.cases';
import { CRM_CASES } from './hostile/crm.cases';
import { FOLLOWUP_CASES } from './hostile/followups.cases';
import { LOOKUP_CASES } from './hostile/lookups.cases';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));
vi.mock('next/headers', () => import('../support/fake-next'));
vi.mock('next-auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth/password', () => import('../support/fake-password'));

await hostileSuite('CRM forms and the CRM administration under hostile input', {
  ...CRM_CASES,
  ...BULK_CASES,
  ...LOOKUP_CASES,
  ...FOLLOWUP_CASES,
});
