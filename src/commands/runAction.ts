import * as vscode from 'vscode';
import { describeError, isGitHubError } from '../github/errors';
import type { GitHubClient } from '../github/client';
import type { Services } from '../services';
import { showRefusal } from './refusalNotice';
import { refusedWords, type RunTarget } from './runTarget';
import { english, type L10n } from '../domain/l10n';
import { lookForRunAction, lostAnswer, outcomeUnclear } from '../operations/outcome';
import { openLink } from '../ui/links';
import { userLanguage } from '../language';

/** What the modal asks before an action on a run, and how the action is sent. */
export interface RunAction {
  readonly kind: 'cancel' | 'rerun';
  readonly question: string;
  readonly detail: string;
  readonly confirmLabel: string;
  readonly send: (client: GitHubClient) => Promise<void>;
  /** Why GitHub refused, in the action's own terms (runRefusals.ts). */
  readonly refusedWhy: (error: unknown) => string | undefined;
  /** Read from GitHub after the confirmation, right before sending: why not to send (and the run to open), if anything. */
  /** `problem` in the person's language, `logged` in English for the log. */
  readonly check?: (client: GitHubClient) => Promise<{ readonly problem: string; readonly logged: string; readonly url?: string } | undefined>;
}

/**
 * What became of the request: sent (`lost`: its answer was lost, but reading the run showed it applied), not
 * confirmed, refused (by GitHub, or before sending: what was said, and the buttons offered), not done (its
 * connection was never opened), or unknown (its answer was lost and the run does not tell: the page to check).
 */
export type RunActionResult =
  | { readonly kind: 'sent'; readonly lost?: string }
  | { readonly kind: 'notConfirmed' }
  | { readonly kind: 'refused'; readonly problem: string; readonly actions: readonly string[] }
  | { readonly kind: 'notDone'; readonly problem: string }
  | { readonly kind: 'unknown'; readonly problem: string; readonly runUrl: string };

/**
 * The steps Cancel Run and Re-run Failed Jobs share: the modal, the check on GitHub (`check`), the request,
 * and GitHub's refusal said with the next step (Authorize for SSO when an organisation's SSO refused it). A
 * request whose answer was lost is never called refused: the run is read again (lookForRunAction) and what
 * it shows is said — done, not done, or unknown with the run's page. The deck is refreshed either way.
 */
export async function confirmAndSend(services: Services, client: GitHubClient, run: RunTarget, action: RunAction): Promise<RunActionResult> {
  const { record } = run;
  const logName = action.kind === 'cancel' ? 'Cancel' : 'Re-run';
  const confirmed = await services.confirmer.ask({ message: action.question, detail: action.detail, confirmLabel: action.confirmLabel });
  if (!confirmed) {
    services.log.info(`${logName} of ${record.runUrl} was not confirmed; nothing was sent.`);
    return { kind: 'notConfirmed' };
  }
  const stop = await action.check?.(client);
  if (stop !== undefined) {
    services.log.warn(`${logName} of ${record.runUrl} was not sent: ${stop.logged}`);
    return { kind: 'refused', problem: stop.problem, actions: showWithRun(services, 'warning', stop.problem, stop.url) };
  }
  const who = services.store.state.credential?.login ?? 'unknown';
  const verb = action.kind === 'cancel' ? 'cancel' : 're-run';
  try {
    await action.send(client);
  } catch (error) {
    if (outcomeUnclear(error)) {
      return settleLostAnswer(services, client, run, action.kind, error);
    }
    const problem = refusedWords(action.kind, run, error, action.refusedWhy(error));
    services.log.warn(`${who} tried to ${verb} ${record.runUrl}: ${describeError(error)}`);
    void services.store.refresh(`a ${verb} was refused`);
    return { kind: 'refused', problem, actions: showRefusal(services, problem, error) };
  }
  services.log.info(`${who} ${action.kind === 'cancel' ? 'cancelled' : 're-ran the failed jobs of'} ${record.runUrl} (${run.place}, ${record.imageTag ?? record.title}) at ${new Date().toISOString()}.`);
  void services.store.refresh(action.kind === 'cancel' ? 'a run was cancelled' : 'a re-run was sent');
  return { kind: 'sent' };
}

/** A cancel or re-run whose answer was lost: reads the run, says what it shows (never "refused"), the deck refreshed. */
async function settleLostAnswer(services: Services, client: GitHubClient, run: RunTarget, kind: 'cancel' | 'rerun', error: unknown): Promise<RunActionResult> {
  const { record } = run;
  const lostIn = (l10n: L10n): string =>
    kind === 'cancel'
      ? l10n.t('{0} while trying to cancel "{1}" ({2})', lostAnswer(error, l10n), record.title, run.place)
      : l10n.t('{0} while trying to re-run the failed jobs of "{1}" ({2})', lostAnswer(error, l10n), record.title, run.place);
  services.log.warn(`${lostIn(english)}: ${describeError(error)}. Reading the run again.`);
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Release Deck · {0}', run.place) }, async (progress) => {
    progress.report({ message: vscode.l10n.t('{0}. Reading the run again…', lostIn(vscode.l10n)) });
    return lookForRunAction(client, { repo: run.repo, runId: record.runId, action: kind, attemptBefore: record.attempt ?? 1, runPage: record.runUrl }, error);
  });
  void services.store.refresh(`the outcome of a ${kind === 'cancel' ? 'cancel' : 're-run'} was read`);
  const language = userLanguage();
  if (outcome.kind === 'done') {
    services.log.info(`${lostIn(english)}, but GitHub ${kind === 'cancel' ? 'cancelled the run' : 're-ran its failed jobs'}: ${record.runUrl}.`);
    return { kind: 'sent', lost: lostIn(vscode.l10n) };
  }
  if (outcome.kind === 'notDone') {
    const evidence = outcome.said?.(language) ?? outcome.evidence;
    // Never sent (the connection was not opened), or a run to cancel that ended by itself meanwhile.
    const neverSent = isGitHubError(error) && error.notConnected !== undefined;
    const problem = neverSent
      ? vscode.l10n.t('{0} ({1}), so nothing was changed. You can try again.', lostIn(vscode.l10n), evidence)
      : vscode.l10n.t('{0}, but {1}. Check what {2} runs now in the deck.', lostIn(vscode.l10n), evidence, run.place);
    services.log.warn(`${lostIn(english)} (${outcome.evidence}): nothing was changed.`);
    showWithRun(services, 'warning', problem, record.runUrl);
    return { kind: 'notDone', problem };
  }
  const problem =
    kind === 'cancel'
      ? vscode.l10n.t('{0}, and whether GitHub cancelled it cannot be told: {1}. Open the run to see where it is; cancel it again if it still runs.', lostIn(vscode.l10n), outcome.said?.(language) ?? outcome.why)
      : vscode.l10n.t('{0}, and whether GitHub re-ran them cannot be told: {1}. Open the run to check before re-running again; the deck shows the new attempt once GitHub starts it.', lostIn(vscode.l10n), outcome.said?.(language) ?? outcome.why);
  services.log.warn(`${lostIn(english)}, and the outcome cannot be told: ${outcome.why}. Check ${outcome.checkUrl}`);
  showWithRun(services, 'error', problem, outcome.checkUrl);
  return { kind: 'unknown', problem, runUrl: outcome.checkUrl };
}

/** Shows `message` with an Open Run button (when there is a run to open); returns the buttons offered. */
function showWithRun(services: Services, severity: 'warning' | 'error', message: string, url: string | undefined): readonly string[] {
  const openRun = vscode.l10n.t('Open Run');
  const buttons = url !== undefined ? [openRun] : [];
  const show = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(message, ...buttons).then((choice) => {
    if (choice !== undefined && url !== undefined) {
      void openLink(url, services.log);
    }
  });
  return buttons;
}

/** "Sign in to GitHub first." said, or the client. */
export async function signedInClient(services: Services): Promise<GitHubClient | undefined> {
  const client = await services.gitHub.current();
  if (client === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to GitHub first.'));
  }
  return client;
}
