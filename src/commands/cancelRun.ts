import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { canCancel } from '../domain/runFailure';
import { getRun } from '../github/workflows';
import { cancelWorkflowRun } from '../github/runControl';
import { describeError } from '../github/errors';
import { followRun } from '../operations/follow';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { cancelDetail } from './runDetails';
import { cancelRefusedWhy } from './runRefusals';
import { refusedWords, runTarget } from './runTarget';

/** What Cancel Run did, for the tests: cancelled (and how the run ended), not confirmed, or why not. */
export type CancelResult = { readonly kind: 'cancelled'; readonly conclusion: string } | { readonly kind: 'notConfirmed' } | { readonly kind: 'refused'; readonly problem: string };

/**
 * Cancel Run: the deployment run of an environment that is queued, waiting or in progress — started
 * from this window, another one, CI or a colleague — behind a modal naming app, environment, run and
 * image tag. Sent once (a second click while it is sent is refused). A run that finished meanwhile is
 * refused by GitHub (409): said so, the deck refreshed.
 */
export function registerCancelRun(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.cancelRun, async (services, argument): Promise<CancelResult | undefined> => {
    const run = runTarget(services, argument, 'Cancel Run', (environment) => (canCancel(environment.activeDeployment) ? environment.activeDeployment : undefined), (place, environment) =>
      environment.publishingRun !== undefined
        ? `${place} is being deployed by the release workflow's run, which Release Deck never cancels (stopping it half-way can leave an image tagged but not deployed). Open it on GitHub to act on it.`
        : `No deployment run of ${place} is under way: there is nothing to cancel.`);
    if (run === undefined) {
      return undefined;
    }
    const key = `run:${run.repo}#${String(run.record.runId)}`;
    const claim = services.inFlight.claim(key, { what: `cancelling "${run.record.title}"`, runUrl: run.record.runUrl });
    if (!claim.ok) {
      void vscode.window.showInformationMessage(`Already ${claim.running.what}; wait for it.`);
      return undefined;
    }
    try {
      const client = await services.gitHub.current();
      if (client === undefined) {
        void vscode.window.showWarningMessage('Sign in to GitHub first.');
        return undefined;
      }
      const { environment, record, place } = run;
      const confirmed = await services.confirmer.ask({
        message: `Cancel the deployment run of ${place}${environment.environment.production ? ' (PRODUCTION)' : ''}?`,
        detail: cancelDetail(run),
        confirmLabel: 'Cancel Run',
      });
      if (!confirmed) {
        services.log.info(`Cancel of ${record.runUrl} was not confirmed; nothing was sent.`);
        return { kind: 'notConfirmed' };
      }
      const who = services.store.state.credential?.login ?? 'unknown';
      try {
        await cancelWorkflowRun(client, run.repo, record.runId);
      } catch (error) {
        const problem = refusedWords('cancel', run, error, cancelRefusedWhy(error));
        services.log.warn(`${who} tried to cancel ${record.runUrl}: ${describeError(error)}`);
        void vscode.window.showWarningMessage(problem);
        return { kind: 'refused', problem };
      } finally {
        void services.store.refresh('a run was cancelled');
      }
      services.log.info(`${who} cancelled ${record.runUrl} (${place}, ${record.imageTag ?? record.title}) at ${new Date().toISOString()}.`);
      // GitHub cancels asynchronously: the run is followed a short while until it says so.
      const ended = await getRun(client, run.repo, record.runId).then((current) => followRun(client, run.repo, current, { timeoutMs: 60_000 })).catch(() => undefined);
      void services.store.refresh('a cancelled run ended');
      const conclusion = ended?.kind === 'finished' ? (ended.run.conclusion ?? 'completed') : 'cancelling';
      void vscode.window.showInformationMessage(conclusion === 'cancelling' ? `Cancel sent for "${record.title}" (${place}); GitHub is still stopping it: the deck shows when it has.` : `The deployment run "${record.title}" of ${place} ended: ${conclusion}. Check what ${place} runs now in the deck.`);
      return { kind: 'cancelled', conclusion };
    } finally {
      claim.release();
    }
  });
}
