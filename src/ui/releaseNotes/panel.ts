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
import { releaseNotesCsp, restoredPanel, savedSection } from './panelState';

export const RELEASE_NOTES_VIEW_TYPE = 'releaseDeck.releaseNotes';

/**
 * What the release notes panels need from the rest of the extension, and nothing more. `section`: the
 * deck section (workspace folder's URI) a panel's app belongs to; each panel shows an app of one section.
 */
export interface ReleaseNotesHost {
  /** The deck of a section as it is now, and when any changes. */
  readonly snapshot: (section: string) => DeckSnapshot | undefined;
  readonly onDidChangeDeck: vscode.Event<unknown>;
  /** Whether the section is open (its folder still in the workspace). */
  readonly hasSection: (section: string) => boolean;
  /** The section of panels saved before sections were (the first folder with a profile). */
  readonly primary: () => string | undefined;
  /** The folder's name when the deck shows several sections (the panel's title names it), else undefined. */
  readonly folderName: (section: string) => string | undefined;
  /** The section's profile's apps: a panel restored before the deck has loaded finds its app among them. */
  readonly apps: (section: string) => ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /** Loads the notes of a release of an app (its draft by default) from GitHub. */
  readonly load: (section: string, app: AppDeck, releaseId: number | undefined, publishing: boolean) => Promise<NotesLoad>;
  /** Whether a publish of the app is under way now. */
  readonly isPublishing: (section: string, appId: string) => boolean;
  /**
   * The page's publish intent, handed to the Publish command with what the panel showed of the draft:
   * the command checks GitHub's draft against that, not against the deck (which may be newer).
   */
  readonly publish: (section: string, appId: string, releaseId: number, reviewed: ReviewedDraft) => Thenable<unknown>;
  readonly refresh: (section: string, reason: string) => Promise<void>;
  readonly openLink: (url: string) => Promise<void>;
  readonly log: Log;
  readonly extensionUri: vscode.Uri;
}

interface PanelEntry {
  readonly panel: vscode.WebviewPanel;
  readonly section: string;
  readonly appId: string;
  releaseId: number | undefined;
  view: NotesView | undefined;
  /** The release as read for `view`. */
  reviewed: ReviewedDraft | undefined;
  loading: boolean;
}

/** A panel's key: its section and app (two folders may each have an app "api"). */
const keyOf = (section: string, appId: string): string => JSON.stringify([section, appId]);

/**
 * Release notes panels, one per app of each section, reused when opened again and restored after a window reload. The
 * page gets plain data by message and sends back intents, which are checked here before anything runs.
 */
export class ReleaseNotesPanels extends Disposable {
  private readonly entries = new Map<string, PanelEntry>();

  constructor(private readonly host: ReleaseNotesHost) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(RELEASE_NOTES_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => {
          // A panel saved before sections were, or whose folder is gone, belongs to the first folder with a profile.
          const saved = savedSection(state);
          const section = saved !== undefined && this.host.hasSection(saved) ? saved : this.host.primary();
          const restored = section !== undefined ? restoredPanel(state, panel.title, this.host.apps(section), panelTitle) : undefined;
          if (restored === undefined || section === undefined) {
            panel.dispose();
            return Promise.resolve();
          }
          const { appId, releaseId } = restored;
          this.host.log.info(`Restoring the release notes of ${appId} after a reload.`);
          const entry = this.attach(panel, section, appId, releaseId);
          // Not awaited: the panel must be handed back to the editor before it can receive messages.
          void this.load(entry);
          return Promise.resolve();
        },
      }),
    );
    this.register(
      host.onDidChangeDeck(() => {
        for (const entry of this.entries.values()) {
          if (entry.view === undefined && !entry.loading && this.host.snapshot(entry.section) !== undefined) {
            // Restored before the deck had loaded (e.g. after a window reload): load it now.
            void this.load(entry);
          } else if (entry.view?.draft === true && !this.stillADraft(entry)) {
            // The draft was published (here or elsewhere): show the app's newest state.
            entry.releaseId = undefined;
            void this.load(entry);
          }
        }
      }),
    );
  }

  /** Opens (or reveals) the panel of an app of a section, showing a release (its draft by default). */
  async open(section: string, appId: string, releaseId?: number): Promise<void> {
    const existing = this.entries.get(keyOf(section, appId));
    if (existing !== undefined) {
      existing.releaseId = releaseId ?? existing.releaseId;
      existing.panel.reveal(undefined, false);
      await this.load(existing);
      return;
    }
    const label = this.host.snapshot(section)?.apps.find((app) => app.app.id === appId)?.app.label ?? appId;
    const panel = vscode.window.createWebviewPanel(RELEASE_NOTES_VIEW_TYPE, this.title(section, label), vscode.ViewColumn.Active, this.options());
    await this.load(this.attach(panel, section, appId, releaseId));
  }

  /** The data the panel of an app shows now (for the integration tests), of the first folder with a profile unless `section` says. */
  viewOf(appId: string, section?: string): NotesView | undefined {
    return this.entries.get(keyOf(section ?? this.host.primary() ?? '', appId))?.view;
  }

  /** Integration tests: the page's Publish button for the release the panel of an app shows. */
  async publishShown(appId: string, section?: string): Promise<void> {
    const entry = this.entries.get(keyOf(section ?? this.host.primary() ?? '', appId));
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

  /** "Release Notes · API", and its folder when the deck shows several ("Release Notes · API · shop"). */
  private title(section: string, label: string): string {
    const folder = this.host.folderName(section);
    return folder !== undefined ? `${panelTitle(label)} · ${folder}` : panelTitle(label);
  }

  private attach(panel: vscode.WebviewPanel, section: string, appId: string, releaseId: number | undefined): PanelEntry {
    panel.webview.options = this.options();
    // A tab icon is drawn as an image, where `currentColor` is black: one variant per theme kind keeps it visible.
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'release-deck-tab-light.svg'), dark: vscode.Uri.joinPath(media, 'release-deck-tab-dark.svg') };
    panel.webview.html = this.html(panel.webview, appId, section);
    const entry: PanelEntry = { panel, section, appId, releaseId, view: undefined, reviewed: undefined, loading: false };
    const key = keyOf(section, appId);
    this.entries.set(key, entry);
    // The panel's own listeners live as long as the panel, not as long as this owner.
    const listeners = vscode.Disposable.from(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        void this.receive(entry, message);
      }),
      panel.onDidDispose(() => {
        this.entries.delete(key);
        listeners.dispose();
      }),
    );
    return entry;
  }

  private stillADraft(entry: PanelEntry): boolean {
    const app = this.host.snapshot(entry.section)?.apps.find((candidate) => candidate.app.id === entry.appId);
    return app?.drafts.some((draft) => draft.id === entry.view?.releaseId) ?? true;
  }

  private async load(entry: PanelEntry): Promise<void> {
    const { appId } = entry;
    if (this.entries.get(keyOf(entry.section, appId)) !== entry) {
      return;
    }
    const snapshot = this.host.snapshot(entry.section);
    if (snapshot === undefined) {
      await this.post(entry, { type: 'loading', appLabel: appId, text: loadingText(appId) });
      return;
    }
    const app = snapshot.apps.find((candidate) => candidate.app.id === appId);
    if (app === undefined) {
      await this.post(entry, { type: 'error', message: noNotesFor(appId, vscode.l10n) });
      return;
    }
    entry.panel.title = this.title(entry.section, app.app.label);
    await this.post(entry, { type: 'loading', appLabel: app.app.label, text: loadingText(app.app.label) });
    entry.loading = true;
    try {
      const loaded = await this.host.load(entry.section, app, entry.releaseId, this.host.isPublishing(entry.section, appId));
      if (loaded.ok) {
        entry.view = loaded.view;
        entry.reviewed = loaded.reviewed;
        await this.post(entry, { type: 'notes', view: loaded.view, words: notesWords() });
        return;
      }
      if (loaded.reason === 'failed') {
        this.host.log.error(`Release notes of ${app.app.label}: ${loaded.logged ?? loaded.message}`);
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
        await this.host.refresh(entry.section, 'the release notes asked');
        await this.load(entry);
        return;
      case 'select':
        entry.releaseId = message.releaseId;
        await this.load(entry);
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
        await this.host.publish(entry.section, entry.appId, message.releaseId, entry.reviewed);
        await this.load(entry);
        return;
      }
    }
  }

  private async post(entry: PanelEntry, message: HostMessage): Promise<void> {
    await entry.panel.webview.postMessage(message);
  }

  private html(webview: vscode.Webview, appId: string, section: string): string {
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
  <main id="app" aria-live="polite" data-app-id="${attribute(appId)}" data-section="${attribute(section)}"><p class="muted">${attribute(vscode.l10n.t('Loading the release notes…'))}</p></main>
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
