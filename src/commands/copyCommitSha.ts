import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { shortSha } from '../domain/tags';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { copyForItem } from './clipboard';
import { itemOf } from './resolveTarget';
import { itemTarget } from './commandTarget';

/** Copies the full commit SHA an environment runs. */
export function registerCopyCommitSha(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.copyCommitSha, async (services, argument) => {
    const target = itemTarget(services, argument, vscode.l10n.t('Copy Commit SHA'));
    const sha = target !== undefined && itemOf(target) === 'environment' ? target.environment?.running?.sha : undefined;
    await copyForItem(services, sha, target !== undefined, { what: 'the commit SHA', shown: shortSha, missing: vscode.l10n.t('The commit running there is not known.') });
  });
}
