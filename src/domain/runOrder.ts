import { attemptStartedAt, type WorkflowRunFact } from './facts';
import type { DeploymentRecord } from './snapshot';

/**
 * The order of an environment's deployment runs. A re-run ("Re-run failed jobs") keeps its run's `created_at`
 * but starts a new attempt (`run_started_at` resets, `run_attempt` +1: GitHub's REST description of a workflow
 * run): an older deployment re-run after a newer one is the later deployment. So runs are ordered by when their
 * latest attempt started, and finished deployments by when they ended, which is what decides what runs now.
 */

/** Newest latest attempt first; the newer run first when two started at the same second. */
export function byAttemptStartNewestFirst(a: WorkflowRunFact, b: WorkflowRunFact): number {
  return Date.parse(attemptStartedAt(b)) - Date.parse(attemptStartedAt(a)) || b.id - a.id;
}

/**
 * Finished deployments, the one that ended last first (GitHub's `updated_at`, the moment a completed run
 * finished); then by their attempts' start. The deployment that ended last is the one whose version runs.
 */
export function finishedNewestFirst(records: readonly DeploymentRecord[]): DeploymentRecord[] {
  return records
    .filter((record) => record.status === 'completed')
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.runId - a.runId);
}
