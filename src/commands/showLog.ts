import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';

export function registerShowLog(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.showLog, () => {
    services.log.show();
  });
}
