import type { LiveRun, Simulation } from './state';
import { findDispatchedRun, followedRun, waitingStepEventMs } from './dispatchAndWait';
import { jobSkipped, runEffect, runsOnStepStart, stepSkipped, waitsForDispatch } from './stepActions';
import { protectedEnvironmentOf, reviewersOf, waitEndsMs } from './reviews';
import { finishRun, repositoryDispatch, runStatus, stepDefinitions, workflowOfRun } from './runs';
import { conclusionOf, withDependents } from './jobGraph';
import type { StepProgress } from './world';

/**
 * A run's events on the simulator's clock (the rules of runs: runs.ts): when its next event happens, and
 * what it does — start after its queued time, start and end each step (stepActions.ts: what a step does to
 * the world), wait for a review of a protected environment. A step that waits (dispatch-and-wait) ends when
 * what it follows ends, so times are not fixed in advance: `settle` applies every event due by now, in the
 * order of their times, and records when each happened.
 */

/** When the run's next event happens, if it is known yet (a pending run waits for its group; a waiting step for its run). */
function nextEventMs(sim: Simulation, live: LiveRun): number | undefined {
  const { run } = live;
  const progress = run.progress;
  if (progress === undefined || progress.completedMs !== undefined) {
    return undefined;
  }
  const created = Date.parse(run.createdAt);
  if (progress.waitingForReview !== undefined) {
    return waitEnd(live);
  }
  if (progress.startedMs === undefined) {
    return progress.pending === true ? undefined : Math.max(created, progress.queuedFromMs ?? created) + run.queuedSeconds * 1000;
  }
  const index = progress.steps.findIndex((step) => step.completedMs === undefined);
  const current = progress.steps[index];
  if (current === undefined || current.startedMs === undefined) {
    return progress.startedMs;
  }
  const definition = stepDefinitions(workflowOfRun(live.repo, run))[index]?.step;
  if (definition?.does !== undefined && waitsForDispatch(definition.does) && current.name !== progress.failStep) {
    return waitingStepEventMs(sim, progress);
  }
  return current.startedMs + (definition?.seconds ?? 0) * 1000;
}

/** Applies every event due by now, in the order of their times (then of run ids), and records each. */
export function settle(sim: Simulation): void {
  const now = sim.clock.nowMs();
  if (now < sim.nextDueMs) {
    return;
  }
  for (;;) {
    let due: { live: LiveRun; at: number } | undefined;
    for (const live of sim.live) {
      const at = nextEventMs(sim, live);
      if (at !== undefined && at <= now && (due === undefined || at < due.at || (at === due.at && live.run.id < due.live.run.id))) {
        due = { live, at };
      }
    }
    if (due === undefined) {
      break;
    }
    advance(sim, due.live, due.at);
  }
  sim.live = sim.live.filter((live) => live.run.progress?.completedMs === undefined);
  sim.nextDueMs = Math.min(Number.POSITIVE_INFINITY, ...sim.live.map((live) => nextEventMs(sim, live) ?? Number.POSITIVE_INFINITY));
}

/** Applies the run's next event, at `at`. */
function advance(sim: Simulation, live: LiveRun, at: number): void {
  const progress = live.run.progress;
  if (progress === undefined) {
    return;
  }
  const waiting = progress.waitingForReview;
  if (waiting !== undefined) {
    delete progress.waitingForReview;
    if (needsApproval(live, waiting.job)) {
      // Not reviewed within 30 days (reviews.ts).
      finishRun(sim, live, at, 'failure');
    } else {
      // The wait timer has ended, and any required review was given: the job starts.
      startStep(sim, live, progress.steps.findIndex((step) => step.job === waiting.job), at, true);
    }
    return;
  }
  if (progress.startedMs === undefined) {
    progress.startedMs = at;
    // A re-run of failed jobs (reruns.ts) keeps the steps of the jobs that succeeded: it starts at the first step not done.
    startStep(sim, live, Math.max(progress.steps.findIndex((step) => step.completedMs === undefined), 0), at);
    return;
  }
  const index = progress.steps.findIndex((step) => step.completedMs === undefined);
  const current = progress.steps[index];
  if (current === undefined) {
    finishRun(sim, live, at, conclusionOf(progress.steps));
    return;
  }
  const { step: definition, app } = stepDefinitions(workflowOfRun(live.repo, live.run))[index] ?? {};
  const waits = definition?.does !== undefined && waitsForDispatch(definition.does);
  if (waits && current.name !== progress.failStep && progress.followed === undefined) {
    progress.followed = findDispatchedRun(sim, live, at);
    if (progress.followed === null) {
      endStep(sim, live, index, at, 'failure');
    }
    return;
  }
  let conclusion: 'success' | 'failure' = current.name === progress.failStep ? 'failure' : 'success';
  if (conclusion === 'success' && waits) {
    const followed = followedRun(sim, progress);
    conclusion = followed !== undefined && runStatus(followed, at).conclusion === 'success' ? 'success' : 'failure';
  }
  if (conclusion === 'success' && definition?.does !== undefined && !runsOnStepStart(definition.does) && !runEffect(sim, live, definition.does, at, repositoryDispatch, app)) {
    conclusion = 'failure';
  }
  endStep(sim, live, index, at, conclusion);
}

/** Starts a step; the first step of a job whose environment has protection rules waits on them, unless `released` by them. */
function startStep(sim: Simulation, live: LiveRun, index: number, at: number, released = false): void {
  const progress = live.run.progress;
  const step = progress?.steps[index];
  if (progress === undefined || step === undefined) {
    finishRun(sim, live, at, conclusionOf(progress?.steps ?? []));
    return;
  }
  if (!released && holdsForReview(live, index, at)) {
    return;
  }
  step.startedMs = at;
  const { step: definition, app } = stepDefinitions(workflowOfRun(live.repo, live.run))[index] ?? {};
  if (jobSkipped(live, app)) {
    endStep(sim, live, index, at, 'skipped');
    return;
  }
  if (definition?.does !== undefined && step.name !== progress.failStep) {
    if (stepSkipped(live, definition.does)) {
      endStep(sim, live, index, at, 'skipped');
      return;
    }
    if (runsOnStepStart(definition.does) && !runEffect(sim, live, definition.does, at, repositoryDispatch, app)) {
      endStep(sim, live, index, at, 'failure');
    }
  }
}

/**
 * A job that references an environment with protection rules does not start until one of its required
 * reviewers approves and its wait timer has ended (reviews.ts): the run waits at the job's first step.
 */
function holdsForReview(live: LiveRun, index: number, at: number): boolean {
  const progress = live.run.progress;
  const step = progress?.steps[index];
  if (progress === undefined || step === undefined || (index > 0 && progress.steps[index - 1]?.job === step.job)) {
    return false;
  }
  if (protectedEnvironmentOf(live.repo, workflowOfRun(live.repo, live.run), step.job) === undefined) {
    return false;
  }
  progress.waitingForReview = { job: step.job, sinceMs: at };
  return true;
}

/** Whether the job still needs a required reviewer's approval (its environment has reviewers; none approved yet). */
function needsApproval(live: LiveRun, job: number): boolean {
  const environment = protectedEnvironmentOf(live.repo, workflowOfRun(live.repo, live.run), job);
  const approved = live.run.progress?.reviews?.some((review) => review.job === job && review.state === 'approved') === true;
  return environment !== undefined && reviewersOf(environment).length > 0 && !approved;
}

/** When the waiting job's wait ends by itself: its wait timer's end, or 30 days without a required review (reviews.ts). */
function waitEnd(live: LiveRun): number | undefined {
  const waiting = live.run.progress?.waitingForReview;
  if (waiting === undefined) {
    return undefined;
  }
  const environment = protectedEnvironmentOf(live.repo, workflowOfRun(live.repo, live.run), waiting.job);
  return environment !== undefined ? waitEndsMs(environment, waiting.sinceMs, !needsApproval(live, waiting.job)) : waiting.sinceMs;
}

/**
 * "Review pending deployments for a workflow run": approved, the waiting job starts now, or when its wait
 * timer ends; rejected, the run fails ("If a job is rejected, the workflow will fail").
 */
export function reviewWaitingRun(sim: Simulation, live: LiveRun, review: { environmentId: number; state: 'approved' | 'rejected'; login: string; comment: string }, at: number): void {
  const progress = live.run.progress;
  const waiting = progress?.waitingForReview;
  if (progress === undefined || waiting === undefined) {
    return;
  }
  (progress.reviews ??= []).push({ job: waiting.job, ...review, atMs: at });
  if (review.state === 'rejected') {
    delete progress.waitingForReview;
    finishRun(sim, live, at, 'failure');
  } else if ((waitEnd(live) ?? at) <= at) {
    delete progress.waitingForReview;
    startStep(sim, live, progress.steps.findIndex((step) => step.job === waiting.job), at, true);
  }
  sim.nextDueMs = 0;
}

/**
 * Ends a step, then starts the next step not done. A failure skips the steps after it in its job (`if:
 * success()` is every step's default) and the jobs that need its job (jobGraph.ts); the run fails once every
 * step is done.
 */
function endStep(sim: Simulation, live: LiveRun, index: number, at: number, conclusion: NonNullable<StepProgress['conclusion']>): void {
  const progress = live.run.progress;
  const step = progress?.steps[index];
  if (progress === undefined || step === undefined) {
    return;
  }
  step.completedMs = at;
  step.conclusion = conclusion;
  if (conclusion === 'failure') {
    const stopped = withDependents(workflowOfRun(live.repo, live.run), new Set([step.job]));
    for (const later of progress.steps.slice(index + 1).filter((candidate) => stopped.has(candidate.job) && candidate.completedMs === undefined)) {
      later.conclusion = 'skipped';
      later.startedMs = at;
      later.completedMs = at;
    }
  }
  // The next step not done: a re-run of failed jobs (reruns.ts) keeps the steps of the jobs it does not run again.
  const next = progress.steps.findIndex((candidate) => candidate.completedMs === undefined);
  if (next >= 0) {
    startStep(sim, live, next, at);
  } else {
    finishRun(sim, live, at, conclusionOf(progress.steps));
  }
}
