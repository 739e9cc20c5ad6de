import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { openverseProfile } from '../domain/openverse';
import type { Profile, ProfileProblem } from '../domain/profileTypes';
import { chooseProfile } from '../domain/profileValidation';
import { deckWithoutProfile } from '../domain/gitRemotes';
import { workspaceRemotes } from './workspaceRemotes';
import { locateProblems } from '../domain/profileText';
import { readSettings } from '../config';
import { plural } from '../domain/words';
import type { Log } from '../log';
import { untrustedProfileMessage, type Condition } from './conditions';

const OPENVERSE_CHOSEN_KEY = 'releaseDeck.useOpenverseExample';

export type ProfileStatus =
  /** Openverse's built-in profile: a checkout of WordPress/openverse, or the user chose the example. */
  | { readonly kind: 'builtIn'; readonly profile: Profile; readonly because: 'remote' | 'chosen'; readonly ignoredFile?: vscode.Uri }
  /** No profile: the welcome view offers to create one (for `repository`, when the remotes name one) or to use the example. */
  | { readonly kind: 'none'; readonly because: 'reading' | 'noFolder' | 'noRemote' | 'otherRepository'; readonly repository?: string; readonly ignoredFile?: vscode.Uri }
  | { readonly kind: 'workspace'; readonly profile: Profile; readonly uri: vscode.Uri }
  | { readonly kind: 'broken'; readonly uri: vscode.Uri; readonly problems: readonly ProfileProblem[] };

/**
 * Which profile is in force: the workspace's profile file when there is one and the workspace is
 * trusted; otherwise the built-in Openverse profile for a checkout of WordPress/openverse (its git
 * remotes) or when the user chose the example, and no profile at all anywhere else (the welcome view).
 * A broken file is reported in the Problems panel with every problem at its place; it never silently
 * falls back to another profile.
 */
export class ProfileSource extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<ProfileStatus>());
  readonly onDidChange = this.emitter.event;
  private readonly conditionEmitter = this.register(new vscode.EventEmitter<Extract<Condition, { kind: 'profileIgnoredUntrusted' }>>());
  /** A profile file ignored because the workspace is not trusted; ui/conditionPrompts.ts says it. */
  readonly onCondition = this.conditionEmitter.event;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('release-deck-profile'));
  private watcher: vscode.FileSystemWatcher | undefined;
  // Until the first read: nothing in force (never Openverse's deck before the remotes were read).
  private current: ProfileStatus = { kind: 'none', because: 'reading' };

  /**
   * `folder`: the workspace folder whose profile file and git remotes are read (undefined: a window without
   * folders); `choices`: where "Use the Openverse Example" is remembered for it (workspaceState).
   */
  constructor(private readonly log: Log, private readonly choices?: vscode.Memento, readonly folder: vscode.WorkspaceFolder | undefined = vscode.workspace.workspaceFolders?.[0]) {
    super();
    this.register(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('The workspace is now trusted: reading its profile file.');
        void this.reload();
      }),
    );
    // Folders added or removed: src/state/sections.ts makes or disposes of the source of each folder.
    this.watch();
  }

  get status(): ProfileStatus {
    return this.current;
  }

  /** The profile in force, or undefined while the profile file is broken or there is none. */
  get profile(): Profile | undefined {
    return this.current.kind === 'broken' || this.current.kind === 'none' ? undefined : this.current.profile;
  }

  /** "Use the Openverse Example": remembered for this workspace (or window without folder), then the deck reloads. */
  async useOpenverseExample(): Promise<ProfileStatus> {
    await this.choices?.update(this.chosenKey, true);
    return this.reload();
  }

  /** The first folder keeps the key of single-folder workspaces; another folder's choice is its own. */
  private get chosenKey(): string {
    return this.folder === undefined || this.folder.index === 0 ? OPENVERSE_CHOSEN_KEY : `${OPENVERSE_CHOSEN_KEY}:${this.folder.uri.toString()}`;
  }

  /** The profile file's location for the current settings and workspace, if one can be named. */
  profileUri(): vscode.Uri | undefined {
    const path = readSettings().profilePath;
    const folder = this.folder;
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
      return vscode.Uri.file(path);
    }
    return folder !== undefined ? vscode.Uri.joinPath(folder.uri, path) : undefined;
  }

  /** Re-reads the profile file (on start, on a change of the file, the settings or workspace trust). */
  async reload(): Promise<ProfileStatus> {
    const next = await this.read();
    this.publishDiagnostics(next);
    const changed = JSON.stringify(describe(next)) !== JSON.stringify(describe(this.current));
    this.current = next;
    if (changed) {
      this.log.info(`Profile: ${summary(next)}`);
      this.emitter.fire(next);
    }
    return next;
  }

  private async read(): Promise<ProfileStatus> {
    const uri = this.profileUri();
    let fileText: string | undefined;
    if (uri !== undefined) {
      try {
        fileText = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        fileText = undefined;
      }
    }
    const trusted = vscode.workspace.isTrusted;
    const folders = this.folder !== undefined ? [this.folder] : [];
    // The remotes matter only without a usable file (absent, or ignored in an untrusted workspace).
    const withoutFile = fileText !== undefined && trusted
      ? { kind: 'openverse' as const, because: 'chosen' as const }
      : deckWithoutProfile({ folders: folders.length, remotes: await workspaceRemotes(folders), openverseChosen: readSettings().useOpenverseExample || this.choices?.get<boolean>(this.chosenKey) === true });
    // Each problem in English for the log and in the person's language for the Problems panel, from one reading.
    const choice = chooseProfile({ fileText, trusted, withoutFile }, vscode.l10n);
    const ignoredFile = choice.kind !== 'workspace' && choice.kind !== 'broken' && choice.ignoredBecauseUntrusted && uri !== undefined ? uri : undefined;
    if (ignoredFile !== undefined) {
      this.tellAboutTrust(ignoredFile);
    }
    const ignored = ignoredFile !== undefined ? { ignoredFile } : {};
    switch (choice.kind) {
      case 'builtIn':
        return { kind: 'builtIn', profile: openverseProfile(), because: choice.because, ...ignored };
      case 'none':
        return { kind: 'none', because: choice.because, ...(choice.repository !== undefined ? { repository: choice.repository } : {}), ...ignored };
      case 'workspace':
        return { kind: 'workspace', profile: choice.profile, uri: uri ?? vscode.Uri.file('/') };
      case 'broken':
        return { kind: 'broken', uri: uri ?? vscode.Uri.file('/'), problems: choice.problems };
    }
  }

  private tellAboutTrust(uri: vscode.Uri): void {
    this.log.warn(untrustedProfileMessage(uri));
    this.conditionEmitter.fire({ kind: 'profileIgnoredUntrusted', uri });
  }

  private publishDiagnostics(status: ProfileStatus): void {
    this.diagnostics.clear();
    if (status.kind !== 'broken') {
      return;
    }
    void vscode.workspace.fs.readFile(status.uri).then(
      (bytes) => {
        const text = new TextDecoder().decode(bytes);
        let locations: ReadonlyArray<{ readonly offset: number; readonly length: number }>;
        try {
          locations = locateProblems(text, status.problems);
        } catch {
          // A file the reader cannot walk (nested too deep for it): every problem at the start of the file.
          locations = [];
        }
        const diagnostics = status.problems.map((problem, index) => {
          const location = locations[index] ?? { offset: 0, length: 1 };
          const start = positionAt(text, location.offset);
          const end = positionAt(text, location.offset + location.length);
          const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), `${problem.path}: ${problem.said}`, vscode.DiagnosticSeverity.Error);
          diagnostic.source = 'Release Deck';
          return diagnostic;
        });
        this.diagnostics.set(status.uri, diagnostics);
      },
      () => undefined,
    );
  }

  private watch(): void {
    this.watcher?.dispose();
    const folder = this.folder;
    if (folder === undefined) {
      return;
    }
    const path = readSettings().profilePath;
    const pattern = path.startsWith('/') ? path : new vscode.RelativePattern(folder, path);
    this.watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const reload = (): void => {
      void this.reload();
    };
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  /** Called when settings change: the profile path may have moved. */
  settingsChanged(): void {
    this.watch();
    void this.reload();
  }

  override dispose(): void {
    // The watcher is replaced whenever the profile path moves, so it is owned apart from the rest.
    this.watcher?.dispose();
    super.dispose();
  }
}

function describe(status: ProfileStatus): unknown {
  switch (status.kind) {
    case 'builtIn':
      return { kind: status.kind, because: status.because, ignored: status.ignoredFile?.toString() };
    case 'none':
      return { kind: status.kind, because: status.because, repository: status.repository, ignored: status.ignoredFile?.toString() };
    case 'workspace':
      return { kind: status.kind, profile: status.profile };
    case 'broken':
      return { kind: status.kind, problems: status.problems };
  }
}

function summary(status: ProfileStatus): string {
  switch (status.kind) {
    case 'builtIn':
      return `built-in Openverse profile (${status.because === 'remote' ? 'a checkout of WordPress/openverse' : 'chosen as the example'})${status.ignoredFile !== undefined ? ` (workspace profile ignored: the workspace is not trusted)` : ''}`;
    case 'none':
      return `none: ${noProfileReason(status)}${status.ignoredFile !== undefined ? ` (workspace profile ignored: the workspace is not trusted)` : ''}`;
    case 'workspace':
      return `"${status.profile.name}" from ${status.uri.fsPath}, ${status.profile.apps.length} apps`;
    case 'broken':
      return `${status.uri.fsPath} has ${plural(status.problems.length, 'problem')}: ${status.problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`;
  }
}

/** Why no profile is in force, in a sentence for the log and the deck's message. */
export function noProfileReason(status: Extract<ProfileStatus, { kind: 'none' }>): string {
  switch (status.because) {
    case 'reading':
      return 'the workspace is being read.';
    case 'noFolder':
      return 'no folder is open, so there is no repository to describe.';
    case 'noRemote':
      return 'this workspace has no profile file, and its folders have no git remote naming a GitHub repository.';
    case 'otherRepository':
      return `${status.repository ?? 'this repository'} has no Release Deck profile yet (the built-in one describes WordPress/openverse only).`;
  }
}

/** The editor position of an offset in a text. */
export function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return new vscode.Position(line, column);
}
