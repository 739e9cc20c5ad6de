import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import type { ReleaseNotesPanels } from '../ui/releaseNotes/panel';
import { loadedTarget } from './commandTarget';

/** Opens the release notes panel of an app: from a deck item, the status bar, or the palette (with a pick). */
export function registerOpenReleaseNotes(window: WindowServices, panels: ReleaseNotesPanels): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.openReleaseNotes, async (services, argument) => {
    const primary = window.sections.primary;
    if (primary !== undefined && services.section !== primary.key) {
      // The panels (and their restore after a reload) know one folder's apps: the first with a profile.
      void vscode.window.showInformationMessage(vscode.l10n.t('The release notes panel shows the apps of the first folder with a profile ({0}) only. Open the folder {1} in a window of its own to read its release notes there.', primary.name, window.sections.byKey(services.section)?.name ?? ''));
      return;
    }
    const read = loadedTarget(services, argument, 'Open Release Notes', 'The deck has not loaded yet: sign in and wait for it, then open the release notes.');
    if (read === undefined) {
      return;
    }
    const { snapshot, target: given } = read;
    const app = given?.app ?? (await vscode.window.showQuickPick(
      snapshot.apps.filter((candidate) => candidate.app.usesReleases).map((candidate) => ({ label: candidate.app.label, description: candidate.draft !== undefined ? `draft ${candidate.draft.gitTag}` : (candidate.releases[0]?.gitTag ?? ''), app: candidate })),
      { title: 'Open Release Notes: which app?' },
    ))?.app;
    if (app === undefined) {
      return;
    }
    if (!app.app.usesReleases) {
      void vscode.window.showInformationMessage(`${app.app.label} has no GitHub Releases: it always runs the image tagged latest.`);
      return;
    }
    await panels.open(app.app.id, given?.draft?.id ?? given?.release?.id);
  });
}
