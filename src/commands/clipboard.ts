import * as vscode from 'vscode';
import type { Services } from '../services';

/**
 * Copies `text` for a copy command: logged (in English) as `what`, confirmed for a moment in the status bar as
 * `shown`. When there is nothing to copy, says `missing` (unless the command had no item at all).
 */
export async function copyForItem(services: Services, text: string | undefined, hadItem: boolean, wording: { what: string; shown: (text: string) => string; missing: string }): Promise<void> {
  if (text === undefined) {
    if (hadItem) {
      void vscode.window.showInformationMessage(wording.missing);
    }
    return;
  }
  await vscode.env.clipboard.writeText(text);
  services.log.info(`Copied ${wording.what} ${text}.`);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', wording.shown(text)), 3000);
}
