import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { editorSignIn } from '../domain/endpoint';
import { describeError } from '../github/errors';
import { executeCommand } from '../executeCommand';
import type { WindowServices } from '../services';

/** Signs in through VS Code's GitHub (or GitHub Enterprise) authentication provider. */
export function registerSignIn(services: WindowServices): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.signIn, () => signInWithEditorAccount(services));
}

/**
 * Signs in with the editor's GitHub account; with `newSessionBecause`, asks for a new session
 * (forceNewSession), saying why, as after a SAML SSO refusal. A failure is said with the token way out.
 */
export async function signInWithEditorAccount(services: WindowServices, options: { readonly newSessionBecause?: string } = {}): Promise<void> {
  if (!(await enterpriseReady(services))) {
    return;
  }
  try {
    const credential = await services.credentials.signInWithProvider(options);
    if (credential !== undefined) {
      services.log.info(`Signed in with the editor's GitHub account${credential.login !== undefined ? ` ${credential.login}` : ''}.`);
    }
  } catch (error) {
    const message = describeError(error);
    if (/cancel/i.test(message)) {
      return;
    }
    services.log.error(`Sign-in with the editor's GitHub account failed: ${message}`);
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t("Release Deck could not sign in with the editor's GitHub account: {0}. You can sign in with a token instead.", services.log.redact(message)),
      vscode.l10n.t('Sign In with Token…'),
    );
    if (choice !== undefined) {
      await executeCommand(COMMANDS.signInWithToken);
    }
  }
}

/**
 * On a GitHub Enterprise Server, VS Code's own sign-in serves only the host of its setting github-enterprise.uri:
 * offers to set it to the server of releaseDeck.github.apiUrl (one host, set once), or says that only a token
 * works. False when the sign-in should not go on.
 */
async function enterpriseReady(services: WindowServices): Promise<boolean> {
  const endpoint = services.endpoints.current;
  if (endpoint.kind !== 'ready') {
    return true;
  }
  const settings = vscode.workspace.getConfiguration('github-enterprise');
  const advice = editorSignIn(endpoint, settings.inspect<string>('uri')?.globalValue, vscode.l10n);
  if (advice.kind === 'ready') {
    return true;
  }
  if (advice.kind === 'tokenOnly') {
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t("Release Deck cannot sign in with the editor's account: {0}. Sign in with a token for this server instead.", advice.reason), vscode.l10n.t('Sign In with Token…'));
    if (choice !== undefined) {
      await executeCommand(COMMANDS.signInWithToken);
    }
    return false;
  }
  const current = advice.current !== undefined ? vscode.l10n.t('now {0}', advice.current) : vscode.l10n.t('not set');
  // A host the profile asked for and the user allowed is no setting of theirs: say so, and what the setting then does.
  const detail =
    endpoint.chosenBy === 'allowed'
      ? vscode.l10n.t(
          "Release Deck connects to {0}, a host this workspace's profile asks for and you allowed. VS Code's GitHub Enterprise sign-in serves only the server named by its setting github-enterprise.uri, which is {1}. Release Deck will set it to {2} in your user settings, then sign in. That setting is yours: while it names this server, Release Deck connects there whenever a profile asks, even after you forget the allowed host. A token works without this setting: Release Deck: Sign In with Token….",
          endpoint.apiUrl,
          current,
          advice.uri,
        )
      : vscode.l10n.t(
          "Release Deck connects to {0} (your setting releaseDeck.github.apiUrl). VS Code's GitHub Enterprise sign-in serves only the server named by its setting github-enterprise.uri, which is {1}. Release Deck will set it to {2} in your user settings, then sign in. A token works without this setting: Release Deck: Sign In with Token….",
          endpoint.apiUrl,
          current,
          advice.uri,
        );
  const confirmed = await services.confirmer.ask({
    message: vscode.l10n.t("Sign in to {0} with the editor's GitHub Enterprise account?", advice.host),
    detail,
    confirmLabel: vscode.l10n.t('Set and Sign In'),
  });
  if (!confirmed) {
    return false;
  }
  await settings.update('uri', advice.uri, vscode.ConfigurationTarget.Global);
  const server = endpoint.chosenBy === 'allowed' ? 'the host the profile asks for, which the user allowed' : 'the server of releaseDeck.github.apiUrl';
  services.log.info(`Set github-enterprise.uri to ${advice.uri}, ${server}, for the editor's GitHub Enterprise sign-in.`);
  return true;
}
