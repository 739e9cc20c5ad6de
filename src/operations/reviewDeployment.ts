import type { DeploymentReview } from '../domain/snapshot';
import { reviewersWords, reviewsLike } from '../domain/deploymentReview';
import type { GitHubClient } from '../github/client';
import { describeError, ENGLISH, isGitHubError, refusalReason, type Language } from '../github/errors';
import { listRunReviews, reviewPendingDeployments } from '../github/pendingDeployments';
import { getRun } from '../github/workflows';
import type { WorkflowRunFact } from '../domain/facts';
import { lostAnswer, outcomeUnclear } from './outcome';
import { words } from './follow';

/** Words given to the review in English, or as they are said in a language. */
export type ReviewWords = string | ((language: Language) => string);

export interface ReviewRequest {
  readonly repo: string;
  readonly runId: number;
  readonly runUrl: string;
  readonly review: DeploymentReview;
  readonly state: 'approved' | 'rejected';
  readonly comment: string;
  /** "rel-2026.11.05.16.20.00 to Frontend production": what the deployment does, for the messages. */
  readonly what: ReviewWords;
  /** "Frontend production still runs rel-…": said whenever nothing was changed. */
  readonly unchanged: ReviewWords;
  /** The person's language: the outcome is then said in it too (`said`); `message` stays English, for the log. */
  readonly language?: Language;
  /** The signed-in user's login: after a lost answer, only their reviews in the run's review history count. */
  readonly reviewer?: string;
}

/** How a review ended: recorded, or refused or unknown with the sentence that says so. */
export type ReviewOutcome = (
  | { readonly kind: 'reviewed'; readonly message: string }
  | { readonly kind: 'refused' | 'unknown'; readonly message: string; /** GitHub's refusal, for its next step (Authorize for SSO). */ readonly error?: unknown }
) & { /** `message` in the request's language, when it named one. */ readonly said?: string };

type Outcome = { readonly kind: ReviewOutcome['kind']; readonly say: (language: Language) => string; readonly error?: unknown };

/**
 * Sends one review of a deployment waiting on its environment's required reviewers (never retried). A
 * refusal says why in terms of the deployment: not a reviewer (403), no longer waiting because someone else
 * reviewed it or the run ended (422, 409), the run deleted (404). A lost answer is settled by reading the run
 * before anything is said.
 */
export async function reviewDeployment(client: GitHubClient, request: ReviewRequest): Promise<ReviewOutcome> {
  const verb = request.state === 'approved' ? 'approve' : 'reject';
  // The approvals like this one the run's review history holds already: after a lost answer only a new one is this one.
  const before = request.state === 'approved' ? await listRunReviews(client, request.repo, request.runId).then((history) => reviewsLike(history, like(request)), (error: unknown) => ({ unread: error })) : 0;
  let outcome: Outcome;
  try {
    await reviewPendingDeployments(client, { repo: request.repo, runId: request.runId, environmentIds: request.review.environments.map((one) => one.id), state: request.state, comment: request.comment });
    outcome = {
      kind: 'reviewed',
      say: (language) => (request.state === 'approved'
        ? language.l10n.t('Approved: the deployment of {0} starts now.', wordsIn(request.what, language))
        : language.l10n.t('Rejected: the deployment of {0} will not run (GitHub fails its run). {1}', wordsIn(request.what, language), wordsIn(request.unchanged, language))),
    };
  } catch (error) {
    outcome = outcomeUnclear(error) ? await settleLostAnswer(client, request, error, before) : { kind: 'refused', say: (language) => refusal(request, verb, error, language), error };
  }
  const { kind, say, error } = outcome;
  return {
    kind,
    message: say(ENGLISH),
    ...(request.language !== undefined ? { said: say(request.language) } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

function wordsIn(given: ReviewWords, language: Language): string {
  return typeof given === 'string' ? given : given(language);
}

/** Why a review was refused, in terms of the deployment (exported for its unit test). */
export function refusal(request: Pick<ReviewRequest, 'what' | 'unchanged' | 'review'>, verb: 'approve' | 'reject', error: unknown, language: Language = ENGLISH): string {
  const { l10n } = language;
  const what = wordsIn(request.what, language);
  const unchanged = wordsIn(request.unchanged, language);
  const status = isGitHubError(error) ? error.status : undefined;
  const reason = refusalReason(error, l10n.t('you are not one of its reviewers ({0} may review it)', reviewersWords(request.review, l10n)), language);
  if (reason !== undefined) {
    return verb === 'approve' ? l10n.t('GitHub refused to approve the deployment of {0}: {1}. Nothing was changed. {2}', what, reason, unchanged) : l10n.t('GitHub refused to reject the deployment of {0}: {1}. Nothing was changed. {2}', what, reason, unchanged);
  }
  if (status === 422 || status === 409) {
    return l10n.t('The deployment of {0} no longer waits for review: someone else reviewed it, or its run ended. Nothing was changed by you; the deck shows what it does now.', what);
  }
  if (status === 404) {
    return l10n.t('The run of the deployment of {0} no longer exists on GitHub (it was deleted). Nothing was reviewed. {1}', what, unchanged);
  }
  const why = describeError(error, language);
  return verb === 'approve' ? l10n.t('Could not approve the deployment of {0}: {1} Nothing was changed. {2}', what, why, unchanged) : l10n.t('Could not reject the deployment of {0}: {1} Nothing was changed. {2}', what, why, unchanged);
}

function like(request: ReviewRequest): Parameters<typeof reviewsLike>[1] {
  return { state: request.state, comment: request.comment, environmentIds: request.review.environments.map((one) => one.id), ...(request.reviewer !== undefined ? { reviewer: request.reviewer } : {}) };
}

/**
 * After a lost answer: a run that no longer waits was reviewed (by this review or another). One that still
 * waits may have been approved all the same — a wait timer holds an approved job — so the run's review
 * history (GET …/actions/runs/{run_id}/approvals) says whether a review like this one is there that was not before.
 */
async function settleLostAnswer(client: GitHubClient, request: ReviewRequest, error: unknown, before: number | { readonly unread: unknown }): Promise<Outcome> {
  const lost = (language: Language): string => lostAnswer(error, language.l10n);
  const what = (language: Language): string => wordsIn(request.what, language);
  let run: WorkflowRunFact;
  try {
    run = await getRun(client, request.repo, request.runId);
  } catch (readError) {
    return unknown(request, lost, readError);
  }
  if (run.status !== 'waiting') {
    return { kind: 'reviewed', say: (language) => language.l10n.t('{0}, but the deployment of {1} no longer waits for review: its run is {2} ({3}).', lost(language), what(language), words(run, undefined, language), request.runUrl) };
  }
  const notRecorded: Outcome = { kind: 'refused', say: (language) => language.l10n.t('{0}, and the deployment of {1} still waits for review: the review was not recorded. You can review it again.', lost(language), what(language)) };
  // "If a job is rejected, the workflow will fail": a run that still waits was not rejected.
  if (request.state === 'rejected') {
    return notRecorded;
  }
  let now: number;
  try {
    now = reviewsLike(await listRunReviews(client, request.repo, request.runId), like(request));
  } catch (readError) {
    // Without a wait timer an approved job starts at once: still waiting, it was not approved.
    return (request.review.waitTimer ?? 0) > 0 ? unknown(request, lost, readError) : notRecorded;
  }
  if (typeof before !== 'number') {
    return now > 0 ? unknown(request, lost, before.unread) : notRecorded;
  }
  if (now <= before) {
    return notRecorded;
  }
  return { kind: 'reviewed', say: (language) => language.l10n.t("{0}, but GitHub's review history of the run records your approval of the deployment of {1}: its run is {2} (a wait timer may still hold it) ({3}).", lost(language), what(language), words(run, undefined, language), request.runUrl) };
}

/** Whether the review was recorded cannot be told: what could not be read, and where to look. */
function unknown(request: ReviewRequest, lost: (language: Language) => string, readError: unknown): Outcome {
  return { kind: 'unknown', say: (language) => language.l10n.t('{0}, and the run or its review history could not be read ({1}): whether the review was recorded is not known. Check the run before reviewing again: {2}', lost(language), describeError(readError, language), request.runUrl) };
}
