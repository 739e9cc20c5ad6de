import * as vscode from 'vscode';
import { COMMANDS, VIEW_ID } from '../commandIds';
import { productionOf, type AppDeck } from '../domain/snapshot';
import type { Services } from '../services';
import { appOfActiveEditor } from '../ui/statusBar';
import type { DeckNode } from '../ui/tree/nodes';

interface ActionItem extends vscode.QuickPickItem {
  readonly run: () => Thenable<unknown>;
}

/** The actions of one app, from the status bar (or the palette: the app of the open file, or a pick). */
export function registerShowAppActions(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.showAppActions, async (appId?: unknown) => {
    const snapshot = services.store.state.snapshot;
    if (snapshot === undefined) {
      void vscode.window.showInformationMessage('The deck has not loaded yet: sign in, or wait for the refresh to finish.');
      return;
    }
    let app: AppDeck | undefined = typeof appId === 'string' ? snapshot.apps.find((candidate) => candidate.app.id === appId) : appOfActiveEditor(services.profiles, services.store);
    if (app === undefined) {
      app = (await vscode.window.showQuickPick(snapshot.apps.map((candidate) => ({ label: candidate.app.label, app: candidate })), { title: 'Release Deck: choose an app' }))?.app;
    }
    if (app === undefined) {
      return;
    }
    const items: ActionItem[] = [];
    const id = app.app.id;
    if (app.app.usesReleases) {
      items.push({ label: '$(book) Open Release Notes', description: app.draft?.gitTag ?? app.releases[0]?.gitTag ?? '', run: () => vscode.commands.executeCommand(COMMANDS.openReleaseNotes, id) });
    }
    if (app.draft !== undefined) {
      items.push({ label: '$(rocket) Publish GitHub Release…', description: app.draft.gitTag, run: () => vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: id }) });
    }
    for (const environment of app.environments) {
      const node: DeckNode = { kind: 'environment', app, environment };
      const label = environment.environment.label;
      if (environment.running?.imageTag !== undefined) {
        items.push({ label: `$(copy) Copy ${label} image tag`, description: environment.running.imageTag, run: () => vscode.commands.executeCommand(COMMANDS.copyImageTag, node) });
      }
      if (environment.environment.versionUrl !== undefined) {
        items.push({ label: `$(globe) Open ${label} /version`, description: environment.environment.versionUrl, run: () => vscode.commands.executeCommand(COMMANDS.openVersionEndpoint, node) });
      }
      const run = environment.activeDeployment ?? environment.lastDeployment;
      if (run !== undefined) {
        items.push({ label: `$(github-action) Open ${label} deployment run`, description: run.title, run: () => vscode.commands.executeCommand(COMMANDS.openRun, node) });
      }
    }
    const production = productionOf(app);
    if (production?.running?.release !== undefined) {
      items.push({ label: '$(tag) Open the GitHub Release running in production', description: production.running.release.gitTag, run: () => vscode.commands.executeCommand(COMMANDS.openRelease, { kind: 'environment', app, environment: production }) });
    }
    items.push(
      { label: '$(list-tree) Show in the deck', run: () => vscode.commands.executeCommand(`${VIEW_ID}.focus`) },
      { label: '$(refresh) Refresh', run: () => vscode.commands.executeCommand(COMMANDS.refresh) },
    );
    const picked = await vscode.window.showQuickPick(items, { title: `Release Deck: ${app.app.label}`, placeHolder: 'Choose an action' });
    if (picked !== undefined) {
      await picked.run();
    }
  });
}
