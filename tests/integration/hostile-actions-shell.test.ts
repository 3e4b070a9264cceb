// Hostile input to the remaining actions (language, sign-in and sign-out, pickers, users, ticket-board
// queries, export templates), and the check that every server action of the app has a hostile case:
// a new action file or export without one fails here. The property and the alphabet:
// tests/support/hostile-actions.ts and hostile-values.ts.
import { expect, it, vi } from 'vitest';
import { actionModules } from '../support/hostile-actions';
import { hostileSuite } from '../support/hostile-suite';
import { BULK_CASES } from './hostile/bulk.cases';
import { CRM_CASES } from './hostile/crm.cases';
import { FOLLOWUP_CASES } from './hostile/followups.cases';
import { LOOKUP_CASES } from './hostile/lookups.cases';
import { IMPORT_CASES } from './hostile/import.cases';
import { RECORD_CASES } from './hostile/records.cases';
import { SHELL_CASES } from './hostile/shell.cases';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));
vi.mock('next/headers', () => import('../support/fake-next'));
vi.mock('next-auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth/password', () => import('../support/fake-password'));

const actions = await hostileSuite('language, sign-in, pickers, users, queries and templates under hostile input', SHELL_CASES);

it('every exported server action of app/**/*actions.ts has a hostile-input case', () => {
  expect(actionModules().length).toBeGreaterThanOrEqual(13);
  const cases = Object.keys({
    ...RECORD_CASES,
    ...IMPORT_CASES,
    ...CRM_CASES,
    ...BULK_CASES,
    ...LOOKUP_CASES,
    ...FOLLOWUP_CASES,
    ...SHELL_CASES,
  }).sort();
  expect([...actions.keys()].sort()).toEqual(cases);
});
