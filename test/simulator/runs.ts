import { headOf, type LiveRun, type Simulation } from './state';
import { titleFor } from './runTitles';
import { releaseDeploys } from './stepActions';
import type { RunProgress, StepProgress, WorldRepo, WorldRun } from './world';
import type { WorldJob, WorldWorkflow } from './worldWorkflows';

/**
 * The rules of workflow runs. A run the simulator starts is created `queued` (or `pending` behind its
 * concurrency group), starts after its queued time, then runs its workflow's steps one after the other,
 * event by event on the simulator's clock (runEvents.ts; stepActions.ts: what each step does to the world).
 * This module starts runs, says their status, finishes them and lets the next run of their concurrency group
 * go. Recorded runs of the world's history keep fixed durations (`runStatus`).
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
    // run_started_at: "The start time of the latest run. Resets on re-run." (REST description of a workflow run): a
    // re-run (reruns.ts) is queued again from the re-run, never from the run's created_at.
    const startedMs = progress.startedMs ?? progress.queuedFromMs ?? created;
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
