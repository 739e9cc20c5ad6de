import type { RunStatus, WorkflowRunFact } from '../domain/facts';
import type { GitHubClient } from './client';
import { gitHubErrorFor, type ErrorContext } from './errors';
import { asArray, asObject, loginOf, num, parseOrThrow, splitRepo, str, strOrNull, type Fields } from './parse';

const RUN_STATUSES = new Set<RunStatus>(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);

export function parseRun(value: unknown, repo: string): WorkflowRunFact {
  const fields: Fields = asObject(value, 'workflow run');
  const status = str(fields, 'status');
  return {
    id: num(fields, 'id'),
    repo,
    workflowPath: str(fields, 'path'),
    displayTitle: strOrNull(fields, 'display_title') ?? strOrNull(fields, 'name') ?? '',
    event: str(fields, 'event'),
    status: RUN_STATUSES.has(status as RunStatus) ? (status as RunStatus) : 'pending',
    conclusion: strOrNull(fields, 'conclusion'),
    createdAt: str(fields, 'created_at'),
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
  const context = { action: `list the workflow runs of ${repo}`, profileField: 'infrastructureRepo' };
  const responses = await client.requestPages('GET /repos/{owner}/{repo}/actions/runs', { ...splitRepo(repo), ...filter }, context, pages);
  return responses.flatMap((response) => parseOrThrow(response.data, context, (data) => parseRunList(data, repo)));
}

/** The newest runs of one workflow, optionally only those created after a moment. */
export async function listWorkflowRuns(
  client: GitHubClient,
  repo: string,
  workflow: string,
  options: { createdAfter?: string; event?: string; perPage?: number; profileField?: string } = {},
): Promise<WorkflowRunFact[]> {
  const context: ErrorContext = { action: `list the runs of ${workflow} in ${repo}`, ...(options.profileField !== undefined ? { profileField: options.profileField } : {}) };
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
  const context = { action: `read workflow run ${runId} of ${repo}` };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...splitRepo(repo), run_id: runId }, context);
  return parseOrThrow(response.data, context, (data) => parseRun(data, repo));
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
 * says so (`return_run_details`); otherwise undefined, and the caller finds the run with `findDispatchedRun`.
 */
export async function dispatchWorkflow(client: GitHubClient, request: DispatchRequest): Promise<number | undefined> {
  const context = { action: `dispatch ${request.workflow} in ${request.repo}`, profileField: request.profileField };
  const response = await client.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
    ...splitRepo(request.repo),
    workflow_id: request.workflow,
    ref: request.ref,
    inputs: request.inputs,
    return_run_details: true,
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
 * The run a dispatch created when GitHub did not return its id: the newest workflow_dispatch run of the
 * workflow created at or after the dispatch by the same actor. Polls a few times while GitHub queues it.
 */
export async function findDispatchedRun(
  client: GitHubClient,
  request: { repo: string; workflow: string; actor: string; dispatchedAt: Date; profileField: string },
  options: { attempts?: number; intervalMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<WorkflowRunFact> {
  const attempts = options.attempts ?? 10;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // GitHub's clock and ours may differ slightly: look a little before the dispatch.
  const since = new Date(request.dispatchedAt.getTime() - 5_000);
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const runs = await listWorkflowRuns(client, request.repo, request.workflow, { createdAfter: since.toISOString().replace(/\.\d{3}Z$/, 'Z'), event: 'workflow_dispatch', profileField: request.profileField });
    const mine = runs
      .filter((run) => run.actor.toLowerCase() === request.actor.toLowerCase() && Date.parse(run.createdAt) >= since.getTime())
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
    if (mine[0] !== undefined) {
      return mine[0];
    }
    await sleep(options.intervalMs ?? 2_000);
  }
  throw gitHubErrorFor('notFound', { action: `find the run of ${request.workflow} that was just dispatched in ${request.repo}` }, {
    githubMessage: 'the dispatch was accepted but no run appeared; open the workflow on GitHub to see whether it started',
  });
}
