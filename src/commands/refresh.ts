import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';

/** Refresh: every section's profile read again and every section's deck refreshed (one per workspace folder). */
export function registerRefresh(services: WindowServices): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.refresh, async () => {
    await services.sections.refreshAll('the Refresh command', { reload: true });
  });
}
