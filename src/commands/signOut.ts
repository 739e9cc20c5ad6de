import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';

export function registerSignOut(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.signOut, async () => {
    const credential = await services.credentials.current();
    await services.credentials.signOut();
    services.log.info('Signed out.');
    const note = credential?.source === 'session' ? ' Your GitHub account stays signed in to the editor (see the Accounts menu).' : ' The stored token was deleted.';
    void vscode.window.showInformationMessage(`Release Deck signed out.${note}`);
  });
}
