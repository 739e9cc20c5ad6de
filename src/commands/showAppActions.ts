import * as vscode from 'vscode';
import { COMMANDS, VIEW_ID } from '../commandIds';
import { productionOf, type AppDeck } from '../domain/snapshot';
import { executeCommand } from '../executeCommand';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { appOfActiveEditor } from '../ui/statusBar';
import { loadedTarget } from './commandTarget';

interface ActionItem extends vscode.QuickPickItem {
  readonly run: () => Thenable<unknown>;
}

/** The actions of one app, from the status bar (or the palette: the app of the open file, or a pick). */
export function registerShowAppActions(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.showAppActions, async (services, argument) => {
    const read = loadedTarget(services, argument, vscode.l10n.t('Show App Actions'), vscode.l10n.t('The deck has not loaded yet: sign in, or wait for the refresh to finish.'));
    if (read === undefined) {
      return;
    }
    const { snapshot } = read;
    let app: AppDeck | undefined = read.target?.app ?? appOfActiveEditor(services.profiles, services.store);
    if (app === undefined) {
      app = (await vscode.window.showQuickPick(snapshot.apps.map((candidate) => ({ label: candidate.app.label, app: candidate })), { title: vscode.l10n.t('Release Deck: choose an app') }))?.app;
    }
    if (app === undefined) {
      return;
    }
    const items: ActionItem[] = [];
    const id = app.app.id;
    if (app.app.usesReleases) {
      items.push({ label: '$(book) Open Release Notes', description: app.draft?.gitTag ?? app.releases[0]?.gitTag ?? '', run: () => executeCommand(COMMANDS.openReleaseNotes, id) });
    }
    if (app.draft !== undefined) {
      items.push({ label: '$(rocket) Publish GitHub Release…', description: app.draft.gitTag, run: () => executeCommand(COMMANDS.publishRelease, { appId: id }) });
    }
    for (const environment of app.environments) {
      const item = { appId: id, environmentId: environment.environment.id };
      const label = environment.environment.label;
      if (environment.running?.imageTag !== undefined) {
        items.push({ label: vscode.l10n.t('$(copy) Copy the image tag of {0}', label), description: environment.running.imageTag, run: () => executeCommand(COMMANDS.copyImageTag, item) });
      }
      if (environment.environment.versionUrl !== undefined) {
        items.push({ label: vscode.l10n.t('$(globe) Open /version of {0}', label), description: environment.environment.versionUrl, run: () => executeCommand(COMMANDS.openVersionEndpoint, item) });
      }
      const run = environment.activeDeployment ?? environment.lastDeployment;
      if (run !== undefined) {
        items.push({ label: vscode.l10n.t('$(github-action) Open the deployment run of {0}', label), description: run.title, run: () => executeCommand(COMMANDS.openRun, item) });
      }
    }
    const production = productionOf(app);
    if (production?.running?.release !== undefined) {
      items.push({ label: '$(tag) Open the GitHub Release running in production', description: production.running.release.gitTag, run: () => executeCommand(COMMANDS.openRelease, { appId: id, environmentId: production.environment.id }) });
    }
    items.push(
      { label: vscode.l10n.t('$(list-tree) Show in the deck'), run: () => vscode.commands.executeCommand(`${VIEW_ID}.focus`) },
      { label: '$(refresh) Refresh', run: () => executeCommand(COMMANDS.refresh) },
    );
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Release Deck: {0}', app.app.label), placeHolder: vscode.l10n.t('Choose an action') });
    if (picked !== undefined) {
      await picked.run();
    }
  });
}
