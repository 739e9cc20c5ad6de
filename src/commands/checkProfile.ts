import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { checkSummaryMessage } from '../domain/profileCheck';
import { executeCommand } from '../executeCommand';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';

/** Checks the profile file against GitHub and the /version endpoints now, and says what it found. */
export function registerCheckProfile(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.checkProfile, async (services) => {
    await services.profiles.reload();
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking the Release Deck profile…') }, () => services.checker.check());
    switch (outcome.kind) {
      case 'noFile': {
        const create = vscode.l10n.t('Create Profile…');
        // Not awaited: the command ends when the check does, whatever the person does with the message.
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no profile file to check: the built-in Openverse profile is in use. Create a profile for your own repository first.'), create).then((choice) => (choice === create ? executeCommand(COMMANDS.createProfile) : undefined));
        return;
      }
      case 'broken':
        void vscode.window.showWarningMessage(vscode.l10n.t('The profile file has problems of its own (listed in the Problems panel); correct them, then check it against GitHub.'));
        return;
      case 'signedOut': {
        const signIn = vscode.l10n.t('Sign In with GitHub');
        void vscode.window.showInformationMessage(vscode.l10n.t("Checking the profile reads its repositories and workflows on GitHub: sign in first (or allow the profile's GitHub host)."), signIn).then((choice) => (choice === signIn ? executeCommand(COMMANDS.signIn) : undefined));
        return;
      }
      case 'checked': {
        const summary = checkSummaryMessage(outcome.findings, outcome.checked, vscode.l10n);
        const show = vscode.l10n.t('Show Problems');
        if (!summary.problems && outcome.findings.length === 0) {
          void vscode.window.showInformationMessage(summary.text);
          return;
        }
        void (summary.problems ? vscode.window.showWarningMessage(summary.text, show) : vscode.window.showInformationMessage(summary.text, show)).then(async (choice) => {
          if (choice === show) {
            await vscode.window.showTextDocument(outcome.uri);
            await vscode.commands.executeCommand('workbench.actions.view.problems');
          }
        });
        return;
      }
    }
  });
}
