import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { Profile } from '../domain/profileTypes';
import { primarySection, shownSections, type FolderSection } from '../domain/sections';
import type { Log } from '../log';
import type { Condition } from './conditions';
import type { DeckState, DeckStore } from './deckStore';
import type { ProfileChecker } from './profileChecker';
import { ProfileSource } from './profileSource';

/** One workspace folder's deck: its profile, its check, its store. */
export interface Section {
  /** The folder's URI as a string ('' in a window without folders): what deck items and arguments carry. */
  readonly key: string;
  readonly name: string;
  readonly folder: vscode.WorkspaceFolder | undefined;
  readonly profiles: ProfileSource;
  readonly checker: ProfileChecker;
  readonly store: DeckStore;
}

/** What a section's deck is made of, given its profile source (the composition root builds it). */
export type DeckFactory = (profiles: ProfileSource) => { readonly store: DeckStore; readonly checker: ProfileChecker };

/**
 * The sections of a multi-root workspace: one per workspace folder (one for a window without folders),
 * made and disposed of as folders are added and removed. The deck shows those with a profile
 * (src/domain/sections.ts); a workspace with one folder is today's single deck.
 */
export class Sections extends Disposable {
  private sections: Array<Section & { readonly owned: vscode.Disposable }> = [];
  private factory: DeckFactory | undefined;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Sections added or removed, or a section's profile changed (whether it is shown may have). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly stateEmitter = this.register(new vscode.EventEmitter<DeckState>());
  /** Any section's store changed. */
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly conditionEmitter = this.register(new vscode.EventEmitter<Condition>());
  /** The conditions of every section's profile and store (ui/conditionPrompts.ts says them). */
  readonly onCondition = this.conditionEmitter.event;

  constructor(private readonly log: Log, private readonly memento: vscode.Memento) {
    super();
    this.register({ dispose: () => { this.close(this.sections.splice(0)); } });
  }

  /** Makes the sections of the open folders with `factory`, and follows the workspace's folders from now on. */
  open(factory: DeckFactory): void {
    this.factory = factory;
    this.sync();
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => { this.sync(); }));
  }

  get all(): readonly Section[] {
    return this.sections;
  }

  /** The sections the deck shows: those with a profile. */
  get shown(): readonly Section[] {
    const keys = new Set(shownSections(this.folders()).map((folder) => folder.key));
    return this.sections.filter((section) => keys.has(section.key));
  }

  /** The section the view as a whole reflects: the first with a profile, else the first. */
  get primary(): Section | undefined {
    const key = primarySection(this.folders())?.key;
    return this.sections.find((section) => section.key === key);
  }

  /** The primary section's profile: the one that may ask for the window's GitHub host. */
  get profile(): Profile | undefined {
    return this.primary?.profiles.profile;
  }

  byKey(key: string): Section | undefined {
    return this.sections.find((section) => section.key === key);
  }

  /** The section of the folder that holds `uri`, if any. */
  ofUri(uri: vscode.Uri): Section | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder !== undefined ? this.byKey(folder.uri.toString()) : undefined;
  }

  /** The sections as plain data, for the choices of src/domain/sections.ts. */
  folders(): FolderSection[] {
    return this.sections.map((section) => ({ key: section.key, name: section.name, hasProfile: section.profiles.status.kind !== 'none' }));
  }

  /** Every section's profile read again, then every deck refreshed. */
  async refreshAll(reason: string, options: { readonly reload?: boolean } = {}): Promise<void> {
    await Promise.all(this.sections.map(async (section) => {
      if (options.reload === true) {
        await section.profiles.reload();
      }
      await section.store.refresh(reason);
    }));
  }

  private sync(): void {
    const factory = this.factory;
    if (factory === undefined || this.isDisposed) {
      return;
    }
    const open = vscode.workspace.workspaceFolders ?? [];
    // A window without folders has one section too: its welcome view says to open a folder.
    const folders: ReadonlyArray<vscode.WorkspaceFolder | undefined> = open.length > 0 ? open : [undefined];
    const wanted = new Map(folders.map((folder) => [folder?.uri.toString() ?? '', folder] as const));
    const removed = this.sections.filter((section) => !wanted.has(section.key));
    const kept = this.sections.filter((section) => wanted.has(section.key));
    const added = [...wanted].filter(([key]) => !kept.some((section) => section.key === key)).map(([key, folder]) => this.make(key, folder, factory));
    // In the workspace's order, as the explorer lists the folders.
    const order = [...wanted.keys()];
    this.sections = [...kept, ...added].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    this.close(removed);
    for (const section of removed) {
      this.log.info(`The folder ${section.name} was removed from the workspace: its section of the deck is gone.`);
    }
    for (const section of added) {
      this.start(section);
    }
    if (removed.length > 0 || added.length > 0) {
      this.changeEmitter.fire();
    }
  }

  private make(key: string, folder: vscode.WorkspaceFolder | undefined, factory: DeckFactory): Section & { readonly owned: vscode.Disposable } {
    const profiles = new ProfileSource(this.log, this.memento, folder);
    const { store, checker } = factory(profiles);
    const owned = vscode.Disposable.from(
      profiles.onDidChange(() => { this.changeEmitter.fire(); }),
      store.onDidChange((state) => { this.stateEmitter.fire(state); }),
      profiles.onCondition((condition) => { this.conditionEmitter.fire(condition); }),
      store.onCondition((condition) => { this.conditionEmitter.fire(condition); }),
      checker,
      store,
      profiles,
    );
    return { key, name: folder?.name ?? '', folder, profiles, checker, store, owned };
  }

  /** Reading the profile file and GitHub happen after activation returns: the editor is never held up. */
  private start(section: Section): void {
    void section.profiles.reload().then(() => {
      // From here on, not at the first read: the first read of the profile is no change to check.
      section.checker.follow([section.profiles.onDidChange]);
      this.changeEmitter.fire();
      return section.store.refreshUnlessRunning('activation');
    });
  }

  private close(sections: ReadonlyArray<{ readonly owned: vscode.Disposable }>): void {
    for (const section of sections) {
      section.owned.dispose();
    }
  }
}

/** The repository a section's profile describes (owner/repo), for its label's description. */
export function repositoryOf(section: Section): string {
  const status = section.profiles.status;
  return status.kind === 'builtIn' || status.kind === 'workspace' ? status.profile.monorepo : status.kind === 'none' ? (status.repository ?? '') : '';
}
