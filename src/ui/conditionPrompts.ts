import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { Disposable } from '../disposable';
import { executeCommand } from '../executeCommand';
import { untrustedProfileMessage, type Condition } from '../state/conditions';

/** What a prompt said and the buttons it offered, as a person saw them. */
export interface Prompt {
  readonly message: string;
  readonly actions: readonly string[];
}

/** What the prompts showed and the links their buttons opened, oldest first. */
export interface PromptRecord {
  readonly shown: Prompt[];
  readonly opened: string[];
}

/** The steps a prompt's buttons take that are not commands. */
export interface PromptActions {
  /** Opens a link (checked again on the way: https, or http on this machine); never rejects. */
  readonly openLink: (url: string) => Promise<void>;
  /** A new session of the editor's GitHub account, `detail` saying why. */
  readonly newSession: (detail: string) => Promise<void>;
}

/** The buttons, in the editor's display language (read when shown: the language is fixed for a window). */
const AUTHORIZE_SSO = (): string => vscode.l10n.t('Authorize for SSO');
const SIGN_IN_AGAIN = (): string => vscode.l10n.t('Sign In Again');
const SIGN_IN_WITH_TOKEN = (): string => vscode.l10n.t('Sign In with Token…');
const SIGN_IN_WITH_GITHUB = (): string => vscode.l10n.t('Sign In with GitHub');

/** The SSO prompt: the error, then "Authorize for SSO" (when GitHub's link is usable) and a new session. */
export function ssoPrompt(condition: Extract<Condition, { kind: 'ssoAuthorizationNeeded' }>): Prompt {
  return {
    message: `Release Deck: ${condition.reason}`,
    actions: [...(condition.authorizeUrl !== '' ? [AUTHORIZE_SSO()] : []), condition.source === 'session' ? SIGN_IN_AGAIN() : SIGN_IN_WITH_TOKEN()],
  };
}

/** Turns the conditions state reports into messages with the next step as a button. */
export class ConditionPrompts extends Disposable {
  private toldAboutTrust = false;
  /** Under the extension's own tests only: the button prompts are answered with, instead of showing them. */
  private scripted: string | undefined;
  private recording: PromptRecord | undefined;

  constructor(
    sources: readonly vscode.Event<Condition>[],
    private readonly actions: PromptActions,
  ) {
    super();
    for (const source of sources) {
      this.register(
        source((condition) => {
          this.show(condition);
        }),
      );
    }
  }

  private warn(prompt: Prompt): Thenable<string | undefined> {
    this.recording?.shown.push(prompt);
    if (this.scripted !== undefined) {
      return Promise.resolve(this.scripted);
    }
    return vscode.window.showWarningMessage(prompt.message, ...prompt.actions);
  }

  /** From now on keeps the prompts shown and the links opened (the testing API, ExtensionMode.Test only). */
  record(): PromptRecord {
    return (this.recording ??= { shown: [], opened: [] });
  }

  /** Answers every prompt with `choice` until undefined (the testing API, ExtensionMode.Test only). */
  answerForTests(choice: string | undefined): void {
    this.scripted = choice;
  }

  private show(condition: Condition): void {
    switch (condition.kind) {
      case 'signInNeeded':
        void this.warn({ message: `Release Deck: ${condition.reason}`, actions: [SIGN_IN_WITH_GITHUB(), SIGN_IN_WITH_TOKEN()] }).then((choice) => {
          if (choice === SIGN_IN_WITH_GITHUB()) {
            void executeCommand(COMMANDS.signIn);
          } else if (choice !== undefined) {
            void executeCommand(COMMANDS.signInWithToken);
          }
        });
        return;
      case 'ssoAuthorizationNeeded':
        void this.warn(ssoPrompt(condition)).then((choice) => {
          if (choice === AUTHORIZE_SSO()) {
            this.recording?.opened.push(condition.authorizeUrl);
            void this.actions.openLink(condition.authorizeUrl);
          } else if (choice === SIGN_IN_AGAIN()) {
            void this.actions.newSession(condition.reason);
          } else if (choice === SIGN_IN_WITH_TOKEN()) {
            void executeCommand(COMMANDS.signInWithToken);
          }
        });
        return;
      case 'profileIgnoredUntrusted':
        // Said once a session: the log keeps every time the file is ignored.
        if (!this.toldAboutTrust) {
          this.toldAboutTrust = true;
          void this.warn({ message: untrustedProfileMessage(condition.uri), actions: [vscode.l10n.t('Manage Workspace Trust')] }).then((choice) => {
            if (choice !== undefined) {
              void vscode.commands.executeCommand('workbench.trust.manage');
            }
          });
        }
        return;
    }
  }
}
