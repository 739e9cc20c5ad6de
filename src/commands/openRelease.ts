import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';
import { openLink } from '../ui/links';
import { nodeArgument } from './itemArgument';

/** Opens on GitHub the GitHub Release of an item: a draft, or the release an environment runs. */
export function registerOpenRelease(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openRelease, async (argument: unknown) => {
    const node = nodeArgument(argument, 'Open GitHub Release');
    const url = node?.kind === 'draft' ? node.draft.htmlUrl : node?.kind === 'environment' ? node.environment.running?.release?.htmlUrl : undefined;
    if (url === undefined) {
      if (node !== undefined) {
        void vscode.window.showInformationMessage('What runs there is not a published GitHub Release.');
      }
      return;
    }
    await openLink(url, services.log);
  });
}
