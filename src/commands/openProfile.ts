import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { OPENVERSE_PROFILE_DOCUMENT } from '../domain/openverse';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';

/** Opens the workspace's profile file, offering to create it from the built-in profile when absent. */
export function registerOpenProfile(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.openProfile, async (services) => {
    const uri = services.profiles.profileUri();
    if (uri === undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Release Deck keeps its profile in the workspace: open a folder first, then run "Release Deck: Open Profile" again.'));
      return;
    }
    let exists = true;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      exists = false;
    }
    if (!exists) {
      const create = vscode.l10n.t('Create from the Openverse Profile');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('There is no profile at {0}; the built-in Openverse profile is in use. Create the file from it, to describe your own apps and environments?', vscode.workspace.asRelativePath(uri)),
        create,
      );
      if (choice !== create) {
        return;
      }
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(OPENVERSE_PROFILE_DOCUMENT, null, 2)}\n`));
      services.log.info(`Created ${uri.fsPath} from the built-in Openverse profile.`);
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });
}
