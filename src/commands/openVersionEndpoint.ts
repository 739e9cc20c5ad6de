import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';
import { openLink } from '../ui/links';
import { nodeArgument } from './itemArgument';

/** Opens an environment's /version endpoint in the browser. */
export function registerOpenVersionEndpoint(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openVersionEndpoint, async (argument: unknown) => {
    const node = nodeArgument(argument, 'Open /version');
    const url = node?.kind === 'environment' ? node.environment.environment.versionUrl : undefined;
    if (url === undefined) {
      if (node !== undefined) {
        void vscode.window.showInformationMessage('This environment has no /version endpoint in the profile.');
      }
      return;
    }
    await openLink(url, services.log);
  });
}
