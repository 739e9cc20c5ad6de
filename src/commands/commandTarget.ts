import * as vscode from 'vscode';
import type { DeckSnapshot } from '../domain/snapshot';
import type { Services } from '../services';
import { readCommandArgument, type CommandTarget } from './arguments';

/**
 * Reads a command's argument against the snapshot. Says why (and returns undefined) when it names
 * nothing there; `{ target: undefined }` when nothing was given and the command should ask.
 */
export function readTarget(services: Services, snapshot: DeckSnapshot, argument: unknown, command: string): { readonly target: CommandTarget | undefined } | undefined {
  const read = readCommandArgument(snapshot, argument);
  if (read.kind === 'refused') {
    services.log.warn(`${command} refused what it was given: ${read.reason}`);
    void vscode.window.showWarningMessage(read.reason);
    return undefined;
  }
  return { target: read.kind === 'target' ? read.target : undefined };
}

/** Item commands act on the deck item they were run on; run any other way they say where to run them. */
export function itemTarget(services: Services, argument: unknown, command: string): CommandTarget | undefined {
  const snapshot = services.store.state.snapshot;
  if (snapshot === undefined) {
    void vscode.window.showInformationMessage(`The deck has not loaded yet: sign in and wait for it, then run "${command}" on an item of the deck.`);
    return undefined;
  }
  const read = readTarget(services, snapshot, argument, command);
  if (read !== undefined && read.target === undefined) {
    void vscode.window.showInformationMessage(`"${command}" works on an item of the deck: right-click an environment, a release or a deployment in the Release Deck view.`);
  }
  return read?.target;
}
