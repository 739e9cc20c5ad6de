import type { DeploymentReview } from '../domain/snapshot';
import { reviewersWords } from '../domain/deploymentReview';
import type { GitHubClient } from '../github/client';
import { describeError, isGitHubError, refusalReason } from '../github/errors';
import { reviewPendingDeployments } from '../github/pendingDeployments';
import { getRun } from '../github/workflows';
import { lostAnswer, outcomeUnclear } from './outcome';
import { words } from './follow';

export interface ReviewRequest {
  readonly repo: string;
  readonly runId: number;
  readonly runUrl: string;
  readonly review: DeploymentReview;
  readonly state: 'approved' | 'rejected';
  readonly comment: string;
  /** "rel-2026.11.05.16.20.00 to Frontend production": what the deployment does, for the messages. */
  readonly what: string;
  /** "Frontend production still runs rel-…": said whenever nothing was changed. */
  readonly unchanged: string;
}

/** How a review ended: recorded, or refused or unknown with the sentence that says so. */
export type ReviewOutcome =
  | { readonly kind: 'reviewed'; readonly message: string }
  | { readonly kind: 'refused' | 'unknown'; readonly message: string; /** GitHub's refusal, for its next step (Authorize for SSO). */ readonly error?: unknown };

/**
 * Sends one review of a deployment waiting on its environment's required reviewers (never retried). A
 * refusal says why in terms of the deployment: not a reviewer (403), no longer waiting because someone else
 * reviewed it or the run ended (422, 409), the run deleted (404). A lost answer is settled by reading the run
 * before anything is said.
 */
export async function reviewDeployment(client: GitHubClient, request: ReviewRequest): Promise<ReviewOutcome> {
  const verb = request.state === 'approved' ? 'approve' : 'reject';
  try {
    await reviewPendingDeployments(client, { repo: request.repo, runId: request.runId, environmentIds: request.review.environments.map((one) => one.id), state: request.state, comment: request.comment });
  } catch (error) {
    if (outcomeUnclear(error)) {
      return settleLostAnswer(client, request, error);
    }
    return { kind: 'refused', message: refusal(request, verb, error), error };
  }
  return {
    kind: 'reviewed',
    message: request.state === 'approved'
      ? `Approved: the deployment of ${request.what} starts now.`
      : `Rejected: the deployment of ${request.what} will not run (GitHub fails its run). ${request.unchanged}`,
  };
}

/** Why a review was refused, in terms of the deployment (exported for its unit test). */
export function refusal(request: Pick<ReviewRequest, 'what' | 'unchanged' | 'review'>, verb: string, error: unknown): string {
  const status = isGitHubError(error) ? error.status : undefined;
  const reason = refusalReason(error, `you are not one of its reviewers (${reviewersWords(request.review)} may review it)`);
  if (reason !== undefined) {
    return `GitHub refused to ${verb} the deployment of ${request.what}: ${reason}. Nothing was changed. ${request.unchanged}`;
  }
  if (status === 422 || status === 409) {
    return `The deployment of ${request.what} no longer waits for review: someone else reviewed it, or its run ended. Nothing was changed by you; the deck shows what it does now.`;
  }
  if (status === 404) {
    return `The run of the deployment of ${request.what} no longer exists on GitHub (it was deleted). Nothing was reviewed. ${request.unchanged}`;
  }
  return `Could not ${verb} the deployment of ${request.what}: ${describeError(error)} Nothing was changed. ${request.unchanged}`;
}

/** After a lost answer: whether the run still waits tells whether the review was recorded. */
async function settleLostAnswer(client: GitHubClient, request: ReviewRequest, error: unknown): Promise<ReviewOutcome> {
  const lost = lostAnswer(error);
  try {
    const run = await getRun(client, request.repo, request.runId);
    if (run.status === 'waiting') {
      return { kind: 'refused', message: `${lost}, and the deployment of ${request.what} still waits for review: the review was not recorded. You can review it again.` };
    }
    return { kind: 'reviewed', message: `${lost}, but the deployment of ${request.what} no longer waits for review: its run is ${words(run)} (${request.runUrl}).` };
  } catch (readError) {
    return { kind: 'unknown', message: `${lost}, and the run could not be read (${describeError(readError)}): whether the review was recorded is not known. Check the run before reviewing again: ${request.runUrl}` };
  }
}
