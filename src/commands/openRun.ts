import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';
import { itemOf } from './resolveTarget';
import { itemTarget } from './commandTarget';

/** Opens on GitHub the deployment run of an item: the one under way, else the last one. */
export function registerOpenRun(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.openRun, async (services, argument) => {
    const target = itemTarget(services, argument, vscode.l10n.t('Open Run on GitHub'));
    const item = target !== undefined ? itemOf(target) : undefined;
    const environment = target?.environment;
    const run = item === 'deployment'
      ? target?.deployment
      : item === 'environment' && environment !== undefined
        ? (environment.activeDeployment ?? environment.publishingRun ?? environment.lastDeployment)
        : undefined;
    if (run === undefined) {
      if (target !== undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No deployment run is on record for this item.'));
      }
      return;
    }
    await openLink(run.runUrl, services.log);
  });
}
