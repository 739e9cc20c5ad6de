/**
 * One operation at a time per target: a second publish of the same app, or a second deployment to the
 * same app × environment, is refused while the first runs (a double click never dispatches twice).
 * Publishing an app whose production is deployed on publish takes that environment's key too, so a
 * publish and a deployment of the same environment exclude each other.
 */

/** The key every action that deploys an environment claims (deploy, redeploy, roll back, publish). */
export function environmentKey(appId: string, environmentId: string): string {
  return `environment:${appId}/${environmentId}`;
}

/** The key of a publish of an app (the release notes panel shows it as under way). */
export function publishKey(appId: string): string {
  return `publish:${appId}`;
}

export class InFlight<T> {
  constructor(
    private readonly now: () => number = Date.now,
    private readonly running = new Map<string, { readonly token: object; details: T }>(),
    /** When each key was last freed (ms since the epoch), to tell this window's own actions from others'. */
    private readonly freedAt = new Map<string, number>(),
    private readonly scope = '',
  ) {}

  /**
   * The same operations seen from one section of a multi-root workspace: its keys carry the section, so
   * the same app id in two folders never blocks the other, while one section's keys stay exclusive.
   */
  within(section: string): InFlight<T> {
    return new InFlight(this.now, this.running, this.freedAt, `${this.scope}${section}\n`);
  }

  /** Claims the key; returns the running operation's details instead when the key is taken. */
  claim(unscoped: string, details: T): { ok: true; release: () => void } | { ok: false; running: T } {
    const key = this.scope + unscoped;
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
          this.freedAt.set(key, this.now());
        }
      },
    };
  }

  /** Claims every key or none: the first taken one's details come back when one is taken. */
  claimAll(keys: readonly string[], details: T): { ok: true; release: () => void } | { ok: false; running: T } {
    const releases: Array<() => void> = [];
    for (const key of keys) {
      const claim = this.claim(key, details);
      if (!claim.ok) {
        for (const release of releases) {
          release();
        }
        return claim;
      }
      releases.push(claim.release);
    }
    return {
      ok: true,
      release: () => {
        for (const release of releases) {
          release();
        }
      },
    };
  }

  /** Replaces the details of a running operation (e.g. once its run is known). */
  update(key: string, details: T): void {
    const entry = this.running.get(this.scope + key);
    if (entry !== undefined) {
      entry.details = details;
    }
  }

  get(key: string): T | undefined {
    return this.running.get(this.scope + key)?.details;
  }

  /** Whether an operation held the key at any time since `sinceMs`: it is held now, or was freed since. */
  heldSince(key: string, sinceMs: number): boolean {
    return this.running.has(this.scope + key) || (this.freedAt.get(this.scope + key) ?? -Infinity) >= sinceMs;
  }
}

/** The key of a review of a deployment run waiting on its environment's reviewers (a double click never posts twice). */
export function reviewKey(runId: number): string {
  return `review:${runId}`;
}
