import type { L10n } from './l10n';

/**
 * Multi-root workspaces: one section of the deck per workspace folder that has a profile. Which folders
 * get a section, and which section a command acts on, decided here in plain data (no vscode).
 */

/** A workspace folder as the sections see it: its key (the folder's URI), its name, and whether it has a profile. */
export interface FolderSection {
  readonly key: string;
  readonly name: string;
  /** A profile is in force (its file, or the built-in Openverse one) or its file is broken (its problems are shown). */
  readonly hasProfile: boolean;
}

/** The sections the deck shows: the folders that have a profile, in the workspace's order. */
export function shownSections<T extends FolderSection>(folders: readonly T[]): T[] {
  return folders.filter((folder) => folder.hasProfile);
}

/**
 * The section whose state the view as a whole reflects (its welcome content, its context keys, the
 * single-deck layout): the first folder with a profile, else the first folder (the welcome view offers
 * to create one there).
 */
export function primarySection<T extends FolderSection>(folders: readonly T[]): T | undefined {
  return shownSections(folders)[0] ?? folders[0];
}

/** Which section a command acts on: one, a choice to put to the user, or why none. */
export type SectionChoice = { readonly kind: 'section'; readonly key: string } | { readonly kind: 'ask'; readonly keys: readonly string[] } | { readonly kind: 'refused'; readonly reason: string };

/**
 * `given`: the section a deck item or argument names (wins, if it is still open); `activeFolder`: the
 * folder of the active editor's file. Without either, a single section is the one; with several, the
 * active file's section, else the user chooses. With none shown, the primary folder (the welcome view's).
 */
export function chooseSection(l10n: L10n, input: { readonly folders: readonly FolderSection[]; readonly given?: string | undefined; readonly activeFolder?: string | undefined }): SectionChoice {
  const { folders } = input;
  if (input.given !== undefined) {
    return folders.some((folder) => folder.key === input.given)
      ? { kind: 'section', key: input.given }
      : { kind: 'refused', reason: l10n.t('That item belongs to a folder that is no longer open in this workspace. Refresh the deck and look again.') };
  }
  const shown = shownSections(folders);
  if (shown.length === 0) {
    const primary = primarySection(folders);
    return primary !== undefined ? { kind: 'section', key: primary.key } : { kind: 'refused', reason: l10n.t('No folder is open, so there is no deck to act on.') };
  }
  if (shown.length === 1) {
    return { kind: 'section', key: shown[0]?.key ?? '' };
  }
  const active = shown.find((folder) => folder.key === input.activeFolder);
  return active !== undefined ? { kind: 'section', key: active.key } : { kind: 'ask', keys: shown.map((folder) => folder.key) };
}
