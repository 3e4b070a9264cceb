// Who used the machine's processors during a stretch of the benchmark: the server, the benchmark's
// own clients, and everything else (other work on a shared machine skews the figures). Linux /proc,
// all in the same clock ticks, so only shares are reported.
import fs from 'node:fs';

export type CpuSnapshot = { total: number; idle: number; server: number; bench: number };
export type CpuShares = { server: number; bench: number; others: number; idle: number };

/** utime + stime of a process (fields 14 and 15 of /proc/<pid>/stat; the name may hold spaces). */
function processTicks(pid: number | 'self'): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

export function cpuSnapshot(serverPid: number): CpuSnapshot {
  const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const values = ticks.slice(0, 8).map(Number);
  return {
    total: values.reduce((sum, value) => sum + value, 0),
    idle: values[3] + values[4],
    server: processTicks(serverPid),
    bench: processTicks('self'),
  };
}

export function cpuShares(before: CpuSnapshot, after: CpuSnapshot): CpuShares {
  const total = Math.max(1, after.total - before.total);
  const server = (after.server - before.server) / total;
  const bench = (after.bench - before.bench) / total;
  const idle = (after.idle - before.idle) / total;
  return { server, bench, idle, others: Math.max(0, 1 - server - bench - idle) };
}
