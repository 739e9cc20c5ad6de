import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { shortSha } from '../domain/tags';
import type { Services } from '../services';
import { copyForItem } from './clipboard';
import { nodeArgument } from './itemArgument';

/** Copies the full commit SHA an environment runs. */
export function registerCopyCommitSha(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.copyCommitSha, async (argument: unknown) => {
    const node = nodeArgument(argument, 'Copy Commit SHA');
    const sha = node?.kind === 'environment' ? node.environment.running?.sha : undefined;
    await copyForItem(services, sha, node !== undefined, { what: 'the commit SHA', shown: shortSha, missing: 'The commit running there is not known.' });
  });
}
