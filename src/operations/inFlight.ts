/**
 * One operation at a time per target: a second publish of the same app, or a second deployment to the
 * same app × environment, is refused while the first runs (a double click never dispatches twice).
 */
export class InFlight<T> {
  private readonly running = new Map<string, { readonly token: object; details: T }>();

  /** Claims the key; returns the running operation's details instead when the key is taken. */
  claim(key: string, details: T): { ok: true; release: () => void } | { ok: false; running: T } {
    const existing = this.running.get(key);
    if (existing !== undefined) {
      return { ok: false, running: existing.details };
    }
    const token = {};
    this.running.set(key, { token, details });
    return {
      ok: true,
      release: () => {
        // Only the claim that took the key frees it, however often its details were updated.
        if (this.running.get(key)?.token === token) {
          this.running.delete(key);
        }
      },
    };
  }

  /** Replaces the details of a running operation (e.g. once its run is known). */
  update(key: string, details: T): void {
    const entry = this.running.get(key);
    if (entry !== undefined) {
      entry.details = details;
    }
  }

  get(key: string): T | undefined {
    return this.running.get(key)?.details;
  }
}
