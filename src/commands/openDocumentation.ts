import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { WindowServices } from '../services';
import { openLink } from '../ui/links';

/** The README, written for users first: what a profile describes and how to write one for your own monorepo. */
export const DOCUMENTATION_URL = 'https://github.com/release-deck/release-deck#readme';

/** Opens Release Deck's documentation: what a profile describes and how to write one. */
export function registerOpenDocumentation(services: WindowServices): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openDocumentation, async () => {
    await openLink(DOCUMENTATION_URL, services.log).catch((error: unknown) => {
      services.log.warn(`Not opened: ${DOCUMENTATION_URL}: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
