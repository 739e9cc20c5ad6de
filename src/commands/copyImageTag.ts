import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { copyForItem } from './clipboard';
import { itemOf } from './resolveTarget';
import { itemTarget } from './commandTarget';

/** Copies the image tag of an environment's running version, a deployment or a draft. */
export function registerCopyImageTag(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.copyImageTag, async (services, argument) => {
    const target = itemTarget(services, argument, vscode.l10n.t('Copy Image Tag'));
    const item = target !== undefined ? itemOf(target) : undefined;
    const tag = item === 'environment' ? target?.environment?.running?.imageTag : item === 'deployment' ? target?.deployment?.imageTag : item === 'draft' ? target?.draft?.imageTag : undefined;
    await copyForItem(services, tag, target !== undefined, { what: 'the image tag', shown: (text) => text, missing: vscode.l10n.t('This item has no image tag to copy.') });
  });
}
