import * as vscode from 'vscode';
import type { DeckSnapshot } from '../domain/snapshot';
import type { Services } from '../services';
import { readCommandArgument, type CommandTarget } from './resolveTarget';

/**
 * The start of every command that acts on the deck: the deck must be loaded (else `notLoaded` is said),
 * and what the command was given must be in it (else why not is said). Returns undefined when there is
 * nothing more to do; `target` is undefined when nothing was given and the command should ask.
 */
export function loadedTarget(services: Services, argument: unknown, command: string, notLoaded: string): { readonly snapshot: DeckSnapshot; readonly target: CommandTarget | undefined } | undefined {
  const snapshot = services.store.state.snapshot;
  if (snapshot === undefined) {
    void vscode.window.showInformationMessage(notLoaded);
    return undefined;
  }
  const read = readCommandArgument(snapshot, argument, vscode.l10n);
  if (read.kind === 'refused') {
    services.log.warn(`${command} refused what it was given: ${read.reason}`);
    void vscode.window.showWarningMessage(read.reason);
    return undefined;
  }
  return { snapshot, target: read.kind === 'target' ? read.target : undefined };
}

/** Item commands act on the deck item they were run on; run any other way they say where to run them. */
export function itemTarget(services: Services, argument: unknown, command: string): CommandTarget | undefined {
  const loaded = loadedTarget(services, argument, command, vscode.l10n.t('The deck has not loaded yet: sign in and wait for it, then run "{0}" on an item of the deck.', command));
  if (loaded !== undefined && loaded.target === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" works on an item of the deck: right-click an environment, a release or a deployment in the Release Deck view.', command));
  }
  return loaded?.target;
}
