import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { Disposable } from '../disposable';
import { productionOf, type AppDeck, type EnvironmentDeck } from '../domain/snapshot';
import { appOfPath } from '../domain/profileQueries';
import { readSettings } from '../config';
import type { DeckStore } from '../state/deckStore';
import type { ProfileSource } from '../state/profileSource';
import type { Section, Sections } from '../state/sections';
import { md, runningLabel, stateWords } from './presentation';

/** The app that owns the file in the active editor, by the profile's source folders. */
export function appOfActiveEditor(profiles: ProfileSource, store: DeckStore): AppDeck | undefined {
  const profile = profiles.profile;
  const editor = vscode.window.activeTextEditor;
  const snapshot = store.state.snapshot;
  if (profile === undefined || editor === undefined || snapshot === undefined) {
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  // Only a file of the profile's own folder (in a multi-root workspace each folder has its own profile).
  if (folder === undefined || (profiles.folder !== undefined && folder.uri.toString() !== profiles.folder.uri.toString())) {
    return undefined;
  }
  const relative = vscode.workspace.asRelativePath(editor.document.uri, false);
  const app = appOfPath(profile, relative);
  return app !== undefined ? snapshot.apps.find((candidate) => candidate.app.id === app.id) : undefined;
}

/**
 * Shows the production image tag of the app of the file being edited, in the section of the file's folder. It depends on the active file, so it sits
 * on the right, with the editor's other file-contextual items (VS Code's status bar UX guidelines); details are in
 * its tooltip.
 */
export class StatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('releaseDeck.production', vscode.StatusBarAlignment.Right, 120));

  constructor(private readonly sections: Sections) {
    super();
    this.item.name = vscode.l10n.t('Release Deck: production version');
    for (const event of [sections.onDidChangeState, sections.onDidChange]) {
      this.register(
        event(() => {
          this.update();
        }),
      );
    }
    this.register(
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.update();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('releaseDeck.statusBar.enabled')) {
          this.update();
        }
      }),
    );
    this.update();
  }

  /** What the item shows, or undefined while it is hidden. */
  get text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  private shown = false;

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const section = editor !== undefined ? this.sections.ofUri(editor.document.uri) : undefined;
    const app = readSettings().statusBarEnabled && section !== undefined ? appOfActiveEditor(section.profiles, section.store) : undefined;
    const production = app !== undefined ? (productionOf(app) ?? app.environments[0]) : undefined;
    // Only the section it shows keeps polling for it.
    for (const other of this.sections.all) {
      if (other !== section || production === undefined) {
        other.store.setVisible('statusBar', false);
      }
    }
    if (section === undefined || app === undefined || production === undefined) {
      this.item.hide();
      this.shown = false;
      return;
    }
    this.show(section, app, production);
  }

  private show(section: Section, app: AppDeck, production: EnvironmentDeck): void {
    const running = production.state === 'alwaysLatest' ? vscode.l10n.t('latest') : (runningLabel(production)?.split(' ')[0] ?? vscode.l10n.t('unknown'));
    const attention = production.state === 'behind' || production.state === 'failed';
    this.item.text = `$(${production.state === 'deploying' ? 'sync~spin' : production.state === 'awaitingReview' ? 'eye' : attention ? 'warning' : 'server-environment'}) ${app.app.label}: ${running}`;
    this.item.backgroundColor = attention ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(vscode.l10n.t('**{0}** — what runs where', md(app.app.label)) + '\n\n');
    for (const environment of app.environments) {
      tooltip.appendMarkdown(`- ${md(environment.environment.label)}: ${md(runningLabel(environment) ?? vscode.l10n.t('unknown'))} (${md(stateWords(environment))})\n`);
    }
    tooltip.appendMarkdown(`\n${vscode.l10n.t("Click for this app's actions.")}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('{0} production runs {1}, {2}', app.app.label, running, stateWords(production)) };
    this.item.command = { command: COMMANDS.showAppActions, title: vscode.l10n.t('Release Deck actions'), arguments: [{ appId: app.app.id, section: section.key }] };
    this.item.show();
    this.shown = true;
    section.store.setVisible('statusBar', true);
  }

}
