import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';
import { itemOf } from './resolveTarget';
import { itemTarget } from './commandTarget';

/** Opens on GitHub the GitHub Release of an item: a draft, or the release an environment runs. */
export function registerOpenRelease(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.openRelease, async (services, argument) => {
    const target = itemTarget(services, argument, vscode.l10n.t('Open GitHub Release'));
    const item = target !== undefined ? itemOf(target) : undefined;
    const url = item === 'draft' ? target?.draft?.htmlUrl : item === 'release' ? target?.release?.htmlUrl : item === 'environment' ? target?.environment?.running?.release?.htmlUrl : undefined;
    if (url === undefined) {
      if (target !== undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('What runs there is not a published GitHub Release.'));
      }
      return;
    }
    await openLink(url, services.log);
  });
}
