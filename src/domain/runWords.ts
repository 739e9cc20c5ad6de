import type { DeploymentRecord } from './snapshot';
import { waitingWords } from './deploymentReview';
import { english, type L10n } from './l10n';
import { counts } from './words';

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

/** "succeeded", "failed", "was cancelled", "is in progress", "is waiting for review"…, in the language of `l10n`. */
export function outcomeWords(record: Pick<DeploymentRecord, 'status' | 'conclusion' | 'review'>, l10n: L10n = english, locale = 'en'): string {
  if (record.status !== 'completed') {
    switch (record.status) {
      case 'in_progress':
        return l10n.t('is in progress');
      case 'waiting':
        return record.review !== undefined ? l10n.t('is {0}', waitingWords(record.review, undefined, l10n, locale)) : l10n.t('is waiting for review or a protection rule');
      case 'pending':
        return l10n.t('is waiting for another run of its concurrency group');
      default:
        return l10n.t('is queued');
    }
  }
  switch (record.conclusion) {
    case 'success':
      return l10n.t('succeeded');
    case 'failure':
      return l10n.t('failed');
    case 'cancelled':
      return l10n.t('was cancelled');
    case 'timed_out':
      return l10n.t('timed out');
    case 'startup_failure':
      return l10n.t('could not start');
    case 'skipped':
      return l10n.t('was skipped');
    case null:
      return l10n.t('ended in an unknown state');
    default:
      return l10n.t('ended in {0}', record.conclusion);
  }
}

/** "4 min", "1 h 5 min", "45 s": a span of time for people. */
export function durationWords(milliseconds: number, l10n: L10n = english): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) {
    return l10n.t('an unknown time');
  }
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) {
    return l10n.t('{0} s', seconds);
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return l10n.t('{0} min', minutes);
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) {
    return rest === 0 ? l10n.t('{0} h', hours) : l10n.t('{0} h {1} min', hours, rest);
  }
  return counts.day(Math.floor(hours / 24), l10n);
}

/**
 * How long a finished run took, from its latest attempt's start to its last update (GitHub's `run_started_at`,
 * which a re-run resets, and `updated_at`); undefined while it runs.
 */
export function runDuration(record: Pick<DeploymentRecord, 'status' | 'startedAt' | 'updatedAt'>, l10n: L10n = english): string | undefined {
  if (record.status !== 'completed') {
    return undefined;
  }
  const milliseconds = Date.parse(record.updatedAt) - Date.parse(record.startedAt);
  return Number.isFinite(milliseconds) ? durationWords(milliseconds, l10n) : undefined;
}

/** What a run deployed: its image tag, else its title. */
export function runTarget(record: Pick<DeploymentRecord, 'imageTag' | 'title'>): string {
  return record.imageTag ?? record.title;
}
