/**
 * The simulator's clock. `manual`: it starts at the world's startTime and moves only when told
 * (advance() or POST /_admin/clock). `real`: the wall clock (so rate-limit resets and run times agree
 * with the client's), plus any advance.
 */
export class Clock {
  private advancedMs = 0;
  private readonly startMs: number;

  constructor(
    readonly mode: 'manual' | 'real',
    startTime: string,
  ) {
    this.startMs = Date.parse(startTime);
  }

  nowMs(): number {
    return this.mode === 'real' ? Date.now() + this.advancedMs : this.startMs + this.advancedMs;
  }

  /** A time as GitHub writes it: ISO 8601, no milliseconds. */
  iso(ms: number = this.nowMs()): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  advance(seconds: number): void {
    this.advancedMs += seconds * 1000;
  }
}
