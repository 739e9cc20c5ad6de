import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';

export function registerRefresh(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.refresh, async () => {
    await services.profiles.reload();
    await services.store.refresh('the Refresh command');
  });
}
