import type { JobFact, StepFact, WorkflowRunFact } from './facts';
import { english, type L10n } from './l10n';
import { failedStep } from './releaseChain';
import type { DeploymentRecord } from './snapshot';

/**
 * A failed run, diagnosed: the job and step that failed, how long they took, and the words of the log
 * tab that shows the tail of the job's log. What to cancel or re-run is here too: a deployment run,
 * never the release workflow's (release-process.md: "Do not re-run the release workflow in the monorepo
 * or this will create duplicate tags"), so the test takes the run's repository and workflow.
 */

export interface FailurePoint {
  readonly job: JobFact;
  readonly step: StepFact;
}

/** The job and step that failed (or were cancelled, or timed out); a failed job without a failed step gives its last step that ran. */
export function failurePoint(jobs: readonly JobFact[]): FailurePoint | undefined {
  const placed = failedStep(jobs);
  if (placed !== undefined) {
    return { job: placed.job, step: placed.step };
  }
  const job = jobs.find((candidate) => candidate.conclusion !== null && candidate.conclusion !== 'success' && candidate.conclusion !== 'skipped');
  const step = job !== undefined ? [...job.steps].reverse().find((candidate) => candidate.conclusion !== null && candidate.conclusion !== 'skipped') : undefined;
  return job !== undefined && step !== undefined ? { job, step } : undefined;
}

/** "4 s", "2 min 5 s", "1 h 3 min" (in `l10n`'s language); undefined when either moment is missing or unreadable. */
export function durationWords(startedAt: string | null | undefined, completedAt: string | null | undefined, l10n: L10n = english): string | undefined {
  const seconds = startedAt != null && completedAt != null ? Math.round((Date.parse(completedAt) - Date.parse(startedAt)) / 1000) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 0) {
    return undefined;
  }
  if (seconds < 60) {
    return l10n.t('{0} s', seconds);
  }
  if (seconds < 3600) {
    return seconds % 60 > 0 ? l10n.t('{0} min {1} s', Math.floor(seconds / 60), seconds % 60) : l10n.t('{0} min', Math.floor(seconds / 60));
  }
  const minutes = Math.floor((seconds % 3600) / 60);
  return minutes > 0 ? l10n.t('{0} h {1} min', Math.floor(seconds / 3600), minutes) : l10n.t('{0} h', Math.floor(seconds / 3600));
}

/** What the log tab is titled with: run, job and step. Path separators are left out (it is a file name). */
export function failureTitle(runTitle: string, point: FailurePoint): string {
  return `${runTitle} · ${point.job.name} · ${point.step.name}`.replace(/[\\/:*?"<>|\r\n]+/g, ' ').slice(0, 180);
}

/** The lines above the log's tail: what failed, where, how long it took, how much of the log follows (in `l10n`'s language). */
export function failureHeader(run: { readonly title: string; readonly url: string }, point: FailurePoint, tail: { readonly shown: number; readonly total: number; readonly clipped: boolean }, l10n: L10n = english): string[] {
  // GitHub's conclusion (failure, cancelled…) as it names it in the run's page, and how long it took.
  const ended = (part: JobFact | StepFact, took: string | undefined): string => {
    const state = part.conclusion ?? part.status;
    return took !== undefined ? l10n.t('{0} after {1}', state, took) : state;
  };
  return [
    l10n.t('Run:  {0}', run.title),
    `      ${run.url}`,
    l10n.t('Job:  {0} — {1}', point.job.name, ended(point.job, durationWords(point.job.startedAt, point.job.completedAt, l10n))),
    l10n.t('Step: {0} — {1}', point.step.name, ended(point.step, durationWords(point.step.startedAt, point.step.completedAt, l10n))),
    tail.shown < tail.total ? l10n.t("The last {0} of the job log's {1} lines:", tail.shown, tail.total) : l10n.t("The job's log ({0} lines):", tail.total),
    ...(tail.clipped ? [l10n.t('(lines longer than 2,000 characters are clipped)')] : []),
    '─'.repeat(72),
  ];
}

/** True when the run belongs to the release workflow of the monorepo: never cancelled or re-run from here. */
export function isReleaseWorkflowRun(run: Pick<WorkflowRunFact, 'repo' | 'workflowPath'>, monorepo: string, releaseWorkflow: string | undefined): boolean {
  if (releaseWorkflow === undefined || run.repo.toLowerCase() !== monorepo.toLowerCase()) {
    return false;
  }
  return run.workflowPath === releaseWorkflow || run.workflowPath.endsWith(`/${releaseWorkflow}`);
}

const FAILED_CONCLUSIONS = new Set(['failure', 'cancelled', 'timed_out', 'startup_failure']);

/** A deployment run GitHub can cancel: not finished. */
export function canCancel(record: Pick<DeploymentRecord, 'status'> | undefined): boolean {
  return record !== undefined && record.status !== 'completed';
}

/** A deployment run whose failed jobs can be re-run: finished, and not a success. */
export function canRerunFailed(record: Pick<DeploymentRecord, 'status' | 'conclusion'> | undefined): boolean {
  return record !== undefined && record.status === 'completed' && FAILED_CONCLUSIONS.has(record.conclusion ?? '');
}
