// Preloaded into the benchmark server (`node --import`), never part of the app: measures the
// server's event-loop delay from inside its own process. On SIGUSR2 it writes the histogram since
// the previous mark to BENCH_LOOP_FILE and starts a new one, so a phase of the benchmark gets its
// own figures; at exit it writes what it has.
import fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** Node's default sampling tick; a reading is the time between two ticks, so idle reads 10 ms. */
const RESOLUTION_MS = 10;
const file = process.env.BENCH_LOOP_FILE;

if (file) {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let utilization = performance.eventLoopUtilization();
  let mark = 0;
  const beyondTick = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

  const write = () => {
    const snapshot = {
      mark,
      samples: histogram.count,
      // Delay beyond the sampling tick: how long a timer due now would wait.
      p50: beyondTick(histogram.percentile(50)),
      p99: beyondTick(histogram.percentile(99)),
      max: beyondTick(histogram.max),
      utilization: performance.eventLoopUtilization(utilization).utilization,
    };
    fs.writeFileSync(`${file}.partial`, JSON.stringify(snapshot));
    fs.renameSync(`${file}.partial`, file);
  };

  process.on('SIGUSR2', () => {
    mark += 1;
    write();
    histogram.reset();
    utilization = performance.eventLoopUtilization();
  });
  process.on('exit', write);
}
