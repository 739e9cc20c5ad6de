import type { DeploymentReview } from '../domain/snapshot';
import { reviewersWords } from '../domain/deploymentReview';
import type { GitHubClient } from '../github/client';
import { describeError, ENGLISH, isGitHubError, refusalReason, type Language } from '../github/errors';
import { reviewPendingDeployments } from '../github/pendingDeployments';
import { getRun } from '../github/workflows';
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
    outcome = outcomeUnclear(error) ? await settleLostAnswer(client, request, error) : { kind: 'refused', say: (language) => refusal(request, verb, error, language), error };
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

/** After a lost answer: whether the run still waits tells whether the review was recorded. */
async function settleLostAnswer(client: GitHubClient, request: ReviewRequest, error: unknown): Promise<Outcome> {
  const lost = (language: Language): string => lostAnswer(error, language.l10n);
  try {
    const run = await getRun(client, request.repo, request.runId);
    if (run.status === 'waiting') {
      return { kind: 'refused', say: (language) => language.l10n.t('{0}, and the deployment of {1} still waits for review: the review was not recorded. You can review it again.', lost(language), wordsIn(request.what, language)) };
    }
    return { kind: 'reviewed', say: (language) => language.l10n.t('{0}, but the deployment of {1} no longer waits for review: its run is {2} ({3}).', lost(language), wordsIn(request.what, language), words(run, undefined, language), request.runUrl) };
  } catch (readError) {
    return { kind: 'unknown', say: (language) => language.l10n.t('{0}, and the run could not be read ({1}): whether the review was recorded is not known. Check the run before reviewing again: {2}', lost(language), describeError(readError, language), request.runUrl) };
  }
}
