import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { canCancel } from '../domain/runFailure';
import { getRun } from '../github/workflows';
import { cancelWorkflowRun } from '../github/runControl';
import { followRun } from '../operations/follow';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { userLanguage } from '../language';
import { cancelDetail } from './runDetails';
import { cancelRefusedWhy } from './runRefusals';
import { confirmAndSend, signedInClient } from './runAction';
import { runTarget } from './runTarget';
import { runKey } from '../operations/inFlight';
import { heldWords } from './claims';

/** What Cancel Run did, for the tests: cancelled (and how the run ended), not confirmed, or why not (and the buttons offered). */
export type CancelResult =
  | { readonly kind: 'cancelled'; readonly conclusion: string }
  | { readonly kind: 'notConfirmed' }
  | { readonly kind: 'refused'; readonly problem: string; readonly actions: readonly string[] }
  /** The answer was lost: not done (never reached GitHub), or unknown (the run's page to check). */
  | { readonly kind: 'notDone'; readonly problem: string }
  | { readonly kind: 'unknown'; readonly problem: string; readonly runUrl: string };

/**
 * Cancel Run: the deployment run of an environment that is queued, waiting or in progress — started
 * from this window, another one, CI or a colleague — behind a modal naming app, environment, run and
 * image tag. Sent once (a second click while it is sent is refused). A run that finished meanwhile is
 * refused by GitHub (409): said so, the deck refreshed. A cancel whose answer was lost is settled by reading the
 * run (runAction.ts): cancelled, ended otherwise, or unknown with the run's page (cancelling again is harmless).
 */
export function registerCancelRun(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.cancelRun, async (services, argument): Promise<CancelResult | undefined> => {
    const run = runTarget(services, argument, vscode.l10n.t('Cancel Run'), (environment) => (canCancel(environment.activeDeployment) ? environment.activeDeployment : undefined), (place, environment) =>
      environment.publishingRun !== undefined
        ? vscode.l10n.t("{0} is being deployed by the release workflow's run, which Release Deck never cancels (stopping it half-way can leave an image tagged but not deployed). Open it on GitHub to act on it.", place)
        : vscode.l10n.t('No deployment run of {0} is under way: there is nothing to cancel.', place));
    if (run === undefined) {
      return undefined;
    }
    const key = runKey(run.repo, run.record.runId);
    const claim = services.inFlight.claim(key, { what: vscode.l10n.t('cancelling "{0}"', run.record.title), runUrl: run.record.runUrl });
    if (!claim.ok) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Already {0}; wait for it.', heldWords(claim)));
      return undefined;
    }
    try {
      const client = await signedInClient(services);
      if (client === undefined) {
        return undefined;
      }
      const { environment, record, place } = run;
      const sent = await confirmAndSend(services, client, run, {
        kind: 'cancel',
        question: environment.environment.production ? vscode.l10n.t('Cancel the deployment run of {0} (PRODUCTION)?', place) : vscode.l10n.t('Cancel the deployment run of {0}?', place),
        detail: cancelDetail(run, userLanguage()),
        confirmLabel: vscode.l10n.t('Cancel Run'),
        send: (signedIn) => cancelWorkflowRun(signedIn, run.repo, record.runId),
        refusedWhy: (error) => cancelRefusedWhy(error, userLanguage()),
      });
      if (sent.kind !== 'sent') {
        return sent;
      }
      // GitHub cancels asynchronously: the run is followed a short while until it says so.
      const ended = await getRun(client, run.repo, record.runId).then((current) => followRun(client, run.repo, current, { timeoutMs: 60_000 })).catch(() => undefined);
      void services.store.refresh('a cancelled run ended');
      const conclusion = ended?.kind === 'finished' ? (ended.run.conclusion ?? 'completed') : 'cancelling';
      const said =
        conclusion === 'cancelling'
          ? vscode.l10n.t('Cancel sent for "{0}" ({1}); GitHub is still stopping it: the deck shows when it has.', record.title, place)
          : vscode.l10n.t('The deployment run "{0}" of {1} ended: {2}. Check what {1} runs now in the deck.', record.title, place, conclusion);
      // An answer that was lost is said first: the run, read again, showed the cancel applied.
      void vscode.window.showInformationMessage(sent.lost !== undefined ? vscode.l10n.t('{0}, but GitHub cancelled it. {1}', sent.lost, said) : said);
      return { kind: 'cancelled', conclusion };
    } finally {
      claim.release();
    }
  });
}
