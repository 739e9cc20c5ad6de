import * as vscode from 'vscode';
import type { Log } from '../log';
import { isSafeLink } from './presentation';

/** Opens a link in the browser, only when it is https (or http on this machine). */
export async function openLink(url: string, log: Log): Promise<void> {
  if (!isSafeLink(url)) {
    log.warn(`Refused to open a link that is not https: ${url}`);
    void vscode.window.showErrorMessage(`Release Deck opens only https links; this one was refused: ${url.slice(0, 120)}`);
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}
