import * as vscode from 'vscode';
import { Disposable } from '../disposable';

export const LOG_SCHEME = 'release-deck-log';

/**
 * Read-only editor tabs for failure logs (`release-deck-log:` documents: the editor offers no save or edit
 * for a content provider's scheme). The text is kept in memory for the last few tabs only.
 */
export class LogDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private static readonly KEPT = 10;
  private readonly texts = new Map<string, string>();
  private counter = 0;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This log is no longer kept: run "Show Failure…" again.');
  }

  /** Opens `text` in a read-only tab whose name is `title`. */
  async open(title: string, text: string): Promise<vscode.TextDocument> {
    this.counter += 1;
    const uri = vscode.Uri.from({ scheme: LOG_SCHEME, path: `/${title}.log`, query: String(this.counter) });
    this.texts.set(uri.toString(), text);
    while (this.texts.size > LogDocuments.KEPT) {
      const oldest = this.texts.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.texts.delete(oldest);
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }
}
