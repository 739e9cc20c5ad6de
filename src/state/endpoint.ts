import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { describeEndpoint, resolveEndpoint, type Endpoint } from '../domain/endpoint';
import type { Log } from '../log';
import type { Profile } from '../domain/profileTypes';

const ALLOWED_KEY = 'releaseDeck.allowedApiOrigins';

/**
 * Where Release Deck connects, decided by the user: `releaseDeck.github.apiUrl` from the user's own
 * settings (its scope keeps workspaces out), VS Code's `github-enterprise.uri`, or a host the profile
 * asks for and the user allowed in a modal (remembered per host in global state, revocable).
 */
export class EndpointService extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<Endpoint>());
  readonly onDidChange = this.emitter.event;
  private resolved: Endpoint;

  constructor(
    private readonly context: vscode.ExtensionContext,
    /** The profile that may ask for a host: in a multi-root workspace, the first folder's with one (one host per window). */
    private readonly profiles: { readonly profile: Profile | undefined; readonly onDidChange: vscode.Event<unknown> },
    private readonly log: Log,
  ) {
    super();
    this.resolved = this.resolve();
    this.register(
      profiles.onDidChange(() => {
        this.update();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('releaseDeck.github.apiUrl') || event.affectsConfiguration('github-enterprise.uri')) {
          this.update();
        }
      }),
    );
  }

  get current(): Endpoint {
    return this.resolved;
  }

  /** The API root in force, or undefined while Release Deck may connect nowhere (see `current`). */
  apiUrl(): string | undefined {
    return this.resolved.kind === 'ready' ? this.resolved.apiUrl : undefined;
  }

  /** The web root links from GitHub's answers must be on: github.com, or the GitHub Enterprise server. */
  webUrl(): string | undefined {
    return this.resolved.kind === 'ready' ? this.resolved.webUrl : undefined;
  }

  /** API origins the user allowed a profile to name, oldest first. */
  get allowedOrigins(): readonly string[] {
    const stored = this.context.globalState.get<unknown>(ALLOWED_KEY);
    return Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : [];
  }

  /** Remembers that the user allowed `origin` (asked in a modal by the caller). */
  async allow(origin: string): Promise<void> {
    if (!this.allowedOrigins.includes(origin)) {
      await this.context.globalState.update(ALLOWED_KEY, [...this.allowedOrigins, origin]);
      this.log.info(`The user allowed Release Deck to connect to ${origin} when a profile asks for it.`);
    }
    this.update();
  }

  /** Takes back the permission for each of `origins`. */
  async forget(origins: readonly string[]): Promise<void> {
    await this.context.globalState.update(
      ALLOWED_KEY,
      this.allowedOrigins.filter((origin) => !origins.includes(origin)),
    );
    this.log.info(`Release Deck no longer connects to ${origins.join(', ')} when a profile asks for it.`);
    this.update();
  }

  private resolve(): Endpoint {
    // Only the user's own settings count: the scope of releaseDeck.github.apiUrl ("application") keeps
    // workspace values out, and reading globalValue keeps them out even if a file holds one.
    const userApiUrl = vscode.workspace.getConfiguration('releaseDeck').inspect<string>('github.apiUrl')?.globalValue;
    const enterprise = vscode.workspace.getConfiguration('github-enterprise').inspect<string>('uri');
    // VS Code's GitHub Enterprise sign-in reads this window-scoped setting as the workspace sets it: kept to refuse that provider then.
    const workspaceEnterpriseUri = enterprise?.workspaceFolderValue ?? enterprise?.workspaceValue;
    return resolveEndpoint({ userApiUrl, enterpriseUri: enterprise?.globalValue, workspaceEnterpriseUri, profileRequest: this.profiles.profile?.github, allowedOrigins: this.allowedOrigins });
  }

  private update(): void {
    const next = this.resolve();
    if (JSON.stringify(next) === JSON.stringify(this.resolved)) {
      return;
    }
    this.resolved = next;
    this.log.info(`GitHub endpoint: ${describeEndpoint(next)}`);
    this.emitter.fire(next);
  }
}
