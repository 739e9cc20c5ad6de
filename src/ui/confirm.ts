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
  private readonly scripts: { answer: ScriptedAnswer | undefined };
  readonly asked: ConfirmRequest[];
  readonly textAsked: Array<{ readonly title: string; readonly prompt: string; readonly value: string }>;

  /** `folder`: the workspace folder the dialogs are about, named first in each (a multi-root workspace showing several). */
  constructor(private readonly mode: vscode.ExtensionMode, private readonly folder?: string, shared?: Confirmer) {
    this.scripts = shared?.scripts ?? { answer: undefined };
    this.asked = shared?.asked ?? [];
    this.textAsked = shared?.textAsked ?? [];
  }

  /** The same confirmations (and their test answers), each naming `folder` first: "shop: Deploy API staging …?". */
  forFolder(folder: string): Confirmer {
    return new Confirmer(this.mode, folder, this);
  }

  private get scripted(): ScriptedAnswer | undefined {
    return this.scripts.answer;
  }

  async ask(asked: ConfirmRequest): Promise<boolean> {
    const request = this.folder !== undefined ? { ...asked, message: `${this.folder}: ${asked.message}` } : asked;
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
  async askText(asked: { readonly title: string; readonly prompt: string; readonly value: string }): Promise<string | undefined> {
    const request = this.folder !== undefined ? { ...asked, title: `${this.folder}: ${asked.title}` } : asked;
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
    this.scripts.answer = answer;
  }
}
