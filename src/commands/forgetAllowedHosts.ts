import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';

/**
 * Takes back the permission given to GitHub hosts a profile asked for, and deletes the token kept for
 * each. For automation, the origins to forget can be passed as the argument.
 */
export function registerForgetAllowedHosts(services: WindowServices): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.forgetAllowedHosts, async (given?: unknown) => {
    const allowed = services.endpoints.allowedOrigins;
    if (allowed.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Release Deck: no GitHub host is allowed beyond the ones your settings choose.'));
      return;
    }
    const chosen = Array.isArray(given)
      ? given.filter((origin): origin is string => typeof origin === 'string' && allowed.includes(origin))
      : (await vscode.window.showQuickPick(allowed.map((origin) => ({ label: origin, picked: true })), { title: vscode.l10n.t('Forget Allowed GitHub Hosts'), placeHolder: vscode.l10n.t('Hosts a profile may no longer make Release Deck connect to'), canPickMany: true }))?.map((item) => item.label);
    if (chosen === undefined || chosen.length === 0) {
      return;
    }
    for (const origin of chosen) {
      await services.credentials.forgetHost(origin);
    }
    await services.endpoints.forget(chosen);
    void vscode.window.showInformationMessage(
      chosen.length === 1
        ? vscode.l10n.t('Release Deck forgot {0}: it no longer connects there when a profile asks, and the token kept for it was deleted.', chosen.join(', '))
        : vscode.l10n.t('Release Deck forgot {0}: it no longer connects there when a profile asks, and the tokens kept for them were deleted.', chosen.join(', ')),
    );
  });
}
