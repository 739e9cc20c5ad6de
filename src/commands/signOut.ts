import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';

export function registerSignOut(services: WindowServices): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.signOut, async () => {
    const credential = await services.credentials.current();
    await services.credentials.signOut();
    services.log.info('Signed out.');
    void vscode.window.showInformationMessage(
      credential?.source === 'session'
        ? vscode.l10n.t('Release Deck signed out. Your GitHub account stays signed in to the editor (see the Accounts menu).')
        : vscode.l10n.t('Release Deck signed out. The stored token was deleted.'),
    );
  });
}
