/**
 * One operation at a time per target: a second publish of the same app, or a second deployment to the
 * same app × environment, is refused while the first runs (a double click never dispatches twice).
 */
export class InFlight<T> {
  private readonly running = new Map<string, T>();

  /** Claims the key; returns the running operation's details instead when the key is taken. */
  claim(key: string, details: T): { ok: true; release: () => void } | { ok: false; running: T } {
    const existing = this.running.get(key);
    if (existing !== undefined) {
      return { ok: false, running: existing };
    }
    this.running.set(key, details);
    return {
      ok: true,
      release: () => {
        if (this.running.get(key) === details) {
          this.running.delete(key);
        }
      },
    };
  }

  update(key: string, details: T): void {
    if (this.running.has(key)) {
      this.running.set(key, details);
    }
  }

  get(key: string): T | undefined {
    return this.running.get(key);
  }
}
