import type { EnvironmentDeck } from './snapshot';
import { attemptStartedAt, type WorkflowRunFact } from './facts';
import { english, type L10n } from './l10n';
import { dateTime } from './words';
import { byAttemptStartNewestFirst } from './runOrder';

/** A run of an environment's deployment (or the release chain deploying it) that has not finished. */
export interface ActiveRun {
  readonly title: string;
  readonly status: string;
  readonly actor: string;
  readonly startedAt: string;
  readonly url: string;
}

/** The run that keeps an environment busy according to the deck (a deployment, or a publish on its way). */
export function activeRunInDeck(environment: EnvironmentDeck): ActiveRun | undefined {
  const record = environment.activeDeployment ?? environment.publishingRun;
  return record !== undefined && record.status !== 'completed' ? { title: record.title, status: record.status, actor: record.actor, startedAt: record.startedAt, url: record.runUrl } : undefined;
}

/**
 * The unfinished run among a workflow's newest runs, as GitHub lists them now, whose latest attempt started
 * first: a re-run is queued when it is re-run, not when its run was created (`run_started_at`, facts.ts).
 */
export function activeRunAmong(runs: readonly WorkflowRunFact[]): ActiveRun | undefined {
  const active = runs.filter((run) => run.status !== 'completed').sort((a, b) => Date.parse(attemptStartedAt(a)) - Date.parse(attemptStartedAt(b)))[0];
  return active !== undefined ? { title: active.displayTitle, status: active.status, actor: active.actor, startedAt: attemptStartedAt(active), url: active.htmlUrl } : undefined;
}

/** What the person was about to do when a run kept the environment busy. */
export type BusyAction = 'deploy' | 'redeploy' | 'roll back' | 'publish' | 're-run the failed jobs';

/**
 * Why nothing is sent while another run acts on the environment, naming who started it and when (the
 * person's date and time: `locale` and this process's time zone), in the person's language (`l10n`).
 */
export function busyMessage(label: string, action: BusyAction, run: ActiveRun, l10n: L10n = english, locale = 'en'): string {
  const state = run.status === 'in_progress' ? l10n.t('in progress') : run.status === 'waiting' ? l10n.t('waiting for review') : run.status === 'queued' ? l10n.t('queued') : run.status;
  const at = dateTime(run.startedAt, locale);
  const busy =
    run.actor !== '' && run.actor !== 'unknown'
      ? l10n.t('{0} is busy: "{1}" is {2} on GitHub, started by {3} at {4}.', label, run.title, state, run.actor, at)
      : l10n.t('{0} is busy: "{1}" is {2} on GitHub, started at {3}.', label, run.title, state, at);
  // A run waiting on its environment's reviewers ends only once reviewed (or after GitHub's 30 days).
  const until = run.status === 'waiting' ? l10n.t('that run must be reviewed (Review Deployment…, if you are one of its reviewers) and finish first') : l10n.t('wait for that run to finish');
  return `${busy} ${l10n.t('Nothing was sent: {0}, {1}.', until, again(action, l10n))}`;
}

function again(action: BusyAction, l10n: L10n): string {
  switch (action) {
    case 'deploy':
      return l10n.t('then deploy again');
    case 'redeploy':
      return l10n.t('then redeploy again');
    case 'roll back':
      return l10n.t('then roll back again');
    case 'publish':
      return l10n.t('then publish again');
    case 're-run the failed jobs':
      return l10n.t('then re-run the failed jobs again');
  }
}

/**
 * The environment's deployment run whose latest attempt started after the failed run `runId` was last attempted,
 * among the deployment workflow's newest runs as GitHub lists them now (runsActingOn; a run missing from them is
 * older than all of them): re-running the failed run's jobs would deploy its older image tag over that one.
 */
export function newerDeploymentThan(runs: readonly WorkflowRunFact[], runId: number): WorkflowRunFact | undefined {
  const newest = [...runs].sort(byAttemptStartNewestFirst)[0];
  return newest !== undefined && newest.id !== runId ? newest : undefined;
}

/** Why a failed deployment run's jobs are not re-run after a newer deployment, and what to do instead (Roll Back or Deploy). */
export function supersededMessage(label: string, failed: { readonly title: string; readonly imageTag?: string }, newer: WorkflowRunFact, l10n: L10n = english, locale = 'en'): string {
  const state = newer.status === 'completed' ? (newer.conclusion ?? newer.status) : newer.status === 'in_progress' ? l10n.t('in progress') : newer.status;
  const target = failed.imageTag ?? failed.title;
  return l10n.t(
    'A newer deployment run of {0} came after "{1}": "{2}" ({3}, started {4}). Nothing was sent: re-running the failed jobs of "{1}" would deploy {5} over it. To put {5} on {0} again, use Roll Back or Deploy… from the deck: they show what changes first.',
    label,
    failed.title,
    newer.displayTitle,
    state,
    dateTime(attemptStartedAt(newer), locale),
    target,
  );
}
