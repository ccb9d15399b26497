/** Timing for the benchmarks on a shared machine: wall time beside the process's CPU time, and the load average. */
import { cpus, loadavg } from 'node:os';

export function loadText(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Median and worst of 5 after a warm-up, wall and CPU time (the machine is shared: CPU shows the work itself). */
export function time(label: string, work: () => unknown, target?: number): boolean {
  work();
  const walls: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [t, c] = [performance.now(), cpuMs()];
    work();
    walls.push(performance.now() - t);
    cpuTimes.push(cpuMs() - c);
  }
  const [w, c] = [walls.sort((a, b) => a - b), cpuTimes.sort((a, b) => a - b)];
  const ok = target === undefined || w[2] <= target;
  const verdict = target === undefined ? '' : ok ? `  OK (≤ ${target} ms)` : `  OVER ${target} ms`;
  const ms = (n: number) => n.toFixed(0).padStart(5);
  console.log(
    `  ${label.padEnd(34)} median ${ms(w[2])} ms  worst ${ms(w[4])} ms  CPU ${ms(c[2])} / ${ms(c[4])} ms${verdict}`,
  );
  return ok;
}

/** Wall and CPU seconds of one piece of work; CPU counts every thread of the process (workers included). */
export interface Figure {
  wall: number;
  cpu: number;
}

/** Runs `work` once and returns its value with its wall and CPU seconds. */
export async function measured<T>(work: () => T | Promise<T>): Promise<[T, Figure]> {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu0);
  return [value, { wall, cpu: (used.user + used.system) / 1e6 }];
}
