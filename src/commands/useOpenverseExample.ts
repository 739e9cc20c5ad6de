import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';

/**
 * "Use the Openverse Example": shows the built-in WordPress/openverse profile's deck in a workspace that is
 * not a checkout of it, remembered for this workspace (the setting releaseDeck.useOpenverseExample does
 * the same from settings).
 */
export function registerUseOpenverseExample(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.useOpenverseExample, async (services) => {
    const status = await services.profiles.useOpenverseExample();
    if (status.kind === 'builtIn') {
      services.log.info('The built-in Openverse profile is in use in this workspace, as chosen ("Use the Openverse Example").');
      await services.store.refresh('the Openverse example was chosen');
    } else if (status.kind === 'workspace' || status.kind === 'broken') {
      void vscode.window.showInformationMessage(vscode.l10n.t('This workspace has its own profile ({0}), which stays in force; the Openverse example is used only where there is none.', vscode.workspace.asRelativePath(status.uri)));
    }
  }, { anyFolder: true });
}
