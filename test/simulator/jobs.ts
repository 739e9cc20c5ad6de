import type { Clock } from './clock';
import { jobsOf, mainStep, runStatus, workflowOfRun } from './runs';
import { waitsForDispatch } from './stepActions';
import type { StepProgress, WorldRepo, WorldRun } from './world';

/**
 * A run's jobs and steps as GitHub's "List jobs for a workflow run" answers them (`GET …/actions/runs/
 * {run_id}/jobs`, and one job by `GET …/actions/jobs/{job_id}`): the steps of the workflow file, with their
 * status, conclusion and times. A run the simulator started reports what happened; a recorded run of the
 * world's history spreads its fixed duration over its steps, a failure at its workflow's main step.
 */

/** Job ids derived from the run's: `run id × 100 + job number`. */
export const jobId = (run: WorldRun, jobIndex: number): number => run.id * 100 + jobIndex + 1;
export const runOfJobId = (id: number): { runId: number; jobIndex: number } => ({ runId: Math.floor(id / 100), jobIndex: (id % 100) - 1 });

export function recordedSteps(repo: WorldRepo, run: WorldRun): StepProgress[] {
  const workflow = workflowOfRun(repo, run);
  const definitions = jobsOf(workflow).flatMap((job, index) => job.steps.map((step) => ({ job: index, step })));
  const started = Date.parse(run.createdAt) + run.queuedSeconds * 1000;
  const ended = started + run.runningSeconds * 1000;
  const fixed = definitions.reduce((sum, { step }) => sum + (step.does !== undefined && waitsForDispatch(step.does) ? 0 : step.seconds), 0);
  const waiting = definitions.filter(({ step }) => step.does !== undefined && waitsForDispatch(step.does)).length;
  const scale = fixed > 0 && fixed * 1000 > ended - started ? (ended - started) / (fixed * 1000) : 1;
  const waitMs = waiting > 0 ? Math.max(0, ended - started - fixed * 1000 * scale) / waiting : 0;
  const failing = run.outcome === 'failure' ? mainStep(workflow) : undefined;
  let at = started;
  let failed = false;
  return definitions.map(({ job, step }, index): StepProgress => {
    if (failed || run.outcome === 'cancelled') {
      return { job, name: step.name, startedMs: ended, completedMs: ended, conclusion: run.outcome === 'cancelled' ? 'cancelled' : 'skipped' };
    }
    const length = step.does !== undefined && waitsForDispatch(step.does) ? waitMs : step.seconds * 1000 * scale;
    const last = index === definitions.length - 1;
    const end = step.name === failing || last ? ended : Math.min(at + length, ended);
    const result: StepProgress = { job, name: step.name, startedMs: at, completedMs: end, conclusion: step.name === failing ? 'failure' : 'success' };
    failed = step.name === failing;
    at = end;
    return result;
  });
}

export function jobsJson(repo: WorldRepo, run: WorldRun, base: string, clock: Clock): Array<Record<string, unknown>> {
  const now = clock.nowMs();
  const state = runStatus(run, now);
  const steps = run.progress?.steps ?? recordedSteps(repo, run);
  const workflow = workflowOfRun(repo, run);
  const runUrl = `${base}/repos/${repo.fullName}/actions/runs/${run.id}`;
  const iso = (ms: number | undefined): string | null => (ms === undefined ? null : clock.iso(ms));
  return jobsOf(workflow).map((job, jobIndex) => {
    const id = jobId(run, jobIndex);
    const ofJob = steps.filter((step) => step.job === jobIndex);
    const own = ofJob.filter((step) => (step.startedMs ?? Number.POSITIVE_INFINITY) <= now);
    const done = own.length === job.steps.length && own.every((step) => (step.completedMs ?? Number.POSITIVE_INFINITY) <= now);
    const startedMs = own[0]?.startedMs;
    const conclusion = done ? (own.some((step) => step.conclusion === 'failure') ? 'failure' : own.every((step) => step.conclusion === 'cancelled') ? 'cancelled' : own.every((step) => step.conclusion === 'skipped') ? 'skipped' : 'success') : null;
    return {
      id,
      run_id: run.id,
      workflow_name: workflow?.name ?? run.workflowPath,
      head_branch: run.headBranch,
      run_url: runUrl,
      run_attempt: run.attempt ?? 1,
      node_id: Buffer.from(`CR_${id}`).toString('base64'),
      head_sha: run.headSha,
      url: `${base}/repos/${repo.fullName}/actions/jobs/${id}`,
      html_url: `https://github.com/${repo.fullName}/actions/runs/${run.id}/job/${id}`,
      // A job held by its environment's required reviewers is `waiting` ("Reviewing deployments"; reviews.ts).
      status: done ? 'completed' : startedMs !== undefined ? 'in_progress' : state.status === 'completed' ? 'completed' : state.status === 'pending' ? 'pending' : run.progress?.waitingForReview?.job === jobIndex ? 'waiting' : 'queued',
      conclusion: done ? conclusion : state.status === 'completed' ? state.conclusion : null,
      created_at: run.createdAt,
      started_at: iso(startedMs ?? state.startedMs) ?? run.createdAt,
      completed_at: done ? iso(own[own.length - 1]?.completedMs) : state.status === 'completed' ? clock.iso(state.updatedMs) : null,
      name: job.name,
      steps: job.steps.map((definition, index) => {
        const candidate = ofJob[index];
        const step = candidate !== undefined && (candidate.startedMs ?? Number.POSITIVE_INFINITY) <= now ? candidate : undefined;
        const completed = step?.completedMs !== undefined && step.completedMs <= now;
        return {
          name: definition.name,
          status: completed ? 'completed' : step !== undefined ? 'in_progress' : 'queued',
          conclusion: completed ? (step.conclusion ?? 'success') : null,
          number: index + 1,
          started_at: iso(step?.startedMs),
          completed_at: completed ? iso(step.completedMs) : null,
        };
      }),
      check_run_url: `${base}/repos/${repo.fullName}/check-runs/${id}`,
      labels: ['ubuntu-latest'],
      runner_id: startedMs !== undefined ? 1 : null,
      runner_name: startedMs !== undefined ? 'GitHub Actions 1' : null,
      runner_group_id: startedMs !== undefined ? 0 : null,
      runner_group_name: startedMs !== undefined ? 'GitHub Actions' : null,
    };
  });
}
