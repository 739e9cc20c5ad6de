/** Taking and summing up the bench's samples: wall and CPU time of one piece of work, medians. */

export interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Wall and CPU time (of this process) of one piece of work, and its value. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; sample: Sample }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, sample: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
}

/** A full collection between samples (when node runs with --expose-gc), so one sample's garbage is not collected during the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The middle value (the upper one of an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
