import { HttpError } from '../errors';
import { asRecord, requireScope, type Router } from '../routing';
import { existsYet, workflowOfRun } from '../runs';
import { reviewWaitingRun } from '../runEvents';
import type { Shapes } from '../shapes';
import type { Simulation } from '../state';
import { deploymentJson, environmentJson, mayReview, pendingDeploymentJson, waitingEnvironment } from '../reviews';
import type { WorldRepo, WorldRun } from '../world';

/**
 * Pending deployments of a workflow run (GitHub REST, "Workflow runs": "Get pending deployments for a
 * workflow run", "Review pending deployments for a workflow run" and "Get the review history for a workflow run"); the rules of the wait are in
 * reviews.ts and runs.ts.
 */
export function deploymentRoutes({ repoRoute }: Router, sim: Simulation, shapes: Shapes): void {
  const runOf = (repo: WorldRepo, id: string | undefined): WorldRun => {
    const run = repo.runs.find((candidate) => String(candidate.id) === id);
    if (run === undefined || !existsYet(run, sim.clock.nowMs())) {
      throw new HttpError(404, 'Not Found');
    }
    return run;
  };

  // "Get all deployment environments for a workflow run that are waiting for protection rules to pass.
  // Anyone with read access to the repository can use this endpoint": an empty list for a run not waiting.
  repoRoute('GET', '/actions/runs/{id}/pending_deployments', (context, repo, match) => {
    const run = runOf(repo, match[3]);
    const environment = waitingEnvironment(repo, workflowOfRun(repo, run), run);
    const since = run.progress?.waitingForReview?.sinceMs;
    return {
      status: 200,
      body: environment !== undefined && since !== undefined ? [pendingDeploymentJson(repo, environment, sim.clock.iso(since), context.token.login, context.baseUrl, shapes)] : [],
    };
  });

  // "Get the review history for a workflow run" (GitHub REST, actions/get-reviews-for-run): "Anyone with read
  // access to the repository can use this endpoint"; 200 with an array of `environment-approvals`, "An entry in
  // the reviews log for environment deployments": the environments reviewed, `state` (approved, rejected),
  // the reviewer (`simple-user`) and the comment. Each review given to the run is one entry, whatever the run did
  // since (an approved job a wait timer still holds keeps the run `waiting`, reviews.ts). The order of the
  // entries is not documented: here, oldest first.
  repoRoute('GET', '/actions/runs/{id}/approvals', (context, repo, match) => {
    const run = runOf(repo, match[3]);
    const body = (run.progress?.reviews ?? []).map((review) => {
      const environment = repo.deploymentEnvironments?.find((candidate) => candidate.id === review.environmentId);
      return { environments: environment !== undefined ? [environmentJson(repo, environment, context.baseUrl)] : [], state: review.state, user: shapes.userJson(review.login), comment: review.comment };
    });
    return { status: 200, body };
  });

  // "Approve or reject pending deployments that are waiting on approval by a required reviewer. Required
  // reviewers with read access to the repository contents and deployments can use this endpoint. OAuth app
  // tokens and personal access tokens (classic) need the repo scope."
  // Documented (GitHub's REST docs and OpenAPI description, actions/review-pending-deployments-for-run): the
  // body `{environment_ids, state: approved | rejected, comment}`, all three required, and one answer only:
  // 200 with the deployments (an array of `deployment`). No error status is documented for this route.
  // GitHub's rules for every route: 404 for a run that does not exist or the token may not see (runOf), 403
  // without the `repo` scope (requireScope). The other refusals are the simulator's modelling choices, not
  // GitHub's documented answers: 422 (validation-error shape) for a body missing those fields, or for
  // environments that are not waiting (someone reviewed, or the run ended), and 403 for a user who is not a
  // required reviewer (the quoted rule says only reviewers may use it). Release Deck's tests rely on the 403
  // and the 422 as faults to meet (issue 16: "a 403 on approval (not a reviewer)"); their messages are not GitHub's.
  repoRoute('POST', '/actions/runs/{id}/pending_deployments', (context, repo, match) => {
    requireScope(context, 'repo');
    const run = runOf(repo, match[3]);
    const body = asRecord(context.body);
    const ids = Array.isArray(body.environment_ids) ? body.environment_ids : undefined;
    if (ids === undefined || ids.length === 0 || !ids.every((id) => Number.isInteger(id)) || (body.state !== 'approved' && body.state !== 'rejected') || typeof body.comment !== 'string') {
      throw new HttpError(422, 'Invalid request.\n\n"environment_ids", "state" (approved or rejected) and "comment" are required.', { errors: [] });
    }
    const environment = waitingEnvironment(repo, workflowOfRun(repo, run), run);
    const live = sim.live.find((candidate) => candidate.run === run);
    if (environment === undefined || live === undefined || !ids.includes(environment.id)) {
      throw new HttpError(422, 'No pending deployment requests to approve or reject', { errors: [] });
    }
    if (!mayReview(environment, context.token.login)) {
      throw new HttpError(403, `${context.token.login} is not a required reviewer of the environment ${environment.name}.`);
    }
    const at = sim.clock.nowMs();
    reviewWaitingRun(sim, live, { environmentId: environment.id, state: body.state, login: context.token.login, comment: body.comment }, at);
    return { status: 200, body: body.state === 'approved' ? [deploymentJson(repo, run, environment, run.actor, sim.clock.iso(at), context.baseUrl, shapes)] : [] };
  });
}
