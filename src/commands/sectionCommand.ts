import * as vscode from 'vscode';
import { chooseSection, type FolderSection } from '../domain/sections';
import type { Services, WindowServices } from '../services';
import { repositoryOf, type Section } from '../state/sections';
import { parseSectionArgument } from './arguments';

/**
 * The one way a command reaches "the" deck in a multi-root workspace: the section its deck item or
 * argument names, else (the palette) the section of the active editor's file, else the only one, else
 * the user picks. `anyFolder`: every folder is a candidate, not only those with a profile (Create Profile).
 */
export async function sectionServices(window: WindowServices, argument: unknown, options: { readonly anyFolder?: boolean } = {}): Promise<Services | undefined> {
  const given = parseSectionArgument(argument);
  if (!given.ok) {
    window.log.warn(`A command refused what it was given: ${given.error}`);
    void vscode.window.showWarningMessage(given.error);
    return undefined;
  }
  const { sections } = window;
  const editor = vscode.window.activeTextEditor;
  const activeFolder = editor !== undefined ? sections.ofUri(editor.document.uri)?.key : undefined;
  // Every folder counts as one that may be chosen: those without a profile too.
  const folders: FolderSection[] = options.anyFolder === true ? sections.folders().map((folder) => ({ ...folder, hasProfile: true })) : sections.folders();
  const choice = chooseSection(vscode.l10n, { folders, given: given.value, activeFolder });
  let key: string | undefined;
  switch (choice.kind) {
    case 'refused':
      window.log.warn(`A command found no section to act on: ${choice.reason}`);
      void vscode.window.showWarningMessage(choice.reason);
      return undefined;
    case 'section':
      key = choice.key;
      break;
    case 'ask':
      key = await pickSection(choice.keys.map((candidate) => sections.byKey(candidate)).filter((section) => section !== undefined));
      break;
  }
  const section = key !== undefined ? sections.byKey(key) : undefined;
  return section !== undefined ? servicesOf(window, section) : undefined;
}

/**
 * The services of one section: the window's, with the section's profile, check, store and view of the
 * operations under way; while the deck shows several folders, its confirmations name the folder first.
 */
export function servicesOf(window: WindowServices, section: Section): Services {
  const several = window.sections.shown.length > 1 && section.name !== '';
  return { ...window, section: section.key, confirmer: several ? window.confirmer.forFolder(section.name) : window.confirmer, profiles: section.profiles, checker: section.checker, store: section.store, inFlight: window.inFlight.inFolder({ key: section.key, name: section.name }) };
}

async function pickSection(sections: readonly Section[]): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    sections.map((section) => ({ label: section.name, description: repositoryOf(section), key: section.key })),
    { title: vscode.l10n.t('Which folder\'s deck?'), placeHolder: vscode.l10n.t('This workspace has several folders: choose the one to act on') },
  );
  return picked?.key;
}


/**
 * Registers a command that acts on one section's deck: `handler` gets that section's services and the
 * command's argument, once the section is known (nothing runs when the user picks none).
 */
export function registerSectionCommand<R>(window: WindowServices, id: string, handler: (services: Services, argument: unknown) => Promise<R> | R, options: { readonly anyFolder?: boolean } = {}): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (argument?: unknown): Promise<R | undefined> => {
    const services = await sectionServices(window, argument, options);
    return services !== undefined ? handler(services, argument) : undefined;
  });
}
