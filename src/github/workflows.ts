import type { L10n } from '../domain/l10n';
import { listingPages, type ListingPages } from './listingPages';
import type { JobFact, RunStatus, StepFact, WorkflowRunFact } from '../domain/facts';
import { sleep as defaultSleep } from '../timers';
import type { GitHubClient } from './client';
import { matchDispatchedRun, type DispatchedRunMatch, type RunBaseline } from '../domain/dispatchedRun';
import type { TagScheme } from '../domain/tagScheme';
import type { ErrorContext } from './errors';
import { asArray, asObject, loginOf, num, parseOrThrow, splitRepo, str, strOrNull, type Fields } from './parse';
import { dispatchReturnsRunDetails } from './serverVersion';

const RUN_STATUSES = new Set<RunStatus>(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);

export function parseRun(value: unknown, repo: string): WorkflowRunFact {
  const fields: Fields = asObject(value, 'workflow run');
  const status = str(fields, 'status');
  // The latest attempt's start (a re-run resets it; created_at stays the run's creation).
  const runStartedAt = strOrNull(fields, 'run_started_at');
  return {
    id: num(fields, 'id'),
    repo,
    workflowPath: str(fields, 'path'),
    displayTitle: strOrNull(fields, 'display_title') ?? strOrNull(fields, 'name') ?? '',
    event: str(fields, 'event'),
    status: RUN_STATUSES.has(status as RunStatus) ? (status as RunStatus) : 'pending',
    conclusion: strOrNull(fields, 'conclusion'),
    createdAt: str(fields, 'created_at'),
    ...(runStartedAt !== null ? { runStartedAt } : {}),
    ...(typeof fields.run_attempt === 'number' ? { runAttempt: fields.run_attempt } : {}),
    updatedAt: str(fields, 'updated_at'),
    actor: loginOf(fields.triggering_actor ?? fields.actor),
    htmlUrl: str(fields, 'html_url'),
    headBranch: strOrNull(fields, 'head_branch') ?? '',
    headSha: str(fields, 'head_sha'),
  };
}

function parseRunList(data: unknown, repo: string): WorkflowRunFact[] {
  return asArray(asObject(data, 'run list').workflow_runs, 'workflow_runs').map((run) => parseRun(run, repo));
}

/**
 * The newest runs of every workflow of a repository: one call covers all the deployment workflows that
 * live there, filtered locally by workflow path.
 */
export async function listRepositoryRuns(client: GitHubClient, repo: string, pages = 1, filter: Record<string, string> = {}): Promise<WorkflowRunFact[]> {
  const context = { action: (l10n: L10n) => l10n.t('list the workflow runs of {0}', repo), profileField: 'infrastructureRepo' };
  const responses = await client.requestPages('GET /repos/{owner}/{repo}/actions/runs', { ...splitRepo(repo), ...filter }, context, pages);
  return responses.flatMap((response) => parseOrThrow(response.data, context, (data) => parseRunList(data, repo)));
}

/** Pages of a repository's runs from `firstPage` on (pagedListing.ts), each parsed apart. */
export async function repositoryRunPages(client: GitHubClient, repo: string, filter: Record<string, string>, firstPage: number, pages: number): Promise<ListingPages<WorkflowRunFact>> {
  const context = { action: (l10n: L10n) => l10n.t('list the workflow runs of {0}', repo), profileField: 'infrastructureRepo' };
  return listingPages(await client.requestPages('GET /repos/{owner}/{repo}/actions/runs', { ...splitRepo(repo), ...filter }, context, pages, firstPage), pages, (data) => parseOrThrow(data, context, (value) => parseRunList(value, repo)));
}

/** The runs a push of one commit started (`GET …/actions/runs?head_sha=&event=push`, one page of 100): CI's among them. */
export async function listPushRuns(client: GitHubClient, repo: string, sha: string): Promise<WorkflowRunFact[]> {
  const context = { action: (l10n: L10n) => l10n.t('list the workflow runs of commit {0} in {1}', sha.slice(0, 7), repo), profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/runs', { ...splitRepo(repo), head_sha: sha, event: 'push', per_page: 100 }, context);
  return parseOrThrow(response.data, context, (data) => parseRunList(data, repo));
}

/** The newest runs of one workflow, optionally only those created after a moment. */
export async function listWorkflowRuns(
  client: GitHubClient,
  repo: string,
  workflow: string,
  options: { createdAfter?: string; event?: string; perPage?: number; profileField?: string } = {},
): Promise<WorkflowRunFact[]> {
  const context: ErrorContext = { action: (l10n: L10n) => l10n.t('list the runs of {0} in {1}', workflow, repo), ...(options.profileField !== undefined ? { profileField: options.profileField } : {}) };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
    ...splitRepo(repo),
    workflow_id: workflow,
    per_page: options.perPage ?? 20,
    ...(options.createdAfter !== undefined ? { created: `>=${options.createdAfter}` } : {}),
    ...(options.event !== undefined ? { event: options.event } : {}),
  }, context);
  return parseOrThrow(response.data, context, (data) => parseRunList(data, repo));
}

export async function getRun(client: GitHubClient, repo: string, runId: number): Promise<WorkflowRunFact> {
  const context = { action: (l10n: L10n) => l10n.t('read workflow run {0} of {1}', runId, repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...splitRepo(repo), run_id: runId }, context);
  return parseOrThrow(response.data, context, (data) => parseRun(data, repo));
}

function parseStep(value: unknown): StepFact {
  const fields = asObject(value, 'step');
  const startedAt = strOrNull(fields, 'started_at');
  const completedAt = strOrNull(fields, 'completed_at');
  return {
    name: str(fields, 'name'),
    number: num(fields, 'number'),
    status: str(fields, 'status'),
    conclusion: strOrNull(fields, 'conclusion'),
    ...(startedAt !== null ? { startedAt } : {}),
    ...(completedAt !== null ? { completedAt } : {}),
  };
}

export function parseJob(value: unknown): JobFact {
  const fields = asObject(value, 'job');
  const steps = fields.steps === undefined || fields.steps === null ? [] : asArray(fields.steps, 'steps').map(parseStep);
  return {
    id: num(fields, 'id'),
    name: str(fields, 'name'),
    status: str(fields, 'status'),
    conclusion: strOrNull(fields, 'conclusion'),
    startedAt: strOrNull(fields, 'started_at'),
    completedAt: strOrNull(fields, 'completed_at'),
    htmlUrl: strOrNull(fields, 'html_url'),
    steps: [...steps].sort((a, b) => a.number - b.number),
  };
}

/**
 * The jobs of a run's latest attempt with their steps (`GET …/actions/runs/{run_id}/jobs`, "List jobs for
 * a workflow run"; `filter=latest` is GitHub's default). One page of 100: a release run has one job.
 */
export async function listRunJobs(client: GitHubClient, repo: string, runId: number): Promise<JobFact[]> {
  const context = { action: (l10n: L10n) => l10n.t('read the jobs of workflow run {0} of {1}', runId, repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', { ...splitRepo(repo), run_id: runId, per_page: 100 }, context);
  return parseOrThrow(response.data, context, (data) => asArray(asObject(data, 'job list').jobs, 'jobs').map(parseJob));
}

export interface DispatchRequest {
  readonly repo: string;
  readonly workflow: string;
  readonly ref: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly profileField: string;
}

/**
 * Dispatches a workflow once (never retried) and returns the id of the run it created when GitHub
 * says so (`return_run_details`, asked where the server knows it: serverVersion.ts); otherwise undefined,
 * and the caller finds the run with `findDispatchedRun`.
 */
export async function dispatchWorkflow(client: GitHubClient, request: DispatchRequest): Promise<number | undefined> {
  const context = { action: (l10n: L10n) => l10n.t('dispatch {0} in {1}', request.workflow, request.repo), profileField: request.profileField };
  const returnRunDetails = await dispatchReturnsRunDetails(client);
  const response = await client.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
    ...splitRepo(request.repo),
    workflow_id: request.workflow,
    ref: request.ref,
    inputs: request.inputs,
    ...(returnRunDetails ? { return_run_details: true } : {}),
  }, context);
  if (response.status === 200 && typeof response.data === 'object' && response.data !== null) {
    const runId = (response.data as { workflow_run_id?: unknown }).workflow_run_id;
    if (typeof runId === 'number') {
      return runId;
    }
  }
  return undefined;
}

/**
 * The run a dispatch created, when GitHub did not return its id (an older GitHub Enterprise Server
 * answers 204) or the dispatch's answer was lost: a workflow_dispatch run on the dispatched branch, not
 * among the runs listed before the dispatch, whose title names the image tag (see matchDispatchedRun).
 * Polls a bounded while: GitHub may take a few seconds to create the run.
 */
export async function findDispatchedRun(
  client: GitHubClient,
  request: { repo: string; workflow: string; ref: string; imageTag: string; scheme: Pick<TagScheme, 'image'>; baseline: RunBaseline; profileField: string },
  options: { attempts?: number; intervalMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<DispatchedRunMatch> {
  const attempts = options.attempts ?? 8;
  const sleep = options.sleep ?? defaultSleep;
  let match: DispatchedRunMatch = { kind: 'none' };
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (attempt > 0) {
      await sleep(options.intervalMs ?? 2_000);
    }
    const runs = await listWorkflowRuns(client, request.repo, request.workflow, { event: 'workflow_dispatch', perPage: 30, profileField: request.profileField });
    match = matchDispatchedRun(runs, request, request.baseline);
    if (match.kind === 'found') {
      return match;
    }
  }
  return match;
}
