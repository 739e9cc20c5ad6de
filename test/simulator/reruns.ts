import { HttpError } from './errors';
import { recordedSteps } from './jobs';
import { withDependents } from './jobGraph';
import { finishRun, joinConcurrencyGroup, runStatus, scriptedFailure, workflowOfRun } from './runs';
import type { Simulation } from './state';
import type { StepProgress, WorldRepo, WorldRun } from './world';

/**
 * Cancelling and re-running the failed jobs of a run, as GitHub does:
 * - "Cancel a workflow run" (`POST …/actions/runs/{run_id}/cancel`): 202; a completed run cannot be
 *   cancelled: 409 "Cannot cancel a workflow run that is completed." (GitHub's message, as clients met it:
 *   technote-space/auto-cancel-redundant-workflow#68, Homebrew/actions#70). The run ends `cancelled`, its
 *   steps not done cancelled.
 * - "Re-run failed jobs from a workflow run" (`POST …/actions/runs/{run_id}/rerun-failed-jobs`): 201; "Re-run
 *   all of the failed jobs and their dependent jobs" (the jobs that `needs:` them, directly or not:
 *   jobGraph.ts), in the same run with `run_attempt` one more, queued again; the other jobs keep their
 *   results; `created_at` stays, `run_started_at` resets to the new attempt ("The start time of the latest run.
 *   Resets on re-run.", the REST description of a workflow run; runs.ts runStatus) (GitHub's docs, "Re-running workflows and jobs": "Re-running failed jobs in a workflow"). The
 *   previous attempt (`GET …/runs/{run_id}/attempts/{n}`, the run's `previous_attempt_url`) is not served:
 *   Release Deck does not read it. Refused with 403 while the run is not completed ("This workflow is
 *   already running", cli/cli#9221), when nothing failed or it is otherwise not eligible ("This workflow run
 *   cannot be retried", metabase/metabase#70916), more than 30 days after the run, or after 50 attempts
 *   (GitHub's docs, "Re-running workflows and jobs": "up to 30 days after its initial run", "a maximum of 50 times").
 */

const DAY_MS = 86_400_000;
const FAILED = new Set(['failure', 'cancelled']);

/** The steps of a run as they stand at `now` (a recorded run's, spread over its fixed duration). */
function stepsNow(repo: WorldRepo, run: WorldRun, now: number): StepProgress[] {
  if (run.progress !== undefined) {
    return run.progress.steps;
  }
  return recordedSteps(repo, run).map((step) => ({
    job: step.job,
    name: step.name,
    ...(step.startedMs !== undefined && step.startedMs <= now ? { startedMs: step.startedMs } : {}),
    ...(step.completedMs !== undefined && step.completedMs <= now ? { completedMs: step.completedMs, ...(step.conclusion !== undefined ? { conclusion: step.conclusion } : {}) } : {}),
  }));
}

export function cancelRun(sim: Simulation, repo: WorldRepo, run: WorldRun): void {
  const now = sim.clock.nowMs();
  if (runStatus(run, now).status === 'completed') {
    throw new HttpError(409, 'Cannot cancel a workflow run that is completed.');
  }
  let live = sim.live.find((candidate) => candidate.run === run);
  if (live === undefined) {
    // A recorded run still under way by its fixed times: from now on it is one the simulator moves.
    run.progress = { steps: stepsNow(repo, run, now), startedMs: Date.parse(run.createdAt) + run.queuedSeconds * 1000 };
    live = { repo, run };
    sim.live.push(live);
  }
  finishRun(sim, live, now, 'cancelled');
  sim.nextDueMs = 0;
}

export function rerunFailedJobs(sim: Simulation, repo: WorldRepo, run: WorldRun): void {
  const now = sim.clock.nowMs();
  const state = runStatus(run, now);
  if (state.status !== 'completed') {
    throw new HttpError(403, 'This workflow is already running');
  }
  if (now - Date.parse(run.createdAt) > 30 * DAY_MS) {
    throw new HttpError(403, 'Unable to retry this workflow run because it was created over a month ago');
  }
  if ((run.attempt ?? 1) >= 50) {
    throw new HttpError(403, 'This workflow run cannot be retried');
  }
  const workflow = workflowOfRun(repo, run);
  if (workflow === undefined) {
    throw new HttpError(403, 'This workflow run cannot be retried');
  }
  const previous = stepsNow(repo, run, now);
  const failed = new Set(previous.filter((step) => step.conclusion !== undefined && FAILED.has(step.conclusion)).map((step) => step.job));
  if (!FAILED.has(state.conclusion ?? '') || failed.size === 0) {
    throw new HttpError(403, 'This workflow run cannot be retried');
  }
  // The failed jobs and the jobs that need them, directly or not (jobGraph.ts), run again; the others keep their results.
  const again = withDependents(workflow, failed);
  const steps = previous.map((step): StepProgress => (again.has(step.job) ? { job: step.job, name: step.name } : { ...step }));
  run.progress = { steps, queuedFromMs: now, ...scriptedFailure(sim, workflow, run.headBranch) };
  run.attempt = (run.attempt ?? 1) + 1;
  joinConcurrencyGroup(sim, repo, workflow, run, now);
  sim.live.push({ repo, run });
  sim.nextDueMs = 0;
}
