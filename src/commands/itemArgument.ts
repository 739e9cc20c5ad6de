import * as vscode from 'vscode';
import type { DeckNode } from '../ui/tree/nodes';

/** Item commands take the deck node they were run on; run any other way they say where to run them. */
export function nodeArgument(argument: unknown, command: string): DeckNode | undefined {
  if (typeof argument === 'object' && argument !== null && typeof (argument as { kind?: unknown }).kind === 'string') {
    return argument as DeckNode;
  }
  void vscode.window.showInformationMessage(`"${command}" works on an item of the deck: right-click an environment, a release or a deployment in the Release Deck view.`);
  return undefined;
}
