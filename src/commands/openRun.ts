import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';
import { openLink } from '../ui/links';
import { nodeArgument } from './itemArgument';

/** Opens on GitHub the deployment run of an item: the one under way, else the last one. */
export function registerOpenRun(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openRun, async (argument: unknown) => {
    const node = nodeArgument(argument, 'Open Run on GitHub');
    const run = node?.kind === 'deployment'
      ? node.record
      : node?.kind === 'environment'
        ? (node.environment.activeDeployment ?? node.environment.publishingRun ?? node.environment.lastDeployment)
        : undefined;
    if (run === undefined) {
      if (node !== undefined) {
        void vscode.window.showInformationMessage('No deployment run is on record for this item.');
      }
      return;
    }
    await openLink(run.runUrl, services.log);
  });
}
