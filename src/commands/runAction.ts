import * as vscode from 'vscode';
import { describeError } from '../github/errors';
import type { GitHubClient } from '../github/client';
import type { Services } from '../services';
import { showRefusal } from './refusalNotice';
import { refusedWords, type RunTarget } from './runTarget';

/** What the modal asks before an action on a run, and how the action is sent. */
export interface RunAction {
  readonly kind: 'cancel' | 'rerun';
  readonly question: string;
  readonly detail: string;
  readonly confirmLabel: string;
  readonly send: (client: GitHubClient) => Promise<void>;
  /** Why GitHub refused, in the action's own terms (runRefusals.ts). */
  readonly refusedWhy: (error: unknown) => string | undefined;
}

/** What became of the request: sent, not confirmed, or refused by GitHub (what was said, and the buttons offered). */
export type RunActionResult = { readonly kind: 'sent' } | { readonly kind: 'notConfirmed' } | { readonly kind: 'refused'; readonly problem: string; readonly actions: readonly string[] };

/**
 * The steps Cancel Run and Re-run Failed Jobs share: the modal, the request, and GitHub's refusal said with
 * the next step (Authorize for SSO when an organisation's SSO refused it), the deck refreshed either way.
 */
export async function confirmAndSend(services: Services, client: GitHubClient, run: RunTarget, action: RunAction): Promise<RunActionResult> {
  const { record } = run;
  const logName = action.kind === 'cancel' ? 'Cancel' : 'Re-run';
  const confirmed = await services.confirmer.ask({ message: action.question, detail: action.detail, confirmLabel: action.confirmLabel });
  if (!confirmed) {
    services.log.info(`${logName} of ${record.runUrl} was not confirmed; nothing was sent.`);
    return { kind: 'notConfirmed' };
  }
  const who = services.store.state.credential?.login ?? 'unknown';
  try {
    await action.send(client);
  } catch (error) {
    const problem = refusedWords(action.kind, run, error, action.refusedWhy(error));
    services.log.warn(`${who} tried to ${action.kind === 'cancel' ? 'cancel' : 're-run'} ${record.runUrl}: ${describeError(error)}`);
    void services.store.refresh(`a ${action.kind === 'cancel' ? 'cancel' : 're-run'} was refused`);
    return { kind: 'refused', problem, actions: showRefusal(services, problem, error) };
  }
  services.log.info(`${who} ${action.kind === 'cancel' ? 'cancelled' : 're-ran the failed jobs of'} ${record.runUrl} (${run.place}, ${record.imageTag ?? record.title}) at ${new Date().toISOString()}.`);
  void services.store.refresh(action.kind === 'cancel' ? 'a run was cancelled' : 'a re-run was sent');
  return { kind: 'sent' };
}

/** "Sign in to GitHub first." said, or the client. */
export async function signedInClient(services: Services): Promise<GitHubClient | undefined> {
  const client = await services.gitHub.current();
  if (client === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to GitHub first.'));
  }
  return client;
}
