import type { PendingDeploymentFact, RunReviewFact, WorkflowRunFact } from './facts';
import type { AppDeck, DeckSnapshot, DeploymentRecord, DeploymentReview, EnvironmentDeck } from './snapshot';
import { english, type L10n } from './l10n';
import { elapsed, hourMinute } from './words';

/**
 * Deployments waiting on an environment's required reviewers (GitHub run status `waiting`; "Jobs that
 * reference an environment configured with required reviewers will wait for an approval before starting"):
 * the review a run waits for, how it is said, and where the deck shows one (DeploymentReview: snapshot.ts).
 */

/**
 * The review a run waits for, from its pending deployments; undefined for a run that does not wait. A
 * waiting run whose pending deployments could not be read still waits: `unread` says why it is not known for what.
 */
export function reviewOf(run: Pick<WorkflowRunFact, 'status'>, pending: readonly PendingDeploymentFact[] | undefined, unread?: string): DeploymentReview | undefined {
  if (run.status !== 'waiting') {
    return undefined;
  }
  if (pending === undefined) {
    return { environments: [], reviewers: [], canReview: false, unread: unread ?? 'they were not read' };
  }
  const reviewers = pending.flatMap((one) => one.reviewers).filter((reviewer, index, all) => all.findIndex((other) => other.type === reviewer.type && other.name === reviewer.name) === index);
  const since = pending.map((one) => one.waitingSince).filter((value): value is string => value !== null).sort()[0];
  const waitTimer = Math.max(0, ...pending.map((one) => one.waitTimer));
  return {
    environments: pending.map((one) => ({ id: one.environmentId, name: one.environment })),
    reviewers,
    ...(since !== undefined ? { since } : {}),
    canReview: pending.length > 0 && pending.every((one) => one.currentUserCanApprove),
    ...(waitTimer > 0 ? { waitTimer } : {}),
  };
}

/**
 * A wait no reviewer ends: the environment's wait timer, with no required reviewers ("Wait timer: delay a job
 * for a specific amount of time after the job is initially triggered"). It needs nobody: not in Needs You.
 */
export function timerOnly(review: DeploymentReview): boolean {
  return review.unread === undefined && review.reviewers.length === 0 && review.waitTimer !== undefined;
}

/**
 * "octo-maintainer or WordPress/maintainers (team)"; "its environment's reviewers" when they are not known.
 * The words of the deck, Needs You and the review commands, in the language of `l10n` (English by default).
 */
export function reviewersWords(review: DeploymentReview, l10n: L10n = english): string {
  if (review.reviewers.length === 0) {
    const names = review.environments.map((one) => one.name);
    return names.length > 0 ? l10n.t('the reviewers of the {0} environment', listWords(names, l10n.t('and'))) : l10n.t('the reviewers of its environment');
  }
  const names = review.reviewers.map((reviewer) => (reviewer.type === 'Team' ? l10n.t('{0} (team)', reviewer.name) : reviewer.name));
  return listWords(names, l10n.t('or'));
}

/** "a, b or c" with the last two joined by `conjunction`. */
function listWords(names: readonly string[], conjunction: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1] ?? ''}`;
}

/** "waiting for review by octo-maintainer (for 5 minutes)": the words of the deck and of a follow. */
export function waitingWords(review: DeploymentReview, now?: Date, l10n: L10n = english, locale = 'en'): string {
  if (review.unread !== undefined) {
    return l10n.t('waiting for review or a protection rule; who may review could not be read: {0}', review.unread);
  }
  if (timerOnly(review)) {
    const minutes = review.waitTimer ?? 0;
    return review.since !== undefined
      ? l10n.t('waiting {0} min (wait timer, until {1})', minutes, timerEnd(review.since, minutes))
      : l10n.t('waiting {0} min (wait timer)', minutes);
  }
  const reviewers = reviewersWords(review, l10n);
  return review.since !== undefined
    ? l10n.t('waiting for review by {0} ({1})', reviewers, waitedWords(review.since, now, l10n, locale))
    : l10n.t('waiting for review by {0}', reviewers);
}

/** When a wait timer started at `since` lets the job go, "09:25" in the person's time of day; `since` as GitHub sent it when unreadable. */
function timerEnd(since: string, minutes: number): string {
  const started = Date.parse(since);
  return Number.isNaN(started) ? since : hourMinute(new Date(started + minutes * 60_000));
}

/** "for 5 minutes"; "since an unknown time" when the moment cannot be read. */
export function waitedWords(since: string, now?: Date, l10n: L10n = english, locale = 'en'): string {
  const span = elapsed(since, now, locale);
  return span !== undefined ? l10n.t('for {0}', span) : l10n.t('since an unknown time');
}

/** What a person can do about it, said after the wait. */
export function reviewHint(review: DeploymentReview, l10n: L10n = english): string {
  if (review.unread !== undefined) {
    return l10n.t("The run's page on GitHub says what it waits for.");
  }
  if (timerOnly(review)) {
    return l10n.t('It starts by itself when the timer ends; no review is needed.');
  }
  return review.canReview
    ? l10n.t('You can review it: Review Deployment… approves or rejects it.')
    : review.environments.length > 0
      ? l10n.t('You are not one of its reviewers: ask one of them to review it on GitHub.')
      : l10n.t("Who may review it could not be read; the run's page on GitHub says.");
}

/** A deployment of the deck waiting for review, with where it deploys. */
export interface WaitingDeployment {
  readonly app: AppDeck;
  readonly environment: EnvironmentDeck;
  readonly deployment: DeploymentRecord;
  readonly review: DeploymentReview;
}

/** Every deployment the snapshot shows waiting for review (those the signed-in user may review, with `mine`), oldest wait first. */
export function waitingDeployments(snapshot: DeckSnapshot, options: { readonly mine?: boolean } = {}): WaitingDeployment[] {
  return snapshot.apps
    .flatMap((app) => app.environments.flatMap((environment) => {
      const deployment = environment.activeDeployment;
      const review = deployment?.review;
      return deployment !== undefined && review !== undefined && (options.mine !== true || review.canReview) ? [{ app, environment, deployment, review }] : [];
    }))
    .sort((a, b) => (a.review.since ?? a.deployment.startedAt).localeCompare(b.review.since ?? b.deployment.startedAt));
}

/**
 * The run Review Deployment reviews: the one it was pointed at (a deck or Needs You node names its run),
 * else the environment's waiting run; undefined when that run does not wait for review.
 */
export function runToReview(environment: Pick<EnvironmentDeck, 'runs' | 'activeDeployment'>, runId: number | undefined): DeploymentRecord | undefined {
  const run = runId !== undefined ? environment.runs.find((candidate) => candidate.runId === runId) : environment.activeDeployment;
  return run?.review !== undefined ? run : undefined;
}

/**
 * How many entries of a run's review history are a review like the one described: the same decision and
 * comment, on an environment it names, by `reviewer` when known (GitHub logins are case-insensitive). GitHub's
 * docs do not say whether one review of several environments is one entry naming them all or one entry per
 * environment, so an entry naming any of them counts. The history gives no times: only an entry that was not
 * there before the review was sent can be that review.
 */
export function reviewsLike(history: readonly RunReviewFact[], review: { readonly state: 'approved' | 'rejected'; readonly comment: string; readonly environmentIds: readonly number[]; readonly reviewer?: string }): number {
  const reviewer = review.reviewer?.toLowerCase();
  return history.filter((entry) => entry.state === review.state && entry.comment === review.comment && review.environmentIds.some((id) => entry.environmentIds.includes(id)) && (reviewer === undefined || entry.login.toLowerCase() === reviewer)).length;
}
