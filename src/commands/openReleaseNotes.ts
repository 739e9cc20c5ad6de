import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Services } from '../services';
import type { ReleaseNotesPanels } from '../ui/releaseNotes/panel';
import type { DeckNode } from '../ui/tree/nodes';

/** Opens the release notes panel of an app: from a deck item, the status bar, or the palette (with a pick). */
export function registerOpenReleaseNotes(services: Services, panels: ReleaseNotesPanels): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openReleaseNotes, async (argument?: unknown) => {
    const snapshot = services.store.state.snapshot;
    if (snapshot === undefined) {
      void vscode.window.showInformationMessage('The deck has not loaded yet: sign in and wait for it, then open the release notes.');
      return;
    }
    let appId: string | undefined;
    let releaseId: number | undefined;
    if (typeof argument === 'string') {
      appId = argument;
    } else if (typeof argument === 'object' && argument !== null && 'kind' in argument) {
      const node = argument as DeckNode;
      if (node.kind === 'draft') {
        appId = node.app.app.id;
        releaseId = node.draft.id;
      } else if (node.kind !== 'message') {
        appId = node.app.app.id;
      }
    }
    if (appId === undefined) {
      const picked = await vscode.window.showQuickPick(
        snapshot.apps.filter((app) => app.app.usesReleases).map((app) => ({ label: app.app.label, description: app.draft !== undefined ? `draft ${app.draft.gitTag}` : (app.releases[0]?.gitTag ?? ''), appId: app.app.id })),
        { title: 'Open Release Notes: which app?' },
      );
      appId = picked?.appId;
    }
    if (appId === undefined) {
      return;
    }
    const app = snapshot.apps.find((candidate) => candidate.app.id === appId);
    if (app === undefined || !app.app.usesReleases) {
      void vscode.window.showInformationMessage(`${app?.app.label ?? appId} has no GitHub Releases${app !== undefined && !app.app.usesReleases ? ': it always runs the image tagged latest' : ''}.`);
      return;
    }
    await panels.open(appId, releaseId);
  });
}
