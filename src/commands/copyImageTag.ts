import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';
import { copyForItem } from './clipboard';
import { nodeArgument } from './itemArgument';

/** Copies the image tag of an environment's running version, a deployment or a draft. */
export function registerCopyImageTag(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.copyImageTag, async (argument: unknown) => {
    const node = nodeArgument(argument, 'Copy Image Tag');
    const tag = node?.kind === 'environment' ? node.environment.running?.imageTag : node?.kind === 'deployment' ? node.record.imageTag : node?.kind === 'draft' ? node.draft.imageTag : undefined;
    await copyForItem(services, tag, node !== undefined, { what: 'the image tag', shown: (text) => text, missing: 'This item has no image tag to copy.' });
  });
}
