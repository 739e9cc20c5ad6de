import { HttpError } from '../errors';
import { asRecord, paginate, requireScope, type Router } from '../routing';
import { existsYet, repositoryDispatch, runStatus, startRun } from '../runs';
import type { Shapes } from '../shapes';
import { resolveRef, workflowOf, type Simulation } from '../state';
import { jobsJson, runOfJobId } from '../jobs';
import { enterpriseAtLeast, onEnterpriseServer } from './meta';
import type { WorldRepo, WorldRun } from '../world';

/** GitHub Actions: workflows, runs, workflow dispatches and repository_dispatch. */
export function actionsRoutes({ repoRoute }: Router, sim: Simulation, shapes: Shapes): void {
  const { workflowJson, runJson } = shapes;
  // "List repository workflows" pages as every list does (`per_page` default 30, max 100; `Link`), `total_count` all.
  repoRoute('GET', '/actions/workflows', (context, repo) => {
    const { page, headers } = paginate(repo.workflows, context);
    return { status: 200, headers, body: { total_count: repo.workflows.length, workflows: page.map((workflow) => workflowJson(repo, workflow, context.baseUrl)) } };
  });
  repoRoute('GET', '/actions/workflows/{id}', (context, repo, match) => ({ status: 200, body: workflowJson(repo, workflowOf(repo, decodeURIComponent(match[3] ?? '')), context.baseUrl) }));
  repoRoute('GET', '/actions/workflows/{id}/runs', (context, repo, match) => {
    const workflow = workflowOf(repo, decodeURIComponent(match[3] ?? ''));
    const runs = filterRuns(repo.runs.filter((run) => run.workflowPath === workflow.path), context.query, sim.clock.nowMs());
    const { page, headers } = paginate(runs, context);
    return { status: 200, headers, body: { total_count: runs.length, workflow_runs: page.map((run) => runJson(repo, run, context.baseUrl)) } };
  });
  repoRoute('POST', '/actions/workflows/{id}/dispatches', (context, repo, match) => {
    requireScope(context, 'workflow');
    const workflow = workflowOf(repo, decodeURIComponent(match[3] ?? ''));
    const body = asRecord(context.body);
    // `return_run_details` came to github.com on 2026-02-19 (GitHub's changelog "Workflow dispatch API now returns run
    // IDs"); a GitHub Enterprise Server before 3.21 answers 400 when it is sent at all (GitHub CLI, feature detection:
    // "setting it will cause a 400 response"). The status is theirs; the message is modelled on GitHub's answer to a key
    // its request schema does not permit (its exact words on such a server are not known).
    if ('return_run_details' in body && onEnterpriseServer(context) && !enterpriseAtLeast(sim, '3.21.0')) {
      throw new HttpError(400, 'Invalid request.\n\n"return_run_details" is not a permitted key.');
    }
    const declared = workflow.on.workflowDispatch;
    if (declared === undefined) {
      throw new HttpError(422, "Workflow does not have 'workflow_dispatch' trigger");
    }
    const ref = typeof body.ref === 'string' ? body.ref : '';
    const refIndex = resolveRef(repo, ref);
    const refCommit = refIndex !== undefined ? repo.commits[refIndex] : undefined;
    if (ref === '' || refCommit === undefined) {
      throw new HttpError(422, `No ref found for: ${ref}`);
    }
    const given = body.inputs === undefined ? {} : asRecord(body.inputs);
    const unexpected = Object.keys(given).filter((name) => !(name in declared));
    if (unexpected.length > 0) {
      throw new HttpError(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
    }
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(declared)) {
      const value = given[name];
      if (value !== undefined && typeof value !== 'string') {
        throw new HttpError(422, `Invalid value for input '${name}'`);
      }
      if ((value === undefined || value === '') && spec.required === true && spec.default === undefined) {
        throw new HttpError(422, `Required input '${name}' not provided`);
      }
      inputs[name] = value ?? spec.default ?? '';
    }
    const run = startRun(sim, repo, workflow, { event: 'workflow_dispatch', actor: context.token.login, headBranch: ref.replace(/^refs\/heads\//, ''), headSha: refCommit.sha, inputs, fallbackTitle: workflow.name, createdMs: sim.clock.nowMs() + (context.runCreatedLateMs ?? 0) });
    if (body.return_run_details === true) {
      return {
        status: 200,
        body: { workflow_run_id: run.id, run_url: `${context.baseUrl}/repos/${repo.fullName}/actions/runs/${run.id}`, html_url: `https://github.com/${repo.fullName}/actions/runs/${run.id}` },
      };
    }
    return { status: 204 };
  });
  repoRoute('GET', '/actions/runs', (context, repo) => {
    const runs = filterRuns(repo.runs, context.query, sim.clock.nowMs());
    const { page, headers } = paginate(runs, context);
    return { status: 200, headers, body: { total_count: runs.length, workflow_runs: page.map((run) => runJson(repo, run, context.baseUrl)) } };
  });
  const visibleRun = (repo: WorldRepo, id: string | undefined): WorldRun => {
    const run = repo.runs.find((candidate) => String(candidate.id) === id);
    if (run === undefined || !existsYet(run, sim.clock.nowMs())) {
      throw new HttpError(404, 'Not Found');
    }
    return run;
  };
  repoRoute('GET', '/actions/runs/{id}', (context, repo, match) => ({ status: 200, body: runJson(repo, visibleRun(repo, match[3]), context.baseUrl) }));
  // "List jobs for a workflow run" (`filter`: latest | all; one attempt here, so the same) and "Get a job for a workflow run".
  repoRoute('GET', '/actions/runs/{id}/jobs', (context, repo, match) => {
    const run = visibleRun(repo, match[3]);
    const jobs = jobsJson(repo, run, context.baseUrl, sim.clock);
    const { page, headers } = paginate(jobs, context);
    return { status: 200, headers, body: { total_count: jobs.length, jobs: page } };
  });
  repoRoute('GET', '/actions/jobs/{id}', (context, repo, match) => {
    const { runId, jobIndex } = runOfJobId(Number(match[3]));
    const job = jobsJson(repo, visibleRun(repo, String(runId)), context.baseUrl, sim.clock)[jobIndex];
    if (job === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return { status: 200, body: job };
  });
  repoRoute('POST', '/dispatches', (context, repo) => {
    requireScope(context, 'repo');
    const body = asRecord(context.body);
    if (typeof body.event_type !== 'string' || body.event_type === '') {
      throw new HttpError(422, 'Invalid request.\n\nNo event_type provided.');
    }
    repositoryDispatch(sim, repo, body.event_type, body.client_payload === undefined ? {} : asRecord(body.client_payload), context.token.login, sim.clock.nowMs());
    return { status: 204 };
  });
}

function filterRuns(runs: readonly WorldRun[], query: URLSearchParams, now: number): WorldRun[] {
  const event = query.get('event');
  const status = query.get('status');
  const branch = query.get('branch');
  const created = query.get('created');
  const actor = query.get('actor');
  // `head_sha`: only the runs of that commit ("List workflow runs for a repository", docs.github.com/rest/actions/workflow-runs).
  const headSha = query.get('head_sha');
  return runs
    .filter((run) => existsYet(run, now))
    .filter((run) => event === null || run.event === event)
    .filter((run) => branch === null || run.headBranch === branch)
    .filter((run) => actor === null || run.actor === actor)
    .filter((run) => headSha === null || run.headSha === headSha)
    .filter((run) => {
      if (status === null) {
        return true;
      }
      const state = runStatus(run, now);
      return state.status === status || state.conclusion === status;
    })
    .filter((run) => created === null || matchesDateFilter(run.createdAt, created))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
}

function matchesDateFilter(value: string, filter: string): boolean {
  const at = Date.parse(value);
  const range = /^(.+)\.\.(.+)$/.exec(filter);
  if (range !== null) {
    return at >= Date.parse(range[1] ?? '') && at <= Date.parse(range[2] ?? '');
  }
  const comparison = /^(>=|<=|>|<)?(.+)$/.exec(filter);
  const bound = Date.parse(comparison?.[2] ?? '');
  if (Number.isNaN(bound)) {
    throw new HttpError(422, `Invalid created filter: ${filter}`);
  }
  switch (comparison?.[1]) {
    case '>=':
      return at >= bound;
    case '<=':
      return at <= bound;
    case '>':
      return at > bound;
    case '<':
      return at < bound;
    default:
      return new Date(at).toISOString().slice(0, 10) === new Date(bound).toISOString().slice(0, 10);
  }
}
