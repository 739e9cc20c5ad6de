import { headOf, type LiveRun, type Simulation } from './state';
import { findDispatchedRun, followedRun, waitingStepEventMs } from './dispatchAndWait';
import { titleFor } from './runTitles';
import { jobSkipped, releaseDeploys, runEffect, runsOnStepStart, stepSkipped, waitsForDispatch } from './stepActions';
import { protectedEnvironmentOf, REVIEW_TIMEOUT_MS } from './reviews';
import type { RunProgress, StepProgress, WorldJob, WorldRepo, WorldRun, WorldWorkflow } from './world';

/**
 * The rules of workflow runs, event by event on the simulator's clock. A run the simulator starts is
 * created `queued` (or `pending` behind its concurrency group), starts after its queued time, then runs
 * its workflow's steps one after the other (stepActions.ts: what each step does to the world). A step
 * that waits (dispatch-and-wait) ends when what it follows ends, so times are not fixed in advance:
 * `settle` applies every event due by now, in the order of their times, and records when each happened.
 * Recorded runs of the world's history keep fixed durations (`runStatus`).
 */

/** GitHub Actions "Control the concurrency of workflows and jobs": group names are case-insensitive. */
const groupOf = (workflow: WorldWorkflow | undefined): string | undefined => workflow?.concurrency?.group.toLowerCase();

const DEFAULT_QUEUED_SECONDS = 5;

export function workflowOfRun(repo: WorldRepo, run: WorldRun): WorldWorkflow | undefined {
  return repo.workflows.find((candidate) => candidate.path === run.workflowPath);
}

/** The workflow's jobs; a workflow described without jobs runs one job of one step. */
export function jobsOf(workflow: WorldWorkflow | undefined): readonly WorldJob[] {
  return workflow?.jobs ?? [{ name: 'build', steps: [{ name: 'Run', seconds: workflow?.durations?.runningSeconds ?? 30 }] }];
}

export function stepDefinitions(workflow: WorldWorkflow | undefined): Array<{ job: number; app?: string; step: WorldJob['steps'][number] }> {
  return jobsOf(workflow).flatMap((job, index) => job.steps.map((step) => ({ job: index, ...(job.app !== undefined ? { app: job.app } : {}), step })));
}

// ---------------------------------------------------------------- starting a run

export interface RunStart {
  event: string;
  actor: string;
  headBranch: string;
  headSha: string;
  inputs?: Record<string, string>;
  clientPayload?: Record<string, unknown>;
  fallbackTitle: string;
  createdMs: number;
}

/** Creates a run of `workflow`; it moves on as the clock does (`settle`). */
export function startRun(sim: Simulation, repo: WorldRepo, workflow: WorldWorkflow, fields: RunStart): WorldRun {
  const progress: RunProgress = { steps: stepDefinitions(workflow).map(({ job, step }): StepProgress => ({ job, name: step.name })), ...scriptedFailure(sim, workflow, fields.headBranch) };
  const run: WorldRun = {
    id: sim.nextRunId++,
    workflowPath: workflow.path,
    event: fields.event,
    displayTitle: titleFor(workflow, fields, fields.fallbackTitle),
    createdAt: sim.clock.iso(fields.createdMs),
    actor: fields.actor,
    headBranch: fields.headBranch,
    headSha: fields.headSha,
    ...(fields.inputs !== undefined ? { inputs: fields.inputs } : {}),
    ...(fields.clientPayload !== undefined ? { clientPayload: fields.clientPayload } : {}),
    outcome: 'success',
    queuedSeconds: workflow.durations?.queuedSeconds ?? DEFAULT_QUEUED_SECONDS,
    runningSeconds: 0,
    progress,
  };
  joinConcurrencyGroup(sim, repo, workflow, run, fields.createdMs);
  repo.runs.push(run);
  sim.live.push({ repo, run });
  sim.nextDueMs = 0;
  return run;
}

/** `POST /_admin/fail-next-run`: the next runs of a workflow fail, at a named step or at their main step. */
export function scriptedFailure(sim: Simulation, workflow: WorldWorkflow, headBranch: string): { failStep?: string } {
  const scripted = sim.world.failNextRuns[workflow.path] ?? 0;
  if (scripted <= 0) {
    return {};
  }
  sim.world.failNextRuns[workflow.path] = scripted - 1;
  const named = sim.world.failNextRunSteps?.[workflow.path]?.shift();
  return { failStep: named !== undefined && named !== '' ? named : mainStep(workflow, headBranch) };
}

/**
 * The step whose failure is the workflow failing (a scripted failure without a step fails it): the
 * deployment, or for a release without one (catalog, ingestion server) its tag step.
 */
export function mainStep(workflow: WorldWorkflow | undefined, headBranch?: string): string {
  const steps = stepDefinitions(workflow)
    .map(({ step }) => step)
    .filter((step) => !(step.does === 'dispatchAndWait' && headBranch !== undefined && !releaseDeploys(workflow, headBranch)));
  for (const action of ['deployImage', 'dispatchAndWait', 'tagLatestAsRelease', 'buildImages', 'draftReleases'] as const) {
    const found = steps.find((step) => step.does === action);
    if (found !== undefined) {
      return found.name;
    }
  }
  return steps[steps.length - 1]?.name ?? 'Run';
}

/**
 * GitHub Actions docs, "Control the concurrency of workflows and jobs": "there can be at most one running
 * and one pending job in a concurrency group at any time. When a concurrent job or workflow is queued, if
 * another job or workflow using the same concurrency group in the repository is in progress, the queued
 * job or workflow will be pending. Any existing pending job or workflow in the same concurrency group, if
 * it exists, will be canceled and the new queued job or workflow will take its place." With
 * `cancel-in-progress: true` the running one is cancelled too. The REST API reports such a run with
 * status `pending` (GitHub's check statuses; clients such as benc-uk/workflow-dispatch#97 and
 * mathze/workflow-dispatch-action#98 met it), not `queued`.
 */
export function joinConcurrencyGroup(sim: Simulation, repo: WorldRepo, workflow: WorldWorkflow, run: WorldRun, atMs: number): void {
  const group = groupOf(workflow);
  if (group === undefined || run.progress === undefined) {
    return;
  }
  const others = sim.live.filter((other) => other.repo === repo && other.run.progress?.completedMs === undefined && groupOf(workflowOfRun(repo, other.run)) === group);
  for (const other of others) {
    if (other.run.progress?.pending === true || workflow.concurrency?.cancelInProgress === true) {
      finishRun(sim, other, atMs, 'cancelled');
    }
  }
  if (workflow.concurrency?.cancelInProgress !== true && others.some((other) => other.run.progress?.pending !== true)) {
    run.progress.pending = true;
  }
}

// ---------------------------------------------------------------- status

export interface RunState {
  status: 'queued' | 'pending' | 'waiting' | 'in_progress' | 'completed';
  conclusion: string | null;
  updatedMs: number;
  startedMs: number;
}

/** A run's status now: recorded progress for the runs the simulator started, fixed durations for recorded ones. */
export function runStatus(run: WorldRun, at: number): RunState {
  const created = Date.parse(run.createdAt);
  const progress = run.progress;
  if (progress !== undefined) {
    const stepTimes = progress.steps.flatMap((step) => [step.startedMs ?? 0, step.completedMs ?? 0]);
    const updatedMs = Math.max(created, progress.startedMs ?? 0, progress.completedMs ?? 0, progress.queuedFromMs ?? 0, ...stepTimes);
    const startedMs = progress.startedMs ?? created;
    if (progress.completedMs !== undefined) {
      return { status: 'completed', conclusion: progress.conclusion ?? 'success', updatedMs, startedMs };
    }
    if (progress.waitingForReview !== undefined) {
      return { status: 'waiting', conclusion: null, updatedMs: Math.max(updatedMs, progress.waitingForReview.sinceMs), startedMs };
    }
    if (progress.startedMs !== undefined) {
      return { status: 'in_progress', conclusion: null, updatedMs, startedMs };
    }
    return { status: progress.pending === true ? 'pending' : 'queued', conclusion: null, updatedMs, startedMs };
  }
  const started = created + run.queuedSeconds * 1000;
  const ended = started + run.runningSeconds * 1000;
  if (at < started) {
    return { status: 'queued', conclusion: null, updatedMs: created, startedMs: created };
  }
  if (at < ended) {
    return { status: 'in_progress', conclusion: null, updatedMs: started, startedMs: started };
  }
  return { status: 'completed', conclusion: run.outcome, updatedMs: ended, startedMs: started };
}

// ---------------------------------------------------------------- events

/** When the run's next event happens, if it is known yet (a pending run waits for its group; a waiting step for its run). */
function nextEventMs(sim: Simulation, live: LiveRun): number | undefined {
  const { run } = live;
  const progress = run.progress;
  if (progress === undefined || progress.completedMs !== undefined) {
    return undefined;
  }
  const created = Date.parse(run.createdAt);
  if (progress.waitingForReview !== undefined) {
    return progress.waitingForReview.sinceMs + REVIEW_TIMEOUT_MS;
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
  if (progress.waitingForReview !== undefined) {
    // Not reviewed within 30 days (reviews.ts).
    delete progress.waitingForReview;
    finishRun(sim, live, at, 'failure');
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
    finishRun(sim, live, at, 'success');
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

function startStep(sim: Simulation, live: LiveRun, index: number, at: number): void {
  const progress = live.run.progress;
  const step = progress?.steps[index];
  if (progress === undefined || step === undefined) {
    finishRun(sim, live, at, 'success');
    return;
  }
  if (holdsForReview(live, index, at)) {
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
 * A job that references an environment with required reviewers does not start until one of them approves
 * (reviews.ts): the run waits at its first step.
 */
function holdsForReview(live: LiveRun, index: number, at: number): boolean {
  const progress = live.run.progress;
  const step = progress?.steps[index];
  if (progress === undefined || step === undefined || (index > 0 && progress.steps[index - 1]?.job === step.job)) {
    return false;
  }
  const approved = progress.reviews?.some((review) => review.job === step.job && review.state === 'approved') === true;
  if (approved || protectedEnvironmentOf(live.repo, workflowOfRun(live.repo, live.run), step.job) === undefined) {
    return false;
  }
  progress.waitingForReview = { job: step.job, sinceMs: at };
  return true;
}

/**
 * "Review pending deployments for a workflow run": approved, the waiting job starts now; rejected, the
 * run fails ("If a job is rejected, the workflow will fail").
 */
export function reviewWaitingRun(sim: Simulation, live: LiveRun, review: { environmentId: number; state: 'approved' | 'rejected'; login: string; comment: string }, at: number): void {
  const progress = live.run.progress;
  const waiting = progress?.waitingForReview;
  if (progress === undefined || waiting === undefined) {
    return;
  }
  (progress.reviews ??= []).push({ job: waiting.job, ...review, atMs: at });
  delete progress.waitingForReview;
  if (review.state === 'rejected') {
    finishRun(sim, live, at, 'failure');
  } else {
    startStep(sim, live, progress.steps.findIndex((step) => step.job === waiting.job), at);
  }
  sim.nextDueMs = 0;
}

/** Ends a step; a failure skips the steps after it and fails the run (`if: success()` is every step's default). */
function endStep(sim: Simulation, live: LiveRun, index: number, at: number, conclusion: NonNullable<StepProgress['conclusion']>): void {
  const progress = live.run.progress;
  const step = progress?.steps[index];
  if (progress === undefined || step === undefined) {
    return;
  }
  step.completedMs = at;
  step.conclusion = conclusion;
  if (conclusion === 'failure') {
    for (const later of progress.steps.slice(index + 1)) {
      later.conclusion = 'skipped';
      later.startedMs = at;
      later.completedMs = at;
    }
    finishRun(sim, live, at, 'failure');
    return;
  }
  if (index + 1 < progress.steps.length) {
    startStep(sim, live, index + 1, at);
  } else {
    finishRun(sim, live, at, 'success');
  }
}

/** Completes a run; the pending run of its concurrency group, if any, is queued from now on. */
export function finishRun(sim: Simulation, live: LiveRun, at: number, conclusion: 'success' | 'failure' | 'cancelled'): void {
  const progress = live.run.progress;
  if (progress === undefined || progress.completedMs !== undefined) {
    return;
  }
  progress.completedMs = at;
  progress.conclusion = conclusion;
  for (const step of progress.steps.filter((candidate) => candidate.completedMs === undefined)) {
    step.conclusion = conclusion === 'cancelled' ? 'cancelled' : 'skipped';
    step.completedMs = at;
  }
  const group = groupOf(workflowOfRun(live.repo, live.run));
  if (group === undefined) {
    return;
  }
  const waiting = sim.live.find((other) => other.repo === live.repo && other.run.progress?.pending === true && other.run.progress.completedMs === undefined && groupOf(workflowOfRun(other.repo, other.run)) === group);
  const stillRunning = sim.live.some((other) => other !== live && other.repo === live.repo && other.run.progress?.pending !== true && other.run.progress?.completedMs === undefined && groupOf(workflowOfRun(other.repo, other.run)) === group);
  if (waiting?.run.progress !== undefined && !stillRunning) {
    waiting.run.progress.pending = false;
    waiting.run.progress.queuedFromMs = at;
  }
}

// ---------------------------------------------------------------- dispatches

/** `POST …/dispatches`: a run of every workflow of the repository listening to that event type. */
export function repositoryDispatch(sim: Simulation, repo: WorldRepo, eventType: string, clientPayload: Record<string, unknown>, actor: string, createdMs: number): WorldRun[] {
  const head = headOf(repo);
  return repo.workflows
    .filter((workflow) => workflow.on.repositoryDispatch?.includes(eventType) === true)
    .map((workflow) => startRun(sim, repo, workflow, { event: 'repository_dispatch', actor, headBranch: repo.defaultBranch, headSha: head.sha, clientPayload, fallbackTitle: eventType, createdMs }));
}

/** A run GitHub will create later (a dispatch accepted, its run not created yet) is in no answer. */
export function existsYet(run: WorldRun, at: number): boolean {
  return Date.parse(run.createdAt) <= at;
}
