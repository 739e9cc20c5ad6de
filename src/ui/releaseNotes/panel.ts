import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Disposable } from '../../disposable';
import type { AppDeck, DeckSnapshot } from '../../domain/snapshot';
import { noNotesFor, type NotesView } from '../../domain/releaseNotes';
import type { ReviewedDraft } from '../../domain/reviewedDraft';
import type { Log } from '../../log';
import type { NotesLoad } from '../../state/releaseNotes';
import { parsePageMessage, type HostMessage } from './messages';
import { loadingText, notesWords, panelTitle } from './notesWords';
import { releaseNotesCsp, restoredPanel } from './panelState';

export const RELEASE_NOTES_VIEW_TYPE = 'releaseDeck.releaseNotes';

/** What the release notes panels need from the rest of the extension, and nothing more. */
export interface ReleaseNotesHost {
  /** The deck as it is now, and when it changes. */
  readonly snapshot: () => DeckSnapshot | undefined;
  readonly onDidChangeDeck: vscode.Event<unknown>;
  /** The profile's apps: a panel restored before the deck has loaded finds its app among them. */
  readonly apps: () => ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /** Loads the notes of a release of an app (its draft by default) from GitHub. */
  readonly load: (app: AppDeck, releaseId: number | undefined, publishing: boolean) => Promise<NotesLoad>;
  /** Whether a publish of the app is under way now. */
  readonly isPublishing: (appId: string) => boolean;
  /**
   * The page's publish intent, handed to the Publish command with what the panel showed of the draft:
   * the command checks GitHub's draft against that, not against the deck (which may be newer).
   */
  readonly publish: (appId: string, releaseId: number, reviewed: ReviewedDraft) => Thenable<unknown>;
  readonly refresh: (reason: string) => Promise<void>;
  readonly openLink: (url: string) => Promise<void>;
  readonly log: Log;
  readonly extensionUri: vscode.Uri;
}

interface PanelEntry {
  readonly panel: vscode.WebviewPanel;
  readonly appId: string;
  releaseId: number | undefined;
  view: NotesView | undefined;
  /** The release as read for `view`. */
  reviewed: ReviewedDraft | undefined;
  loading: boolean;
}

/**
 * Release notes panels, one per app, reused when opened again and restored after a window reload. The
 * page gets plain data by message and sends back intents, which are checked here before anything runs.
 */
export class ReleaseNotesPanels extends Disposable {
  private readonly entries = new Map<string, PanelEntry>();

  constructor(private readonly host: ReleaseNotesHost) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(RELEASE_NOTES_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => {
          const restored = restoredPanel(state, panel.title, this.host.apps(), panelTitle);
          if (restored === undefined) {
            panel.dispose();
            return Promise.resolve();
          }
          const { appId, releaseId } = restored;
          this.host.log.info(`Restoring the release notes of ${appId} after a reload.`);
          this.attach(panel, appId, releaseId);
          // Not awaited: the panel must be handed back to the editor before it can receive messages.
          void this.load(appId);
          return Promise.resolve();
        },
      }),
    );
    this.register(
      host.onDidChangeDeck(() => {
        for (const entry of this.entries.values()) {
          if (entry.view === undefined && !entry.loading && this.host.snapshot() !== undefined) {
            // Restored before the deck had loaded (e.g. after a window reload): load it now.
            void this.load(entry.appId);
          } else if (entry.view?.draft === true && !this.stillADraft(entry)) {
            // The draft was published (here or elsewhere): show the app's newest state.
            entry.releaseId = undefined;
            void this.load(entry.appId);
          }
        }
      }),
    );
  }

  /** Opens (or reveals) the panel of an app, showing a release (its draft by default). */
  async open(appId: string, releaseId?: number): Promise<void> {
    const existing = this.entries.get(appId);
    if (existing !== undefined) {
      existing.releaseId = releaseId ?? existing.releaseId;
      existing.panel.reveal(undefined, false);
      await this.load(appId);
      return;
    }
    const label = this.host.snapshot()?.apps.find((app) => app.app.id === appId)?.app.label ?? appId;
    const panel = vscode.window.createWebviewPanel(RELEASE_NOTES_VIEW_TYPE, panelTitle(label), vscode.ViewColumn.Active, this.options());
    this.attach(panel, appId, releaseId);
    await this.load(appId);
  }

  /** The data the panel of an app shows now (for the integration tests and the status bar). */
  viewOf(appId: string): NotesView | undefined {
    return this.entries.get(appId)?.view;
  }

  /** Integration tests: the page's Publish button for the release the panel of an app shows. */
  async publishShown(appId: string): Promise<void> {
    const entry = this.entries.get(appId);
    if (entry?.view !== undefined) {
      await this.receive(entry, { type: 'publish', releaseId: entry.view.releaseId });
    }
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    const extensionUri = this.host.extensionUri;
    return {
      enableScripts: true,
      enableForms: false,
      retainContextWhenHidden: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel, appId: string, releaseId: number | undefined): void {
    panel.webview.options = this.options();
    // A tab icon is drawn as an image, where `currentColor` is black: one variant per theme kind keeps it visible.
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'release-deck-tab-light.svg'), dark: vscode.Uri.joinPath(media, 'release-deck-tab-dark.svg') };
    panel.webview.html = this.html(panel.webview, appId);
    const entry: PanelEntry = { panel, appId, releaseId, view: undefined, reviewed: undefined, loading: false };
    this.entries.set(appId, entry);
    // The panel's own listeners live as long as the panel, not as long as this owner.
    const listeners = vscode.Disposable.from(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        void this.receive(entry, message);
      }),
      panel.onDidDispose(() => {
        this.entries.delete(appId);
        listeners.dispose();
      }),
    );
  }

  private stillADraft(entry: PanelEntry): boolean {
    const app = this.host.snapshot()?.apps.find((candidate) => candidate.app.id === entry.appId);
    return app?.drafts.some((draft) => draft.id === entry.view?.releaseId) ?? true;
  }

  private async load(appId: string): Promise<void> {
    const entry = this.entries.get(appId);
    if (entry === undefined) {
      return;
    }
    const snapshot = this.host.snapshot();
    if (snapshot === undefined) {
      await this.post(entry, { type: 'loading', appLabel: appId, text: loadingText(appId) });
      return;
    }
    const app = snapshot.apps.find((candidate) => candidate.app.id === appId);
    if (app === undefined) {
      await this.post(entry, { type: 'error', message: noNotesFor(appId) });
      return;
    }
    entry.panel.title = panelTitle(app.app.label);
    await this.post(entry, { type: 'loading', appLabel: app.app.label, text: loadingText(app.app.label) });
    entry.loading = true;
    try {
      const loaded = await this.host.load(app, entry.releaseId, this.host.isPublishing(appId));
      if (loaded.ok) {
        entry.view = loaded.view;
        entry.reviewed = loaded.reviewed;
        await this.post(entry, { type: 'notes', view: loaded.view, words: notesWords() });
        return;
      }
      if (loaded.reason === 'failed') {
        this.host.log.error(`Release notes of ${app.app.label}: ${loaded.message}`);
      }
      await this.post(entry, { type: 'error', message: loaded.message });
    } finally {
      entry.loading = false;
    }
  }

  private async receive(entry: PanelEntry, raw: unknown): Promise<void> {
    const message = parsePageMessage(raw);
    if (message === undefined) {
      this.host.log.warn(`Ignored an unknown message from the release notes of ${entry.appId}: ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        if (entry.view !== undefined) {
          await this.post(entry, { type: 'notes', view: entry.view, words: notesWords() });
        }
        return;
      case 'refresh':
        await this.host.refresh('the release notes asked');
        await this.load(entry.appId);
        return;
      case 'select':
        entry.releaseId = message.releaseId;
        await this.load(entry.appId);
        return;
      case 'openExternal':
        await this.host.openLink(message.url);
        return;
      case 'publish': {
        // The page may only publish the draft it shows; the command checks GitHub's draft against what it showed.
        if (entry.view === undefined || entry.reviewed === undefined || !entry.view.draft || entry.view.releaseId !== message.releaseId) {
          this.host.log.warn(`Refused a publish request from the release notes of ${entry.appId} for release ${message.releaseId}, which the panel does not show as a draft.`);
          return;
        }
        await this.host.publish(entry.appId, message.releaseId, entry.reviewed);
        await this.load(entry.appId);
        return;
      }
    }
  }

  private async post(entry: PanelEntry, message: HostMessage): Promise<void> {
    await entry.panel.webview.postMessage(message);
  }

  private html(webview: vscode.Webview, appId: string): string {
    const nonce = randomBytes(16).toString('base64');
    const extensionUri = this.host.extensionUri;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'releaseNotes.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'releaseNotes.css'));
    const csp = releaseNotesCsp(webview.cspSource, nonce);
    return `<!DOCTYPE html>
<html lang="${attribute(vscode.env.language)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${style.toString()}">
  <title>${attribute(vscode.l10n.t('Release Notes'))}</title>
</head>
<body>
  <main id="app" aria-live="polite" data-app-id="${attribute(appId)}"><p class="muted">${attribute(vscode.l10n.t('Loading the release notes…'))}</p></main>
  <script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  override dispose(): void {
    for (const entry of this.entries.values()) {
      entry.panel.dispose();
    }
    super.dispose();
  }
}

/** Text for an HTML attribute or element, its markup characters escaped. */
function attribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
