import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { enterpriseUriNaming } from '../domain/endpoint';
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
    const stillNamed = await offerToClearEnterpriseUri(services, chosen);
    await services.endpoints.forget(chosen);
    if (stillNamed !== undefined) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Release Deck forgot {0} and deleted the tokens kept there, but your setting github-enterprise.uri still names {1}: Release Deck still connects there when a profile asks for it, as to your own GitHub Enterprise server. Clear that setting to stop it.', chosen.join(', '), stillNamed),
      );
      return;
    }
    void vscode.window.showInformationMessage(
      chosen.length === 1
        ? vscode.l10n.t('Release Deck forgot {0}: it no longer connects there when a profile asks, and the token kept for it was deleted.', chosen.join(', '))
        : vscode.l10n.t('Release Deck forgot {0}: it no longer connects there when a profile asks, and the tokens kept for them were deleted.', chosen.join(', ')),
    );
  });
}

/**
 * When the user's github-enterprise.uri names a forgotten host (Release Deck sets it when the user signs in there with
 * the editor's account), that host is still connected to as the user's own server: offers to clear it. The host still
 * named when the user keeps it, else undefined.
 */
async function offerToClearEnterpriseUri(services: WindowServices, forgotten: readonly string[]): Promise<string | undefined> {
  const settings = vscode.workspace.getConfiguration('github-enterprise');
  const named = enterpriseUriNaming(settings.inspect<string>('uri')?.globalValue, forgotten);
  if (named === undefined) {
    return undefined;
  }
  const clear = await services.confirmer.ask({
    message: vscode.l10n.t('Also clear your setting github-enterprise.uri, which names {0}?', named),
    detail: vscode.l10n.t(
      "Your setting github-enterprise.uri names {0} (Release Deck sets it when you sign in there with the editor's GitHub Enterprise account). While it does, Release Deck connects to {0} whenever a profile asks for it, allowed or not. Clearing it also ends VS Code's GitHub Enterprise sign-in for that server.",
      named,
    ),
    confirmLabel: vscode.l10n.t('Clear the Setting'),
  });
  if (!clear) {
    return named;
  }
  await settings.update('uri', undefined, vscode.ConfigurationTarget.Global);
  services.log.info(`Cleared github-enterprise.uri, which named ${named}, a forgotten host.`);
  return undefined;
}
