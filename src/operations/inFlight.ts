import type { DeployMethod } from '../domain/profileTypes';

/**
 * One operation at a time per target at GitHub, in the whole window: a second publish of the same app, or
 * a second deployment of the same environment, is refused while the first runs (a double click never
 * dispatches twice). The keys name what is acted on at GitHub — the deployment workflow of a repository,
 * an app's releases in its monorepo, a run — never the workspace folder a command ran in, so two folders
 * of a multi-root workspace that are checkouts of the same repository exclude each other, while folders
 * of different repositories never do, even where their apps share an id. Publishing an app whose
 * production is deployed on publish takes that environment's key too, so a publish and a deployment of
 * the same environment exclude each other. GitHub's owner and repository names are case-insensitive.
 */

/** The key every action that deploys an environment claims (deploy, redeploy, roll back, re-run, publish). */
export function environmentKey(monorepo: string, appId: string, environment: { readonly id: string; readonly deploy: DeployMethod }): string {
  const { deploy } = environment;
  // A workflow deployment is the dispatch of that workflow: the same workflow is the same environment.
  return deploy.kind === 'workflow' ? `deploy:${deploy.repo.toLowerCase()}/${deploy.workflow}` : `environment:${monorepo.toLowerCase()}/${appId}/${environment.id}`;
}

/** The key of a publish of an app (the release notes panel shows it as under way). */
export function publishKey(monorepo: string, appId: string): string {
  return `publish:${monorepo.toLowerCase()}/${appId}`;
}

/** The key of an action on one workflow run (cancel). */
export function runKey(repo: string, runId: number): string {
  return `run:${repo.toLowerCase()}#${String(runId)}`;
}

/** The key of a review of a deployment run waiting on its environment's reviewers (a double click never posts twice). */
export function reviewKey(repo: string, runId: number): string {
  return `review:${repo.toLowerCase()}#${String(runId)}`;
}

/** A claim refused: the running operation's details, and the folder whose command holds it when that is another folder. */
export type Refused<T> = { readonly ok: false; readonly running: T; readonly heldIn?: string };

interface Holder {
  /** The workspace folder's key (its URI), to tell folders of the same name apart. */
  readonly key: string;
  /** Its name, as the person sees it. */
  readonly name: string;
}

export class InFlight<T> {
  constructor(
    private readonly now: () => number = Date.now,
    private readonly running = new Map<string, { readonly token: object; details: T; readonly holder?: Holder }>(),
    /** When each key was last freed (ms since the epoch), to tell this window's own actions from others'. */
    private readonly freedAt = new Map<string, number>(),
    private readonly holder?: Holder,
  ) {}

  /**
   * The window's operations as a command of one workspace folder claims them: the same keys (they name
   * GitHub's targets), and a refusal names the other folder whose command holds the key.
   */
  inFolder(holder: Holder): InFlight<T> {
    return new InFlight(this.now, this.running, this.freedAt, holder);
  }

  /** Claims the key; returns the running operation's details instead when the key is taken. */
  claim(key: string, details: T): { ok: true; release: () => void } | Refused<T> {
    const existing = this.running.get(key);
    if (existing !== undefined) {
      const other = existing.holder !== undefined && existing.holder.key !== this.holder?.key ? existing.holder.name : undefined;
      return { ok: false, running: existing.details, ...(other !== undefined ? { heldIn: other } : {}) };
    }
    const token = {};
    this.running.set(key, { token, details, ...(this.holder !== undefined ? { holder: this.holder } : {}) });
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
  claimAll(keys: readonly string[], details: T): { ok: true; release: () => void } | Refused<T> {
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
    const entry = this.running.get(key);
    if (entry !== undefined) {
      entry.details = details;
    }
  }

  get(key: string): T | undefined {
    return this.running.get(key)?.details;
  }

  /** Whether an operation held the key at any time since `sinceMs`: it is held now, or was freed since. */
  heldSince(key: string, sinceMs: number): boolean {
    return this.running.has(key) || (this.freedAt.get(key) ?? -Infinity) >= sinceMs;
  }
}
