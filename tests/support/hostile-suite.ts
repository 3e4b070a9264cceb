// One hostile-input suite: the actions (loaded after the test file's own vi.mock calls, which vitest
// hoists per file), a seeded fixture signed in as a user with every role, and one test per case.
import { beforeAll, describe, it } from 'vitest';
import { session } from './fake-guards';
import { loadActions, runHostileCase, type HostileCase } from './hostile-actions';
import { seedHostileFixture, type Fixture } from './hostile-fixture';

export async function hostileSuite(title: string, cases: Record<string, HostileCase>): Promise<Awaited<ReturnType<typeof loadActions>>> {
  const actions = await loadActions();
  let fx: Fixture;
  beforeAll(() => {
    fx = seedHostileFixture();
    session.user = fx.tess;
  });
  describe(title, () => {
    for (const [key, hostileCase] of Object.entries(cases)) {
      it(key, { timeout: 60_000 }, async () => runHostileCase(actions.get(key)!, hostileCase, fx));
    }
  });
  return actions;
}
