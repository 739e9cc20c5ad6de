import type { PendingDeploymentFact, WorkflowRunFact } from './facts';
import type { AppDeck, DeckSnapshot, DeploymentRecord, DeploymentReview, EnvironmentDeck } from './snapshot';
import { ago } from './words';

/**
 * Deployments waiting on an environment's required reviewers (GitHub run status `waiting`; "Jobs that
 * reference an environment configured with required reviewers will wait for an approval before starting"):
 * the review a run waits for, how it is said, and where the deck shows one (DeploymentReview: snapshot.ts).
 */

/** The review a run waits for, from its pending deployments; undefined for a run that does not wait. */
export function reviewOf(run: Pick<WorkflowRunFact, 'status'>, pending: readonly PendingDeploymentFact[] | undefined): DeploymentReview | undefined {
  if (run.status !== 'waiting') {
    return undefined;
  }
  const waiting = pending ?? [];
  const reviewers = waiting.flatMap((one) => one.reviewers).filter((reviewer, index, all) => all.findIndex((other) => other.type === reviewer.type && other.name === reviewer.name) === index);
  const since = waiting.map((one) => one.waitingSince).filter((value): value is string => value !== null).sort()[0];
  return {
    environments: waiting.map((one) => ({ id: one.environmentId, name: one.environment })),
    reviewers,
    ...(since !== undefined ? { since } : {}),
    canReview: waiting.length > 0 && waiting.every((one) => one.currentUserCanApprove),
  };
}

/** "octo-maintainer or WordPress/maintainers (team)"; "its environment's reviewers" when they are not known. */
export function reviewersWords(review: DeploymentReview): string {
  if (review.reviewers.length === 0) {
    return `the reviewers of ${review.environments.length > 0 ? `the ${review.environments.map((one) => one.name).join(' and ')} environment` : 'its environment'}`;
  }
  const names = review.reviewers.map((reviewer) => (reviewer.type === 'Team' ? `${reviewer.name} (team)` : reviewer.name));
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/** "waiting for review by octo-maintainer (for 5 minutes)": the words of the deck and of a follow. */
export function waitingWords(review: DeploymentReview, now?: Date): string {
  return `waiting for review by ${reviewersWords(review)}${review.since !== undefined ? ` (${waitedWords(review.since, now)})` : ''}`;
}

/** "for 5 minutes", "since just now". */
export function waitedWords(since: string, now?: Date): string {
  const age = ago(since, now);
  return age.endsWith(' ago') ? `for ${age.slice(0, -' ago'.length)}` : `since ${age}`;
}

/** What a person can do about it, said after the wait. */
export function reviewHint(review: DeploymentReview): string {
  return review.canReview
    ? 'You can review it: Review Deployment… approves or rejects it.'
    : review.environments.length > 0
      ? 'You are not one of its reviewers: ask one of them to review it on GitHub.'
      : 'Who may review it could not be read; the run\'s page on GitHub says.';
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
