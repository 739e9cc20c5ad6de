import * as vscode from 'vscode';
import type { Log } from '../log';
import { isSafeLink } from './presentation';

/**
 * Opens a link in the browser, only when it is https (or http on this machine). Its host is not checked here
 * (links from GitHub's answers were kept only on the GitHub web host before they were shown; a profile's
 * and a release's notes' links may go anywhere): VS Code's link protection asks before an untrusted domain.
 */
export async function openLink(url: string, log: Log): Promise<void> {
  if (url === '') {
    void vscode.window.showWarningMessage(vscode.l10n.t("Release Deck has no link to open here: the one in GitHub's answer was not an https link on the GitHub host in use, so it was left out."));
    return;
  }
  if (!isSafeLink(url)) {
    log.warn(`Refused to open a link that is not https: ${url}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Release Deck opens only https links; this one was refused: {0}', url.slice(0, 120)));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}
