import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';
import { nodeArgument } from './itemArgument';

/** Copies the full commit SHA an environment runs. */
export function registerCopyCommitSha(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.copyCommitSha, async (argument: unknown) => {
    const node = nodeArgument(argument, 'Copy Commit SHA');
    const sha = node?.kind === 'environment' ? node.environment.running?.sha : undefined;
    if (sha === undefined) {
      if (node !== undefined) {
        void vscode.window.showInformationMessage('The commit running there is not known.');
      }
      return;
    }
    await vscode.env.clipboard.writeText(sha);
    services.log.info(`Copied the commit SHA ${sha}.`);
    vscode.window.setStatusBarMessage(`$(copy) Copied ${sha.slice(0, 7)}`, 3000);
  });
}
