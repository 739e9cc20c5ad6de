import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';
import { itemTarget } from './commandTarget';

/** Opens an environment's /version endpoint in the browser. */
export function registerOpenVersionEndpoint(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.openVersionEndpoint, async (services, argument) => {
    const target = itemTarget(services, argument, vscode.l10n.t('Open /version'));
    const url = target?.environment?.environment.versionUrl;
    if (url === undefined) {
      if (target !== undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This environment has no /version endpoint in the profile.'));
      }
      return;
    }
    await openLink(url, services.log);
  });
}
