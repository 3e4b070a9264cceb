// What the server says when it starts: which database, what the start did to it, the demo sign-ins
// after a demo seed, and a warning while demo passwords open the server to the whole network.
// Pure, so the lines can be tested without starting a server.

export type StartupReport = {
  /** The database file, as an absolute path. */
  file: string;
  /** Tags of the migrations this start applied, in order. */
  migrated: string[];
  /** How many migrations the database holds now. */
  migrationCount: number;
  /** What this start put into an empty database. */
  seeded: { kind: 'demo'; password: string } | { kind: 'admin'; email: string } | null;
  /** Active demo accounts whose password is still the published demo password. */
  demoSignIns: { email: string; roles: readonly string[] }[];
};

export type StartupLine = { level: 'info' | 'warn'; text: string };

/** `HOSTNAME` as the standalone server reads it: unset means every interface, as do 0.0.0.0 and ::. */
export function listensOnEveryInterface(hostname: string | undefined): boolean {
  const host = hostname?.trim() ?? '';
  return host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';
}

function signIns(report: StartupReport): string {
  return report.demoSignIns.map((user) => `${user.email} (${user.roles.length > 0 ? user.roles.join(', ') : 'no role'})`).join('; ');
}

export function startupLines(report: StartupReport, env: { HOSTNAME?: string }): StartupLine[] {
  const lines: StartupLine[] = [{ level: 'info', text: `Database: ${report.file}` }];
  lines.push({
    level: 'info',
    text:
      report.migrated.length > 0
        ? `Migrated the database: applied ${report.migrated.join(', ')} (${report.migrationCount} migrations in all).`
        : `Database schema up to date (${report.migrationCount} migrations), nothing to migrate.`,
  });
  if (report.seeded?.kind === 'demo') {
    lines.push({ level: 'info', text: `Seeded demo data. Demo sign-ins, password ${report.seeded.password}: ${signIns(report)}` });
  } else if (report.seeded?.kind === 'admin') {
    lines.push({ level: 'info', text: `Created the first administrator ${report.seeded.email} (CRM_SEED=none).` });
  }
  if (report.demoSignIns.length > 0 && listensOnEveryInterface(env.HOSTNAME)) {
    lines.push({
      level: 'warn',
      text:
        `WARNING: demo users with the published demo password exist (${report.demoSignIns.map((user) => user.email).join(', ')}) ` +
        `and the server listens on every interface (HOSTNAME=${env.HOSTNAME?.trim() || 'unset'}): anyone who can reach it can sign in. ` +
        'Change their passwords or deactivate them (Benutzerverwaltung), or serve on 127.0.0.1 only.',
    });
  }
  return lines;
}
