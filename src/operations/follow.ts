import type { WorkflowRunFact } from '../domain/facts';
import { reviewOf, timerOnly, waitingWords } from '../domain/deploymentReview';
import type { DeploymentReview } from '../domain/snapshot';
import type { GitHubClient } from '../github/client';
import { ENGLISH, type Language } from '../github/errors';
import { listPendingDeployments } from '../github/pendingDeployments';
import { getRun, listWorkflowRuns } from '../github/workflows';
import { probeVersion } from '../live/versionProbe';
import { sleep as defaultSleep } from '../timers';
import type { VersionFailure } from '../domain/versionFailure';

/** How a follow ends: the run finished, or the person stopped watching (never the run itself). */
export type FollowOutcome = { readonly kind: 'finished'; readonly run: WorkflowRunFact } | { readonly kind: 'stopped'; readonly run: WorkflowRunFact };

export interface FollowOptions {
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  readonly isStopped?: () => boolean;
  /** Each poll's run; for a run waiting on its environment's reviewers, whom it waits for too. */
  readonly onUpdate?: (run: WorkflowRunFact, review?: DeploymentReview) => void;
  /** Once per run that goes waiting for review (not one held only by a wait timer): so the person can be offered to review it. */
  readonly onReview?: (run: WorkflowRunFact, review: DeploymentReview) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock its time limit is measured on (tests give one that moves with their `sleep`). */
  readonly now?: () => number;
}

export const FOLLOW_INTERVAL_MS = 2000;

/**
 * Polls a run until it completes. Conditional requests keep each unchanged poll free. A run waiting on its
 * environment's required reviewers is no run that takes too long: the follow keeps waiting while it waits
 * (its time limit counts from when the wait ends), and reads once whom it waits for.
 */
export async function followRun(client: GitHubClient, repo: string, run: WorkflowRunFact, options: FollowOptions = {}): Promise<FollowOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 45 * 60_000;
  let deadline = now() + timeoutMs;
  const reviews = new ReviewReader(client, repo, options.onReview);
  let current = run;
  options.onUpdate?.(current, await reviews.of(current));
  while (current.status !== 'completed') {
    if (current.status === 'waiting') {
      deadline = now() + timeoutMs;
    }
    if (options.isStopped?.() === true || now() > deadline) {
      return { kind: 'stopped', run: current };
    }
    await sleep(options.intervalMs ?? FOLLOW_INTERVAL_MS);
    current = await getRun(client, repo, run.id);
    options.onUpdate?.(current, await reviews.of(current));
  }
  return { kind: 'finished', run: current };
}

/**
 * Whom a followed run waits for: read once per wait (`GET …/pending_deployments`, only while the run waits),
 * told to `onReview` once. Unreadable, the run still waits for review, its reviewers unknown.
 */
export class ReviewReader {
  private read: { readonly runId: number; readonly review: DeploymentReview } | undefined;

  constructor(
    private readonly client: GitHubClient,
    private readonly repo: string,
    private readonly onReview?: (run: WorkflowRunFact, review: DeploymentReview) => void,
  ) {}

  async of(run: WorkflowRunFact): Promise<DeploymentReview | undefined> {
    if (run.status !== 'waiting') {
      this.read = undefined;
      return undefined;
    }
    if (this.read?.runId !== run.id) {
      const pending = await listPendingDeployments(this.client, this.repo, run.id).catch(() => undefined);
      this.read = { runId: run.id, review: reviewOf(run, pending) ?? { environments: [], reviewers: [], canReview: false } };
      // A wait only on the environment's wait timer needs nobody: nothing to offer, it starts by itself.
      if (!timerOnly(this.read.review)) {
        this.onReview?.(run, this.read.review);
      }
    }
    return this.read.review;
  }
}

/** Waits for a run of a workflow that matches, created at or after a moment (e.g. one a publish set off). */
export async function waitForRun(
  client: GitHubClient,
  request: { repo: string; workflow: string; since: Date; matches: (run: WorkflowRunFact) => boolean; profileField: string },
  options: FollowOptions = {},
): Promise<WorkflowRunFact | undefined> {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? 5 * 60_000);
  const since = new Date(request.since.getTime() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (;;) {
    const runs = await listWorkflowRuns(client, request.repo, request.workflow, { createdAfter: since, perPage: 30, profileField: request.profileField });
    const found = runs.find(request.matches);
    if (found !== undefined) {
      return found;
    }
    if (options.isStopped?.() === true || now() > deadline) {
      return undefined;
    }
    await sleep(options.intervalMs ?? FOLLOW_INTERVAL_MS);
  }
}

export type VersionCheck = { readonly kind: 'matched'; readonly seen?: string } | { readonly kind: 'mismatch'; readonly seen: string } | { readonly kind: 'unreachable'; readonly reason: string; readonly failure?: VersionFailure } | { readonly kind: 'stopped' };

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
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? 3 * 60_000);
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
      last = { kind: 'unreachable', reason: answer.reason, ...(answer.failure !== undefined ? { failure: answer.failure } : {}) };
    }
    if (options.isStopped?.() === true) {
      return { kind: 'stopped' };
    }
    if (now() > deadline) {
      return last;
    }
    await sleep(options.intervalMs ?? FOLLOW_INTERVAL_MS);
  }
}

/** A run's state in words: "in progress", "queued", "waiting for review by …", or its conclusion once completed. */
export function words(run: WorkflowRunFact, review?: DeploymentReview, language: Language = ENGLISH): string {
  const { l10n, locale } = language;
  if (review !== undefined && run.status === 'waiting') {
    return waitingWords(review, undefined, l10n, locale);
  }
  if (run.status === 'completed') {
    // GitHub's conclusion (success, failure, cancelled…) as it names it in the run's page.
    return run.conclusion ?? l10n.t('completed');
  }
  switch (run.status) {
    case 'in_progress':
      return l10n.t('in progress');
    case 'queued':
      return l10n.t('queued');
    case 'waiting':
      return l10n.t('waiting');
    default:
      return run.status;
  }
}
