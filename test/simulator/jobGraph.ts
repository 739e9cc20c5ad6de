import { jobsOf } from './runs';
import type { StepProgress } from './world';
import type { WorldWorkflow } from './worldWorkflows';

/**
 * The dependency graph of a workflow's jobs, from their `needs:` (GitHub Actions, "Using jobs in a workflow":
 * "If a job fails or is skipped, all jobs that need it are skipped unless the jobs use a conditional
 * expression that causes the job to continue"). The simulator runs jobs one after the other, in the file's
 * order; `needs` decides which jobs a failure stops and which a re-run of failed jobs runs again ("Re-run
 * all of the failed jobs and their dependent jobs").
 */

/**
 * The jobs (indices) a job needs: those its `needs` names; a job described without `needs` needs the job
 * before it (the simulator's convention for workflows whose jobs it does not describe one by one; the first
 * job needs none).
 */
export function needsOf(workflow: WorldWorkflow | undefined, index: number): number[] {
  const jobs = jobsOf(workflow);
  const needs = jobs[index]?.needs;
  if (needs === undefined) {
    return index > 0 ? [index - 1] : [];
  }
  return needs.map((name) => jobs.findIndex((job) => job.name === name)).filter((found) => found >= 0);
}

/** The given jobs and every job that needs one of them, directly or through others. */
export function withDependents(workflow: WorldWorkflow | undefined, jobs: ReadonlySet<number>): Set<number> {
  const found = new Set(jobs);
  const count = jobsOf(workflow).length;
  for (let grew = true; grew;) {
    grew = false;
    for (let index = 0; index < count; index += 1) {
      if (!found.has(index) && needsOf(workflow, index).some((needed) => found.has(needed))) {
        found.add(index);
        grew = true;
      }
    }
  }
  return found;
}

/** A run's conclusion once every step is done: failure when a step failed, else success. */
export function conclusionOf(steps: readonly StepProgress[]): 'success' | 'failure' {
  return steps.some((step) => step.conclusion === 'failure') ? 'failure' : 'success';
}
