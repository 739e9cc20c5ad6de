import * as vscode from 'vscode';
import type { CommandArguments } from './commandIds';

/** Runs one of Release Deck's commands with the arguments its entry in `CommandArguments` allows. */
export function executeCommand<K extends keyof CommandArguments>(id: K, ...args: CommandArguments[K]): Thenable<unknown> {
  return vscode.commands.executeCommand(id, ...args);
}
