import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { describeError } from '../github/errors';
import { executeCommand } from '../executeCommand';
import type { Services } from '../services';

/** Signs in through VS Code's GitHub (or GitHub Enterprise) authentication provider. */
export function registerSignIn(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.signIn, () => signInWithEditorAccount(services));
}

/**
 * Signs in with the editor's GitHub account; with `newSessionBecause`, asks for a new session
 * (forceNewSession), saying why, as after a SAML SSO refusal. A failure is said with the token way out.
 */
export async function signInWithEditorAccount(services: Services, options: { readonly newSessionBecause?: string } = {}): Promise<void> {
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
      `Release Deck could not sign in with the editor's GitHub account: ${services.log.redact(message)}. You can sign in with a token instead.`,
      'Sign In with Token…',
    );
    if (choice !== undefined) {
      await executeCommand(COMMANDS.signInWithToken);
    }
  }
}
