import { createHash } from 'node:crypto';
import { HttpError } from './errors';
import type { Reply } from './routing';
import { jobsOf, startRun } from './runs';
import { headOf, repoByName, workflowOf, type Simulation } from './state';
import type { WorldRepo, WorldReviewer } from './world';
import type { WorldJob, WorldWorkflow } from './worldWorkflows';

/**
 * Admin routes for what a team does on GitHub around reviewed deployments:
 * - `POST /_admin/protect-environment {repo, environment, reviewers, waitTimer?, workflowPath?}`: the
 *   repository's environment gets required reviewers (`[{type: 'User', login} | {type: 'Team', slug, name?,
 *   members}]`) and a wait timer (`waitTimer` minutes, 0 to 43,200; absent or 0: none); neither: unprotected),
 *   as "Managing environments for deployment" sets them, and the deployment workflows of that environment (or
 *   `workflowPath`) reference it in their job's `environment:`;
 * - `POST /_admin/dispatch {repo, workflow, actor, inputs?, ref?}`: a colleague runs a workflow ("Run workflow");
 * - `POST /_admin/delete-run {repo, runId}`: someone deletes a run ("Delete a workflow run").
 * Undefined for any other route.
 */
export function adminReviews(sim: Simulation, method: string, path: string, fields: Record<string, unknown>): Reply | undefined {
  if (method !== 'POST' || !['/_admin/protect-environment', '/_admin/dispatch', '/_admin/delete-run'].includes(path)) {
    return undefined;
  }
  const repo = repoByName(sim.world, typeof fields.repo === 'string' ? fields.repo : '');
  if (repo === undefined) {
    throw new HttpError(404, 'no such repository');
  }
  if (path === '/_admin/protect-environment') {
    return { status: 200, body: protect(repo, fields) };
  }
  if (path === '/_admin/delete-run') {
    const index = repo.runs.findIndex((run) => run.id === Number(fields.runId));
    if (index < 0) {
      throw new HttpError(404, 'no such run');
    }
    const [run] = repo.runs.splice(index, 1);
    sim.live = sim.live.filter((live) => live.run !== run);
    return { status: 200, body: { deleted: run?.id } };
  }
  const workflow = workflowOf(repo, typeof fields.workflow === 'string' ? fields.workflow : '');
  const actor = typeof fields.actor === 'string' && fields.actor !== '' ? fields.actor : 'colleague';
  const inputs = Object.fromEntries(Object.entries(typeof fields.inputs === 'object' && fields.inputs !== null ? fields.inputs : {}).map(([key, value]) => [key, String(value)]));
  const head = headOf(repo);
  const run = startRun(sim, repo, workflow, { event: 'workflow_dispatch', actor, headBranch: typeof fields.ref === 'string' ? fields.ref : repo.defaultBranch, headSha: head.sha, inputs, fallbackTitle: workflow.name, createdMs: sim.clock.nowMs() });
  return { status: 201, body: { id: run.id, workflowPath: run.workflowPath } };
}

function protect(repo: WorldRepo, fields: Record<string, unknown>): Record<string, unknown> {
  const name = typeof fields.environment === 'string' ? fields.environment : '';
  if (name === '') {
    throw new HttpError(422, 'environment is required');
  }
  const reviewers = (Array.isArray(fields.reviewers) ? fields.reviewers : []).map(reviewerOf);
  const waitTimer = fields.waitTimer ?? 0;
  // The Environments API's `wait_timer`: "an integer between 0 and 43,200 (30 days)".
  if (typeof waitTimer !== 'number' || !Number.isInteger(waitTimer) || waitTimer < 0 || waitTimer > 43_200) {
    throw new HttpError(422, 'waitTimer is a whole number of minutes from 0 to 43,200');
  }
  const environments = (repo.deploymentEnvironments ??= []);
  let environment = environments.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (environment === undefined) {
    environment = { id: parseInt(createHash('sha1').update(`env-${repo.fullName}-${name}`).digest('hex').slice(0, 8), 16), name, protection_rules: [] };
    environments.push(environment);
  }
  environment.protection_rules = [
    ...(reviewers.length > 0 ? [{ type: 'required_reviewers' as const, reviewers }] : []),
    ...(waitTimer > 0 ? [{ type: 'wait_timer' as const, wait_timer: waitTimer }] : []),
  ];
  const workflows = typeof fields.workflowPath === 'string'
    ? repo.workflows.filter((workflow) => workflow.path === fields.workflowPath)
    : repo.workflows.filter((workflow) => workflow.role?.kind === 'deploy' && workflow.role.environment.toLowerCase() === name.toLowerCase());
  for (const workflow of workflows) {
    // As if the workflow file's deployment job said `environment: <name>`.
    (workflow as { jobs?: readonly WorldJob[] }).jobs = jobsOf(workflow).map((job): WorldJob => ({ ...job, environment: name }));
  }
  return { ...environment, workflows: workflows.map((workflow: WorldWorkflow) => workflow.path) };
}

function reviewerOf(value: unknown): WorldReviewer {
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (fields.type === 'User' && typeof fields.login === 'string') {
    return { type: 'User', reviewer: { login: fields.login } };
  }
  if (fields.type === 'Team' && typeof fields.slug === 'string' && Array.isArray(fields.members)) {
    return { type: 'Team', reviewer: { slug: fields.slug, name: typeof fields.name === 'string' ? fields.name : fields.slug, members: fields.members.map(String) } };
  }
  throw new HttpError(422, 'a reviewer is {"type": "User", "login"} or {"type": "Team", "slug", "members"}');
}
