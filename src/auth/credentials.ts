import * as vscode from 'vscode';
import type { Log } from '../log';

/** A way to act on GitHub: a token, and where it came from. The token itself is never shown or logged. */
export interface Credential {
  readonly token: string;
  readonly source: 'token' | 'session' | 'environment';
  /** The account, when known. */
  readonly login?: string;
}

export const SCOPES = ['repo', 'workflow'];
const SECRET_KEY = 'releaseDeck.token';
const METHOD_KEY = 'releaseDeck.signInMethod';
/** A token handed to the editor's process (CI, dev containers, the demo); used until the user signs out. */
export const TOKEN_VARIABLE = 'RELEASE_DECK_GITHUB_TOKEN';

/**
 * Where the credential comes from: VS Code's GitHub (or GitHub Enterprise) authentication provider, or
 * a token the user entered, kept in SecretStorage. Reacts to sign-outs made elsewhere.
 */
export class CredentialStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Credential | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private cached: Credential | undefined;
  private loaded = false;
  private providerPrompt: Promise<Credential | undefined> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
    private readonly providerId: () => string,
  ) {
    this.disposables.push(
      context.secrets.onDidChange((event) => {
        if (event.key === SECRET_KEY) {
          void this.reload();
        }
      }),
      vscode.authentication.onDidChangeSessions((event) => {
        if (event.provider.id === this.providerId() && this.method === 'session') {
          void this.reload();
        }
      }),
    );
  }

  private get method(): 'token' | 'session' | 'signedOut' | undefined {
    return this.context.globalState.get<'token' | 'session' | 'signedOut'>(METHOD_KEY);
  }

  /** The credential in force, read silently (never prompts). */
  async current(): Promise<Credential | undefined> {
    if (!this.loaded) {
      await this.reload(false);
    }
    return this.cached;
  }

  /**
   * Reads the credential again; listeners hear of it when it changed. The first read, made for a caller
   * of current(), is what that caller asked for, not a change to announce (it would only repeat the
   * caller's refresh); a change seen by the secret or session watchers is always announced.
   */
  private async reload(announce = true): Promise<void> {
    const before = this.cached?.token;
    this.cached = await this.readSilently();
    this.loaded = true;
    if (this.cached !== undefined) {
      this.log.addSecret(this.cached.token);
    }
    if (announce && before !== this.cached?.token) {
      this.emitter.fire(this.cached);
    }
  }

  private async readSilently(): Promise<Credential | undefined> {
    if (this.method === 'session') {
      try {
        const session = await vscode.authentication.getSession(this.providerId(), SCOPES, { silent: true });
        return session !== undefined ? { token: session.accessToken, source: 'session', login: session.account.label } : undefined;
      } catch (error) {
        this.log.warn(`Could not read the GitHub session: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }
    if (this.method === 'signedOut') {
      return undefined;
    }
    const stored = await this.context.secrets.get(SECRET_KEY);
    if (stored === undefined || stored === '') {
      const fromEnvironment = process.env[TOKEN_VARIABLE]?.trim();
      return fromEnvironment !== undefined && fromEnvironment !== '' ? { token: fromEnvironment, source: 'environment' } : undefined;
    }
    try {
      const parsed = JSON.parse(stored) as { token?: unknown; login?: unknown };
      if (typeof parsed.token === 'string' && parsed.token !== '') {
        return { token: parsed.token, source: 'token', ...(typeof parsed.login === 'string' ? { login: parsed.login } : {}) };
      }
    } catch {
      // Not ours or damaged: treated as signed out.
    }
    return undefined;
  }

  /** Asks VS Code's authentication provider for a session (one prompt at a time). */
  signInWithProvider(): Promise<Credential | undefined> {
    this.providerPrompt ??= (async () => {
      try {
        const session = await vscode.authentication.getSession(this.providerId(), SCOPES, { createIfNone: true });
        this.log.addSecret(session.accessToken);
        await this.context.globalState.update(METHOD_KEY, 'session');
        await this.context.secrets.delete(SECRET_KEY);
        await this.reload();
        return this.cached;
      } finally {
        this.providerPrompt = undefined;
      }
    })();
    return this.providerPrompt;
  }

  /** Stores a token already checked against GitHub. */
  async storeToken(token: string, login: string): Promise<void> {
    this.log.addSecret(token);
    await this.context.globalState.update(METHOD_KEY, 'token');
    await this.context.secrets.store(SECRET_KEY, JSON.stringify({ token, login }));
    await this.reload();
  }

  /**
   * Forgets the credential: the stored token is deleted, a provider session and a token from the
   * environment are no longer used (until the user signs in again).
   */
  async signOut(): Promise<void> {
    await this.context.secrets.delete(SECRET_KEY);
    await this.context.globalState.update(METHOD_KEY, 'signedOut');
    await this.reload();
  }

  /** Drops a credential GitHub refused (401), so the user is asked to sign in again. */
  async dropRejected(token: string): Promise<void> {
    if (this.cached?.token !== token) {
      return;
    }
    this.log.warn('GitHub refused the stored credential (401): it was dropped; sign in again.');
    await this.signOut();
  }

  dispose(): void {
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
