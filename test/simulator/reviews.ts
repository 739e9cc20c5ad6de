import { createHash } from 'node:crypto';
import type { Shapes } from './shapes';
import type { WorldDeploymentEnvironment, WorldRepo, WorldReviewer, WorldRun } from './world';
import type { WorldWorkflow } from './worldWorkflows';

/**
 * Environments with required reviewers and wait timers (GitHub Actions, "Managing environments for
 * deployment" and "Reviewing deployments"): "Jobs that reference an environment configured with required
 * reviewers will wait for an approval before starting. While a job is awaiting approval, it has a status of
 * 'Waiting'. If a job is not approved within 30 days, it will automatically fail." Approved, "the job will
 * proceed"; rejected, "the workflow will fail". "Only one of the required reviewers needs to approve the job."
 * A wait timer delays the job that many minutes; the run is `waiting` meanwhile and its pending deployment
 * lists the timer (OpenAPI `pending-deployment`: "Details of a deployment that is waiting for protection
 * rules to pass"). The rules of the wait are in runEvents.ts; this module says which job waits, who may review it, and what
 * `GET …/actions/runs/{run_id}/pending_deployments` answers ("Get pending deployments for a workflow run").
 */

/** "If a job is not approved within 30 days, it will automatically fail." */
export const REVIEW_TIMEOUT_MS = 30 * 24 * 3600 * 1000;

/** The environment with protection rules (required reviewers, a wait timer) the job references, if it references one. */
export function protectedEnvironmentOf(repo: WorldRepo, workflow: WorldWorkflow | undefined, jobIndex: number): WorldDeploymentEnvironment | undefined {
  const name = workflow?.jobs?.[jobIndex]?.environment;
  if (name === undefined) {
    return undefined;
  }
  // GitHub environment names are case-insensitive.
  const environment = repo.deploymentEnvironments?.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  return environment !== undefined && (reviewersOf(environment).length > 0 || waitTimerOf(environment) > 0) ? environment : undefined;
}

export function reviewersOf(environment: WorldDeploymentEnvironment): readonly WorldReviewer[] {
  return environment.protection_rules.flatMap((rule) => (rule.type === 'required_reviewers' ? rule.reviewers : []));
}

/** The environment's wait timer in minutes, 0 without one. */
export function waitTimerOf(environment: WorldDeploymentEnvironment): number {
  return Math.max(0, ...environment.protection_rules.map((rule) => (rule.type === 'wait_timer' ? rule.wait_timer : 0)));
}

/**
 * When a job held by its environment's rules since `sinceMs` goes on by itself: once its wait timer has
 * ended ("delay a job for a specific amount of time after the job is initially triggered"), unless required
 * reviewers still have to approve it (`approved` false): then only a review ends the wait, or 30 days do.
 * With both rules the job needs both, the approval and the timer's end, whichever comes last: GitHub's docs
 * do not say how the two combine; that is the simulator's modelling choice.
 */
export function waitEndsMs(environment: WorldDeploymentEnvironment, sinceMs: number, approved: boolean): number {
  if (reviewersOf(environment).length > 0 && !approved) {
    return sinceMs + REVIEW_TIMEOUT_MS;
  }
  return sinceMs + waitTimerOf(environment) * 60_000;
}

/** Whether a user is among the reviewers, in person or as a member of a reviewing team. */
export function mayReview(environment: WorldDeploymentEnvironment, login: string): boolean {
  const lower = login.toLowerCase();
  return reviewersOf(environment).some((entry) => (entry.type === 'User' ? entry.reviewer.login.toLowerCase() === lower : entry.reviewer.members.some((member) => member.toLowerCase() === lower)));
}

/** The environment a waiting run waits on, if it waits. */
export function waitingEnvironment(repo: WorldRepo, workflow: WorldWorkflow | undefined, run: WorldRun): WorldDeploymentEnvironment | undefined {
  const waiting = run.progress?.completedMs === undefined ? run.progress?.waitingForReview : undefined;
  return waiting !== undefined ? protectedEnvironmentOf(repo, workflow, waiting.job) : undefined;
}

/** GitHub's `team` shape ("List teams"), for a reviewing team of the repository's organisation. */
function teamJson(repo: WorldRepo, team: { slug: string; name: string }, base: string): Record<string, unknown> {
  const org = repo.fullName.split('/')[0] ?? '';
  const id = parseInt(createHash('sha1').update(`team-${org}-${team.slug}`).digest('hex').slice(0, 7), 16);
  const url = `${base}/organizations/${id}/team/${id}`;
  return {
    id,
    node_id: Buffer.from(`T_${id}`).toString('base64'),
    url,
    html_url: `https://github.com/orgs/${org}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${url}/members{/member}`,
    repositories_url: `${url}/repos`,
    type: 'organization',
    parent: null,
  };
}

export function environmentJson(repo: WorldRepo, environment: WorldDeploymentEnvironment, base: string): Record<string, unknown> {
  return {
    id: environment.id,
    node_id: Buffer.from(`EN_${environment.id}`).toString('base64'),
    name: environment.name,
    url: `${base}/repos/${repo.fullName}/environments/${encodeURIComponent(environment.name)}`,
    html_url: `https://github.com/${repo.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(environment.name)}`,
  };
}

/**
 * One entry of "Get pending deployments for a workflow run": the environment, its wait timer ("The set
 * duration of the wait timer", minutes; 0 without one), when the wait began ("The time that the wait timer
 * began": when the job would have started), whether the token's user can approve, and the reviewers.
 */
export function pendingDeploymentJson(repo: WorldRepo, environment: WorldDeploymentEnvironment, sinceIso: string, login: string, base: string, shapes: Shapes): Record<string, unknown> {
  return {
    environment: environmentJson(repo, environment, base),
    wait_timer: waitTimerOf(environment),
    wait_timer_started_at: sinceIso,
    current_user_can_approve: mayReview(environment, login),
    reviewers: reviewersOf(environment).map((entry) => ({ type: entry.type, reviewer: entry.type === 'User' ? shapes.userJson(entry.reviewer.login) : teamJson(repo, entry.reviewer, base) })),
  };
}

/**
 * GitHub's `deployment` shape: "Review pending deployments for a workflow run" answers the deployments an
 * approval lets go (the REST description's 200 is an array of `deployment`).
 */
export function deploymentJson(repo: WorldRepo, run: WorldRun, environment: WorldDeploymentEnvironment, creator: string, atIso: string, base: string, shapes: Shapes): Record<string, unknown> {
  const id = run.id * 10 + 1;
  const url = `${base}/repos/${repo.fullName}/deployments/${id}`;
  return {
    url,
    id,
    node_id: Buffer.from(`DE_${id}`).toString('base64'),
    sha: run.headSha,
    ref: run.headBranch,
    task: 'deploy',
    payload: {},
    original_environment: environment.name,
    environment: environment.name,
    description: null,
    creator: shapes.userJson(creator),
    created_at: run.createdAt,
    updated_at: atIso,
    statuses_url: `${url}/statuses`,
    repository_url: `${base}/repos/${repo.fullName}`,
  };
}
