import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { Disposable } from '../disposable';
import { executeCommand } from '../executeCommand';
import { untrustedProfileMessage, type Condition } from '../state/conditions';

/** Turns the conditions state reports into messages with the next step as a button. */
export class ConditionPrompts extends Disposable {
  private toldAboutTrust = false;

  constructor(sources: readonly vscode.Event<Condition>[]) {
    super();
    for (const source of sources) {
      this.register(
        source((condition) => {
          this.show(condition);
        }),
      );
    }
  }

  private show(condition: Condition): void {
    switch (condition.kind) {
      case 'signInNeeded':
        void vscode.window.showWarningMessage(`Release Deck: ${condition.reason}`, 'Sign In with GitHub', 'Sign In with Token…').then((choice) => {
          if (choice === 'Sign In with GitHub') {
            void executeCommand(COMMANDS.signIn);
          } else if (choice !== undefined) {
            void executeCommand(COMMANDS.signInWithToken);
          }
        });
        return;
      case 'profileIgnoredUntrusted':
        // Said once a session: the log keeps every time the file is ignored.
        if (!this.toldAboutTrust) {
          this.toldAboutTrust = true;
          void vscode.window.showWarningMessage(untrustedProfileMessage(condition.uri), 'Manage Workspace Trust').then((choice) => {
            if (choice !== undefined) {
              void vscode.commands.executeCommand('workbench.trust.manage');
            }
          });
        }
        return;
    }
  }
}
