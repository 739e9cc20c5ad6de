import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { passedToken } from './arguments';
import { GitHubClient } from '../github/client';
import { describeError } from '../github/errors';
import { checkToken } from '../github/users';
import { executeCommand } from '../executeCommand';
import type { WindowServices } from '../services';
import { tokenPrompt } from '../ui/tokenPrompt';

/**
 * Signs in with a token typed into a password box, checked against GitHub before it is kept. Only the
 * extension's own tests may pass the token as the argument: any other extension, or a command link in a
 * workspace's markdown, could otherwise replace the user's credential with one of its own.
 */
export function registerSignInWithToken(services: WindowServices): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.signInWithToken, async (given?: unknown) => {
    // The token is checked with, and kept for, the API root in force: the one the user chose or allowed.
    const apiUrl = services.endpoints.apiUrl();
    if (apiUrl === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Release Deck connects to no GitHub host yet, so a token could not be checked. The deck says why and how to allow the host the profile asks for.'));
      return;
    }
    const passed = passedToken(given, services.context.extensionMode === vscode.ExtensionMode.Test);
    if (passed === undefined && given !== undefined) {
      services.log.warn('An argument given to the command Sign In with Token was ignored: only a token typed into its box is kept.');
    }
    const token = passed ?? (await askForToken(services, apiUrl));
    if (token === undefined) {
      return;
    }
    const trimmed = token.trim();
    services.log.addSecret(trimmed);
    try {
      const user = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the token with {0}…', apiUrl) }, async () => {
        const client = await GitHubClient.create({ apiUrl, token: trimmed });
        return checkToken(client);
      });
      await services.credentials.storeToken(trimmed, user.login, apiUrl);
      services.log.info(`Signed in with a token as ${user.login}${user.scopes !== undefined ? ` (scopes: ${user.scopes.join(', ')})` : ' (fine-grained token)'}.`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Release Deck is signed in to GitHub as {0}.', user.login));
    } catch (error) {
      const message = services.log.redact(describeError(error));
      services.log.error(`The token was not accepted: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The token was not kept: {0}', message), vscode.l10n.t('Try Another Token')).then((choice) => {
        if (choice !== undefined) {
          void executeCommand(COMMANDS.signInWithToken);
        }
      });
    }
  });
}

function askForToken(services: WindowServices, apiUrl: string): Thenable<string | undefined> {
  const profile = services.sections.profile;
  const repos = profile !== undefined ? vscode.l10n.t('{0} and {1}', profile.monorepo, profile.infrastructureRepo) : vscode.l10n.t('the monorepo and the infrastructure repository');
  return vscode.window.showInputBox({
    ...tokenPrompt(apiUrl, repos, vscode.l10n),
    placeHolder: 'ghp_… or github_pat_…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const trimmed = value.trim();
      if (trimmed === '') {
        return vscode.l10n.t('Paste a token.');
      }
      return /\s/.test(trimmed) ? vscode.l10n.t('A token has no spaces.') : undefined;
    },
  });
}
