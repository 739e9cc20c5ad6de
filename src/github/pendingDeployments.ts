import type { L10n } from '../domain/l10n';
import type { PendingDeploymentFact, ReviewerFact, RunReviewFact } from '../domain/facts';
import type { GitHubClient } from './client';
import { asArray, asObject, bool, num, parseOrThrow, ShapeError, splitRepo, str, strOrNull, type Fields } from './parse';

/**
 * Deployments waiting on an environment's required reviewers (GitHub REST, "Workflow runs": "Get pending
 * deployments for a workflow run", "Review pending deployments for a workflow run", "Get the review history for a
 * workflow run").
 */

function parseReviewer(value: unknown): ReviewerFact | undefined {
  const fields = asObject(value, 'reviewer');
  const reviewer: Fields = fields.reviewer !== null && typeof fields.reviewer === 'object' ? (fields.reviewer as Fields) : {};
  if (fields.type === 'User' && typeof reviewer.login === 'string') {
    return { type: 'User', name: reviewer.login };
  }
  if (fields.type === 'Team' && typeof reviewer.slug === 'string') {
    // A team's html_url is …/orgs/{org}/teams/{slug}: its organisation, when GitHub gave it.
    const org = typeof reviewer.html_url === 'string' ? /\/orgs\/([^/]+)\/teams\//.exec(reviewer.html_url)?.[1] : undefined;
    return { type: 'Team', name: org !== undefined ? `${org}/${reviewer.slug}` : reviewer.slug };
  }
  return undefined;
}

export function parsePendingDeployment(value: unknown): PendingDeploymentFact {
  const fields = asObject(value, 'pending deployment');
  const environment = asObject(fields.environment, 'environment');
  return {
    environmentId: num(environment, 'id'),
    environment: str(environment, 'name'),
    waitTimer: typeof fields.wait_timer === 'number' ? fields.wait_timer : 0,
    waitingSince: strOrNull(fields, 'wait_timer_started_at'),
    currentUserCanApprove: bool(fields, 'current_user_can_approve'),
    reviewers: asArray(fields.reviewers ?? [], 'reviewers').flatMap((reviewer) => parseReviewer(reviewer) ?? []),
  };
}

/** The environments a run waits on (empty once it no longer waits). A conditional GET: free while unchanged. */
export async function listPendingDeployments(client: GitHubClient, repo: string, runId: number): Promise<PendingDeploymentFact[]> {
  const context = { action: (l10n: L10n) => l10n.t('read which environments workflow run {0} of {1} waits on', runId, repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', { ...splitRepo(repo), run_id: runId }, context);
  return parseOrThrow(response.data, context, (data) => asArray(data, 'pending deployments').map(parsePendingDeployment));
}

export interface DeploymentReviewRequest {
  readonly repo: string;
  readonly runId: number;
  readonly environmentIds: readonly number[];
  readonly state: 'approved' | 'rejected';
  readonly comment: string;
}

/** Approves or rejects the run's waiting environments, once (a POST is never retried). */
export async function reviewPendingDeployments(client: GitHubClient, request: DeploymentReviewRequest): Promise<void> {
  const context = { action: (l10n: L10n) => (request.state === 'approved' ? l10n.t('approve the deployment of workflow run {0} of {1}', request.runId, request.repo) : l10n.t('reject the deployment of workflow run {0} of {1}', request.runId, request.repo)) };
  await client.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', {
    ...splitRepo(request.repo),
    run_id: request.runId,
    environment_ids: [...request.environmentIds],
    state: request.state,
    comment: request.comment,
  }, context);
}

function parseRunReview(value: unknown): RunReviewFact {
  const fields = asObject(value, 'review');
  const state = str(fields, 'state');
  if (state !== 'approved' && state !== 'rejected' && state !== 'pending') {
    throw new ShapeError(`"state" ${state} is none of approved, rejected, pending`);
  }
  return {
    // The description leaves an environment's fields optional: one without its id cannot be matched, so it is left out.
    environmentIds: asArray(fields.environments, 'environments').flatMap((environment) => { const id = asObject(environment, 'environment').id; return typeof id === 'number' ? [id] : []; }),
    state,
    login: str(asObject(fields.user, 'user'), 'login'),
    comment: typeof fields.comment === 'string' ? fields.comment : '',
  };
}

/** The reviews given to a run's deployments so far (its review history), in GitHub's order. */
export async function listRunReviews(client: GitHubClient, repo: string, runId: number): Promise<RunReviewFact[]> {
  const context = { action: (l10n: L10n) => l10n.t('read the review history of workflow run {0} of {1}', runId, repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', { ...splitRepo(repo), run_id: runId }, context);
  return parseOrThrow(response.data, context, (data) => asArray(data, 'reviews').map(parseRunReview));
}
