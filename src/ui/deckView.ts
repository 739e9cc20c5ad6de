import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../commandIds';
import type { DeckState } from '../state/deckStore';
import { describeEndpoint } from '../domain/endpoint';
import type { ProfileStatus } from '../state/profileSource';

/**
 * The deck view's message and description, and the context keys its welcome views and menus read, from
 * the primary section's state; `sections`: how many folders the deck shows (several: it says how many).
 */
export function reflectDeckState(state: DeckState, view: vscode.TreeView<unknown>, sections = 1): void {
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.signedIn, state.credential !== undefined);
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.profileState, state.profile.kind);
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.noProfileReason, state.profile.kind === 'none' ? state.profile.because : '');
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.endpointState, state.endpoint.kind);
  // With no profile, no message: a tree view's message hides its welcome content, which says what to do.
  const message = state.profile.kind === 'none' ? undefined : endpointMessage(state);
  view.message = message ?? '';
  const profileName = sections > 1 ? vscode.l10n.t('{0} folders', sections) : state.profile.kind === 'broken' ? vscode.l10n.t('profile has problems') : state.profile.kind === 'none' ? noProfileDescription(state.profile) : state.profile.profile.name;
  view.description = state.refreshing ? vscode.l10n.t('{0} · refreshing…', profileName) : profileName;
}

/** With no profile, the view's description names the repository the welcome content offers to describe. */
function noProfileDescription(status: Extract<ProfileStatus, { kind: 'none' }>): string {
  return status.because === 'reading' ? '' : status.repository !== undefined ? vscode.l10n.t('no profile for {0}', status.repository) : vscode.l10n.t('no profile');
}

/** What the deck says about where it connects, when there is something to say. */
function endpointMessage(state: DeckState): string | undefined {
  const endpoint = state.endpoint;
  if (endpoint.kind === 'needsApproval') {
    return vscode.l10n.t("This workspace's profile asks Release Deck to connect to the GitHub API at {0}, a host you have not chosen. Nothing is sent there (no token, no request) until you allow it.", endpoint.apiUrl);
  }
  if (endpoint.kind === 'invalid') {
    return `${describeEndpoint(endpoint, vscode.l10n)} ${vscode.l10n.t('Release Deck connects nowhere until it is fixed.')}`;
  }
  return endpoint.ignoredRequest !== undefined ? `GitHub: ${describeEndpoint(endpoint, vscode.l10n)}` : undefined;
}
