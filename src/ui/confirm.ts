import * as vscode from 'vscode';

export interface ConfirmRequest {
  readonly message: string;
  readonly detail: string;
  readonly confirmLabel: string;
}

/** A scripted answer to a confirmation (tests only). */
export type ScriptedAnswer = boolean | ((request: ConfirmRequest) => Promise<boolean>);

/**
 * Modal confirmations. Every action on production goes through `ask`, which shows a modal dialog. Only
 * when the extension runs under its own integration tests (ExtensionMode.Test) can the tests answer in
 * the person's place; an installed extension always asks the person.
 */
export class Confirmer {
  private scripted: ScriptedAnswer | undefined;
  readonly asked: ConfirmRequest[] = [];
  readonly textAsked: Array<{ readonly title: string; readonly prompt: string; readonly value: string }> = [];

  constructor(private readonly mode: vscode.ExtensionMode) {}

  async ask(request: ConfirmRequest): Promise<boolean> {
    this.asked.push(request);
    if (this.mode === vscode.ExtensionMode.Test && this.scripted !== undefined) {
      return typeof this.scripted === 'boolean' ? this.scripted : this.scripted(request);
    }
    const choice = await vscode.window.showWarningMessage(request.message, { modal: true, detail: request.detail }, request.confirmLabel);
    return choice === request.confirmLabel;
  }

  /**
   * Asks for a line of text (a deployment's reason), offering `value`; undefined when dismissed. Under the
   * extension's tests, while confirmations are scripted, the offered value is taken as the answer.
   */
  async askText(request: { readonly title: string; readonly prompt: string; readonly value: string }): Promise<string | undefined> {
    this.textAsked.push(request);
    if (this.mode === vscode.ExtensionMode.Test && this.scripted !== undefined) {
      return request.value;
    }
    return vscode.window.showInputBox({ ...request, ignoreFocusOut: true });
  }

  /**
   * Tests only: answer every confirmation with `answer` (undefined: show the real dialog again); a
   * function answers after doing what someone else does on GitHub while the dialog is open.
   */
  answerForTests(answer: ScriptedAnswer | undefined): void {
    if (this.mode !== vscode.ExtensionMode.Test) {
      throw new Error('Confirmations can only be scripted under the extension\'s own tests.');
    }
    this.scripted = answer;
  }
}
