// The bench's CRM user (crm@example.com) as the in-process measurements act: the session user the data
// layer takes, read from the data set.
import type Database from 'better-sqlite3';
import type { Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';

export function benchCrmUser(sqlite: Database.Database): SessionUser {
  const row = sqlite.prepare("select id, email, name, roles from users where email = 'crm@example.com'").get() as {
    id: number;
    email: string;
    name: string;
    roles: string;
  };
  return { id: row.id, email: row.email, name: row.name, roles: JSON.parse(row.roles) as Role[], locale: 'de' };
}
