import type { WorkflowRunFact } from '../domain/facts';
import type { GitHubClient } from '../github/client';
import { getRun, listWorkflowRuns } from '../github/workflows';
import { probeVersion } from '../live/versionProbe';
import { sleep as defaultSleep } from '../timers';

/** How a follow ends: the run finished, or the person stopped watching (never the run itself). */
export type FollowOutcome = { readonly kind: 'finished'; readonly run: WorkflowRunFact } | { readonly kind: 'stopped'; readonly run: WorkflowRunFact };

export interface FollowOptions {
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  readonly isStopped?: () => boolean;
  readonly onUpdate?: (run: WorkflowRunFact) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const FOLLOW_INTERVAL_MS = 2000;

/** Polls a run until it completes. Conditional requests keep each unchanged poll free. */
export async function followRun(client: GitHubClient, repo: string, run: WorkflowRunFact, options: FollowOptions = {}): Promise<FollowOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + (options.timeoutMs ?? 45 * 60_000);
  let current = run;
  options.onUpdate?.(current);
  while (current.status !== 'completed') {
    if (options.isStopped?.() === true || Date.now() > deadline) {
      return { kind: 'stopped', run: current };
    }
    await sleep(options.intervalMs ?? FOLLOW_INTERVAL_MS);
    current = await getRun(client, repo, run.id);
    options.onUpdate?.(current);
  }
  return { kind: 'finished', run: current };
}

/** Waits for a run of a workflow that matches, created at or after a moment (e.g. one a publish set off). */
export async function waitForRun(
  client: GitHubClient,
  request: { repo: string; workflow: string; since: Date; matches: (run: WorkflowRunFact) => boolean; profileField: string },
  options: FollowOptions = {},
): Promise<WorkflowRunFact | undefined> {
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + (options.timeoutMs ?? 5 * 60_000);
  const since = new Date(request.since.getTime() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (;;) {
    const runs = await listWorkflowRuns(client, request.repo, request.workflow, { createdAfter: since, perPage: 30, profileField: request.profileField });
    const found = runs.find(request.matches);
    if (found !== undefined) {
      return found;
    }
    if (options.isStopped?.() === true || Date.now() > deadline) {
      return undefined;
    }
    await sleep(options.intervalMs ?? FOLLOW_INTERVAL_MS);
  }
}

export type VersionCheck = { readonly kind: 'matched'; readonly seen?: string } | { readonly kind: 'mismatch'; readonly seen: string } | { readonly kind: 'unreachable'; readonly reason: string } | { readonly kind: 'stopped' };

export interface VerifyOptions extends FollowOptions {
  /**
   * What to say when an answer's `environment` names another environment of the app (domain/environmentName.ts),
   * or undefined: such an answer is no proof of what runs here, whatever commit it reports.
   */
  readonly wrongEnvironment?: (answeredEnvironment: string) => string | undefined;
}

/** After a successful deployment, polls /version until it reports the expected commit (or one of them), or gives up. */
export async function verifyVersion(url: string, expected: string | readonly string[], options: VerifyOptions = {}): Promise<VersionCheck> {
  const accepted: readonly string[] = typeof expected === 'string' ? [expected] : expected;
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + (options.timeoutMs ?? 3 * 60_000);
  let last: VersionCheck = { kind: 'unreachable', reason: 'not asked yet' };
  for (;;) {
    const answer = await probeVersion(url);
    const wrongEnvironment = answer.kind === 'answered' ? options.wrongEnvironment?.(answer.environment) : undefined;
    if (wrongEnvironment !== undefined) {
      last = { kind: 'unreachable', reason: wrongEnvironment };
    } else if (answer.kind === 'answered') {
      if (accepted.includes(answer.release)) {
        return { kind: 'matched', seen: answer.release };
      }
      last = { kind: 'mismatch', seen: answer.release };
    } else {
      last = { kind: 'unreachable', reason: answer.reason };
    }
    if (options.isStopped?.() === true) {
      return { kind: 'stopped' };
    }
    if (Date.now() > deadline) {
      return last;
    }
    await sleep(options.intervalMs ?? FOLLOW_INTERVAL_MS);
  }
}

/** A run's state in words: "in progress", "queued", or its conclusion once completed. */
export function words(run: WorkflowRunFact): string {
  if (run.status === 'completed') {
    return run.conclusion ?? 'completed';
  }
  return run.status === 'in_progress' ? 'in progress' : run.status;
}
