import type { DeploymentRecord } from './snapshot';
import { waitingWords } from './deploymentReview';
import { plural } from './words';

/**
 * How a deployment run stands or ended, and how long it took, in the words the deck, the Needs You view
 * and the notifications share.
 */

/** Conclusions that mean a deployment did not do its work: the environment still runs what it ran before. */
const FAILED_CONCLUSIONS: ReadonlySet<string> = new Set(['failure', 'timed_out', 'startup_failure']);

/** Whether a completed run failed (a cancelled run was stopped by someone: not a failure). */
export function runFailed(record: Pick<DeploymentRecord, 'status' | 'conclusion'>): boolean {
  return record.status === 'completed' && record.conclusion !== null && FAILED_CONCLUSIONS.has(record.conclusion);
}

/** "succeeded", "failed", "was cancelled", "is in progress", "is waiting for review"… */
export function outcomeWords(record: Pick<DeploymentRecord, 'status' | 'conclusion' | 'review'>): string {
  if (record.status !== 'completed') {
    switch (record.status) {
      case 'in_progress':
        return 'is in progress';
      case 'waiting':
        return record.review !== undefined ? `is ${waitingWords(record.review)}` : 'is waiting for review or a protection rule';
      case 'pending':
        return 'is waiting for another run of its concurrency group';
      default:
        return 'is queued';
    }
  }
  switch (record.conclusion) {
    case 'success':
      return 'succeeded';
    case 'failure':
      return 'failed';
    case 'cancelled':
      return 'was cancelled';
    case 'timed_out':
      return 'timed out';
    case 'startup_failure':
      return 'could not start';
    case 'skipped':
      return 'was skipped';
    case null:
      return 'ended in an unknown state';
    default:
      return `ended in ${record.conclusion}`;
  }
}

/** "4 min", "1 h 5 min", "45 s": a span of time for people. */
export function durationWords(milliseconds: number): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) {
    return 'an unknown time';
  }
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) {
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  return plural(Math.floor(hours / 24), 'day');
}

/**
 * How long a finished run took, from its latest attempt's start to its last update (GitHub's `run_started_at`,
 * which a re-run resets, and `updated_at`); undefined while it runs.
 */
export function runDuration(record: Pick<DeploymentRecord, 'status' | 'startedAt' | 'updatedAt'>): string | undefined {
  if (record.status !== 'completed') {
    return undefined;
  }
  const milliseconds = Date.parse(record.updatedAt) - Date.parse(record.startedAt);
  return Number.isFinite(milliseconds) ? durationWords(milliseconds) : undefined;
}

/** What a run deployed: its image tag, else its title. */
export function runTarget(record: Pick<DeploymentRecord, 'imageTag' | 'title'>): string {
  return record.imageTag ?? record.title;
}
