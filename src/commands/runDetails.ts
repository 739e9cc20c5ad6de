import { ENGLISH, type Language } from '../github/errors';
import { dateTime } from '../domain/words';
import type { RunTarget } from './runTarget';

/**
 * The detail of the Cancel Run and Re-run Failed Jobs modals (no vscode: unit-tested). Like Deploy's, a
 * production one names what runs now and the target; when a release run waits on the deployment (the
 * release workflow's dispatch-and-wait step, openverse-facts §1.3), what the action does to that release run.
 */

function started(run: RunTarget, { l10n, locale }: Language): string {
  return l10n.t('started by {0} at {1}', run.record.actor, dateTime(run.record.startedAt, locale));
}

function identity(run: RunTarget, { l10n }: Language): string[] {
  const { app, environment, record } = run;
  const production = environment.environment.production;
  return [
    l10n.t('App: {0}', app.app.label),
    production ? l10n.t('Environment: {0} (production)', environment.environment.label) : l10n.t('Environment: {0}', environment.environment.label),
  ].concat(production ? [l10n.t('Runs now: {0}', environment.running?.imageTag ?? l10n.t('unknown')), l10n.t('Target: {0}', record.imageTag ?? l10n.t("not known from the run's title"))] : []);
}

/**
 * The release run that waits on this deployment: one under way for the environment (publishingRun) when the
 * deployment was started the way the release workflow starts it (a repository_dispatch, openverse-facts §1.3).
 */
function releaseWaiting(run: RunTarget): string | undefined {
  const releaseRun = run.environment.publishingRun;
  return releaseRun !== undefined && run.record.event === 'repository_dispatch' ? `"${releaseRun.title}" (${releaseRun.runUrl})` : undefined;
}

export function cancelDetail(run: RunTarget, language: Language = ENGLISH): string {
  const { l10n } = language;
  const { record, place } = run;
  const release = releaseWaiting(run);
  return [
    ...identity(run, language),
    l10n.t('Run: {0} ({1}, {2})', record.title, record.status === 'in_progress' ? l10n.t('in progress') : record.status, started(run, language)),
    ...(run.environment.environment.production ? [] : [l10n.t('Image tag: {0}', record.imageTag ?? l10n.t("not known from the run's title"))]),
    l10n.t('Run page: {0}', record.runUrl),
    '',
    l10n.t('GitHub stops the run where it is: a deployment cancelled half-way may leave {0} on what ran before, or on the new tasks only partly rolled out. Check /version and the console afterwards.', place),
    ...(release !== undefined ? ['', l10n.t('The release run {0} waits on this deployment: cancelling fails that release run, and no changelog pull request will be opened for this release.', release)] : []),
  ].join('\n');
}

export function rerunDetail(run: RunTarget, language: Language = ENGLISH): string {
  const { l10n } = language;
  const { record, place, environment } = run;
  const production = environment.environment.production;
  const release = run.record.event === 'repository_dispatch' ? (releaseWaiting(run) ?? l10n.t('that started it')) : undefined;
  return [
    ...identity(run, language),
    l10n.t('Run: {0} — ended in {1} ({2})', record.title, record.conclusion ?? l10n.t('an unknown state'), started(run, language)),
    ...(production ? [] : [l10n.t('Image tag: {0}', record.imageTag ?? l10n.t("not known from the run's title")), l10n.t('Runs now: {0}', environment.running?.imageTag ?? l10n.t('unknown'))]),
    l10n.t('Run page: {0}', record.runUrl),
    '',
    l10n.t('GitHub runs the failed jobs of this same run again, with the same inputs: it deploys {0} to {1} again.', record.imageTag ?? l10n.t('the same image tag'), place),
    ...(release !== undefined ? ['', l10n.t('The release run {0} stays failed: re-running this deployment does not resume it, so the changelog is not written and no changelog pull request is opened.', release)] : []),
  ].join('\n');
}
