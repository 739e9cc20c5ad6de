import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';

export function registerShowLog(services: WindowServices): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.showLog, () => {
    services.log.show();
  });
}
