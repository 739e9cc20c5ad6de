import type { ReleaseFact } from '../domain/facts';
import type { GitHubClient } from '../github/client';
import { getRelease } from '../github/releases';

export interface SettleOptions {
  /** The first wait before reading the release again; each next wait doubles, up to `maxIntervalMs`. */
  readonly firstIntervalMs?: number;
  readonly maxIntervalMs?: number;
  /** How long to keep looking (default 15 minutes): past it, the outcome is left to the person. */
  readonly boundMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * After a publish whose outcome could not be told, reads the release again until GitHub answers: it is
 * published (on whatever tag) or still a draft, and the outcome is known. Undefined when no read
 * answered within the bound.
 */
export async function settlePublishOutcome(client: GitHubClient, monorepo: string, releaseId: number, options: SettleOptions = {}): Promise<ReleaseFact | undefined> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const bound = options.boundMs ?? 15 * 60_000;
  let interval = options.firstIntervalMs ?? 5_000;
  for (let waited = 0; waited + interval <= bound; waited += interval, interval = Math.min(interval * 2, options.maxIntervalMs ?? 60_000)) {
    await sleep(interval);
    try {
      return await getRelease(client, monorepo, releaseId);
    } catch {
      // GitHub still gives no clear answer: look again after a longer wait.
    }
  }
  return undefined;
}
