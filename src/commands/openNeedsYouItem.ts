import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { readSettings } from '../config';
import { needsYou } from '../domain/needsYou';
import type { WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { openLink } from '../ui/links';

/**
 * Opens on GitHub what a Needs You entry is about (a changelog pull request, a run, a draft). Only the
 * entry's id is read from the argument; the link comes from the latest snapshot.
 */
export function registerOpenNeedsYouItem(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.openNeedsYouItem, async (services, argument) => {
    const id = entryId(argument);
    const snapshot = services.store.state.snapshot;
    if (id === undefined || snapshot === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('"Open on GitHub" works on an item of the Needs You view.'));
      return;
    }
    const entry = needsYou(snapshot, { draftAgeDays: readSettings().needsYouDraftAgeDays }).find((candidate) => candidate.id === id);
    if (entry === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('That item no longer needs you (the last refresh no longer lists it).'));
      return;
    }
    await openLink(entry.url, services.log);
  });
}

/** The `entry.id` of a Needs You node, read as own data properties only. */
function entryId(argument: unknown): string | undefined {
  const own = (value: unknown, key: string): unknown => {
    if (typeof value !== 'object' || value === null) {
      return undefined;
    }
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
  };
  const id = own(own(argument, 'entry'), 'id');
  return typeof id === 'string' && id.length <= 300 ? id : undefined;
}
