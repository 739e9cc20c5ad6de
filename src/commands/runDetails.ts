import type { RunTarget } from './runTarget';

/**
 * The detail of the Cancel Run and Re-run Failed Jobs modals (no vscode: unit-tested). Like Deploy's, a
 * production one names what runs now and the target; when a release run waits on the deployment (the
 * release workflow's dispatch-and-wait step, openverse-facts §1.3), what the action does to that release run.
 */

function started(run: RunTarget): string {
  return `started by ${run.record.actor} at ${run.record.startedAt.replace('T', ' ').replace('Z', ' UTC')}`;
}

function identity(run: RunTarget): string[] {
  const { app, environment, record } = run;
  const production = environment.environment.production;
  return [
    `App: ${app.app.label}`,
    `Environment: ${environment.environment.label}${production ? ' (production)' : ''}`,
  ].concat(production ? [`Runs now: ${environment.running?.imageTag ?? 'unknown'}`, `Target: ${record.imageTag ?? 'not known from the run\'s title'}`] : []);
}

/**
 * The release run that waits on this deployment: one under way for the environment (publishingRun) when the
 * deployment was started the way the release workflow starts it (a repository_dispatch, openverse-facts §1.3).
 */
function releaseWaiting(run: RunTarget): string | undefined {
  const releaseRun = run.environment.publishingRun;
  return releaseRun !== undefined && run.record.event === 'repository_dispatch' ? `"${releaseRun.title}" (${releaseRun.runUrl})` : undefined;
}

export function cancelDetail(run: RunTarget): string {
  const { record, place } = run;
  const release = releaseWaiting(run);
  return [
    ...identity(run),
    `Run: ${record.title} (${record.status === 'in_progress' ? 'in progress' : record.status}, ${started(run)})`,
    ...(run.environment.environment.production ? [] : [`Image tag: ${record.imageTag ?? 'not known from the run\'s title'}`]),
    `Run page: ${record.runUrl}`,
    '',
    `GitHub stops the run where it is: a deployment cancelled half-way may leave ${place} on what ran before, or on the new tasks only partly rolled out. Check /version and the console afterwards.`,
    ...(release !== undefined ? ['', `The release run ${release} waits on this deployment: cancelling fails that release run, and no changelog pull request will be opened for this release.`] : []),
  ].join('\n');
}

export function rerunDetail(run: RunTarget): string {
  const { record, place, environment } = run;
  const production = environment.environment.production;
  const release = run.record.event === 'repository_dispatch' ? (releaseWaiting(run) ?? 'that started it') : undefined;
  return [
    ...identity(run),
    `Run: ${record.title} — ended in ${record.conclusion ?? 'an unknown state'} (${started(run)})`,
    ...(production ? [] : [`Image tag: ${record.imageTag ?? 'not known from the run\'s title'}`, `Runs now: ${environment.running?.imageTag ?? 'unknown'}`]),
    `Run page: ${record.runUrl}`,
    '',
    `GitHub runs the failed jobs of this same run again, with the same inputs: it deploys ${record.imageTag ?? 'the same image tag'} to ${place} again.`,
    ...(release !== undefined ? ['', `The release run ${release} stays failed: re-running this deployment does not resume it, so the changelog is not written and no changelog pull request is opened.`] : []),
  ].join('\n');
}
