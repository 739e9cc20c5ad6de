import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';
import { itemTarget } from './commandTarget';

/** Opens one of the environment's console links (e.g. the ECS service's events) to debug a deployment. */
export function registerOpenConsoleLink(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.openConsoleLink, async (services, argument) => {
    const environment = itemTarget(services, argument, vscode.l10n.t('Open Console'))?.environment;
    if (environment === undefined) {
      return;
    }
    const links = environment.environment.consoleLinks;
    if (links.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The profile lists no console links for this environment.'));
      return;
    }
    const picked = links.length === 1 ? links[0] : (await vscode.window.showQuickPick(links.map((link) => ({ label: link.label, detail: link.url, link })), { title: vscode.l10n.t('Open a console link') }))?.link;
    if (picked !== undefined) {
      await openLink(picked.url, services.log);
    }
  });
}
