import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';

/**
 * Lets the profile's GitHub host be used, after a modal that names the host and says what it will
 * receive. The answer is remembered for that host (every workspace) until Forget Allowed GitHub Hosts.
 */
export function registerAllowProfileHost(services: WindowServices): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.allowProfileHost, async () => {
    const endpoint = services.endpoints.current;
    if (endpoint.kind !== 'needsApproval') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Release Deck: the profile asks for no GitHub host that needs your permission.'));
      return;
    }
    const allowed = await services.confirmer.ask({
      message: vscode.l10n.t('Let Release Deck connect to {0}?', endpoint.host),
      detail: vscode.l10n.t(
        'This workspace\'s profile asks Release Deck to use the GitHub API at {0}. If you allow it, Release Deck sends requests there, with the token you sign in with for that host, on every refresh and every action (a token kept for another host is never sent to it). Allow it only if you trust this GitHub Enterprise Server: anyone who can change the profile file (a pull request, for example) can name any host. Your answer is remembered for this host; "Release Deck: Forget Allowed GitHub Hosts…" takes it back.',
        endpoint.apiUrl,
      ),
      confirmLabel: vscode.l10n.t('Allow {0}', endpoint.host),
    });
    if (!allowed) {
      services.log.info(`The user did not allow ${endpoint.origin}; Release Deck stays disconnected.`);
      return;
    }
    await services.endpoints.allow(endpoint.origin);
  });
}
