import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import type { ReleaseNotesPanels } from '../ui/releaseNotes/panel';
import { loadedTarget } from './commandTarget';

/** Opens the release notes panel of an app of the command's section: from a deck item, the status bar, or the palette (with a pick). */
export function registerOpenReleaseNotes(window: WindowServices, panels: ReleaseNotesPanels): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.openReleaseNotes, async (services, argument) => {
    const read = loadedTarget(services, argument, 'Open Release Notes', vscode.l10n.t('The deck has not loaded yet: sign in and wait for it, then open the release notes.'));
    if (read === undefined) {
      return;
    }
    const { snapshot, target: given } = read;
    const app = given?.app ?? (await vscode.window.showQuickPick(
      snapshot.apps.filter((candidate) => candidate.app.usesReleases).map((candidate) => ({ label: candidate.app.label, description: candidate.draft !== undefined ? vscode.l10n.t('draft {0}', candidate.draft.gitTag) : (candidate.releases[0]?.gitTag ?? ''), app: candidate })),
      { title: vscode.l10n.t('Open Release Notes: which app?') },
    ))?.app;
    if (app === undefined) {
      return;
    }
    if (!app.app.usesReleases) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no GitHub Releases: it always runs the image tagged latest.', app.app.label));
      return;
    }
    await panels.open(services.section, app.app.id, given?.draft?.id ?? given?.release?.id);
  });
}
