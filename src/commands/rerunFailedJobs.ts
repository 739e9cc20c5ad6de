import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { canRerunFailed } from '../domain/runFailure';
import { describeError } from '../github/errors';
import { rerunFailedJobs } from '../github/runControl';
import { getRun } from '../github/workflows';
import { followRun, words } from '../operations/follow';
import { environmentKey } from '../operations/inFlight';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { executeCommand } from '../executeCommand';
import { openLink } from '../ui/links';
import { refuseBusy } from './deploymentFlow';
import { rerunDetail } from './runDetails';
import { rerunRefusedWhy } from './runRefusals';
import { refusedWords, runTarget, type RunTarget } from './runTarget';

/** What Re-run Failed Jobs did, for the tests. */
export type RerunResult =
  | { readonly kind: 'finished'; readonly conclusion: string }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'notConfirmed' }
  | { readonly kind: 'refused'; readonly problem: string };

/**
 * Re-run Failed Jobs: for a failed deployment run, GitHub runs its failed jobs again in the same run (same
 * inputs, so the same image tag), behind a modal naming app, environment, run and image tag; then the deck
 * follows the run as it does a deployment. Never for the release workflow (runTarget). One action per
 * environment at a time (the deployments' in-flight key), and refused while a run acts on the environment.
 * GitHub's refusals (403 while it runs or when it cannot be re-run, 409, 422) are said so, the deck refreshed.
 */
export function registerRerunFailedJobs(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.rerunFailedJobs, async (services, argument): Promise<RerunResult | undefined> => {
    const run = runTarget(services, argument, 'Re-run Failed Jobs', (environment) => (canRerunFailed(environment.lastDeployment) ? environment.lastDeployment : undefined), (place) => `The last deployment run of ${place} did not fail: there are no failed jobs to re-run.`);
    if (run === undefined) {
      return undefined;
    }
    const key = environmentKey(run.app.app.id, run.environment.environment.id);
    const claim = services.inFlight.claim(key, { what: `re-running the failed jobs of "${run.record.title}"`, runUrl: run.record.runUrl });
    if (!claim.ok) {
      void vscode.window.showWarningMessage(`An action on ${run.place} is already under way (${claim.running.what}); wait for it to finish.`);
      return undefined;
    }
    try {
      return await confirmAndRerun(services, run);
    } finally {
      claim.release();
    }
  });
}

async function confirmAndRerun(services: Services, run: RunTarget): Promise<RerunResult | undefined> {
  const client = await services.gitHub.current();
  if (client === undefined) {
    void vscode.window.showWarningMessage('Sign in to GitHub first.');
    return undefined;
  }
  const { app, environment, record, place } = run;
  const busy = refuseBusy(services, place, 're-run the failed jobs', environment);
  if (busy !== undefined) {
    return { kind: 'refused', problem: busy };
  }
  const production = environment.environment.production;
  const confirmed = await services.confirmer.ask({
    message: `Re-run the failed jobs of the deployment of ${record.imageTag ?? record.title} to ${production ? 'PRODUCTION: ' : ''}${place}?`,
    detail: rerunDetail(run),
    confirmLabel: 'Re-run Failed Jobs',
  });
  if (!confirmed) {
    services.log.info(`Re-run of ${record.runUrl} was not confirmed; nothing was sent.`);
    return { kind: 'notConfirmed' };
  }
  const who = services.store.state.credential?.login ?? 'unknown';
  try {
    await rerunFailedJobs(client, run.repo, record.runId);
  } catch (error) {
    const problem = refusedWords('re-run the failed jobs of', run, error, rerunRefusedWhy(error));
    services.log.warn(`${who} tried to re-run ${record.runUrl}: ${describeError(error)}`);
    void services.store.refresh('a re-run was refused');
    void vscode.window.showWarningMessage(problem);
    return { kind: 'refused', problem };
  }
  services.log.info(`${who} re-ran the failed jobs of ${record.runUrl} (${place}, ${record.imageTag ?? record.title}) at ${new Date().toISOString()}.`);
  const watching = services.store.watchClosely();
  let outcome: Awaited<ReturnType<typeof followRun>> | undefined;
  try {
    outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Release Deck · ${place}`, cancellable: true }, async (progress, token) => {
      let said = '';
      return followRun(client, run.repo, await getRun(client, run.repo, record.runId), {
        isStopped: () => token.isCancellationRequested,
        onUpdate: (current) => {
          const now = `Re-run of "${record.title}": ${words(current)}`;
          if (now !== said) {
            said = now;
            progress.report({ message: now });
            void services.store.refresh('a re-run moved on');
          }
        },
      });
    });
  } catch (error) {
    void vscode.window.showWarningMessage(`The failed jobs of "${record.title}" were sent to run again, but following the run failed: ${describeError(error)}. The deck keeps showing it.`);
    return { kind: 'stopped' };
  } finally {
    watching.dispose();
    void services.store.refresh('a re-run ended');
  }
  if (outcome.kind === 'stopped') {
    void vscode.window.showInformationMessage(`Stopped watching; the re-run of "${record.title}" goes on (see the deck).`);
    return { kind: 'stopped' };
  }
  const conclusion = outcome.run.conclusion ?? 'completed';
  services.log[conclusion === 'success' ? 'info' : 'error'](`Re-run of ${record.runUrl} ended: ${conclusion}.`);
  if (conclusion === 'success') {
    void vscode.window.showInformationMessage(`The re-run of "${record.title}" succeeded: ${place} deployed ${record.imageTag ?? 'its image tag'} again.`);
  } else {
    const buttons = ['Show Failure…', 'Open Run'];
    void vscode.window.showErrorMessage(`The re-run of "${record.title}" ended in ${conclusion} again.${environment.running?.imageTag !== undefined ? ` ${place} still runs ${environment.running.imageTag} as far as the deck knew.` : ''}`, ...buttons).then((choice) => {
      if (choice === 'Show Failure…') {
        void executeCommand(COMMANDS.showFailure, { appId: app.app.id, environmentId: environment.environment.id });
      } else if (choice === 'Open Run') {
        void openLink(record.runUrl, services.log);
      }
    });
  }
  return { kind: 'finished', conclusion };
}
