import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { GITHUB_API_URL, originOf, type Endpoint } from '../domain/endpoint';
import type { Log } from '../log';

/** A way to act on GitHub: a token, and where it came from. The token itself is never shown or logged. */
export interface Credential {
  readonly token: string;
  readonly source: 'token' | 'session' | 'environment';
  /** The account, when known. */
  readonly login?: string;
}

export const SCOPES = ['repo', 'workflow'];
/** Before tokens were kept per API root: one key, whose host is unknown. */
const LEGACY_SECRET_KEY = 'releaseDeck.token';
const LEGACY_METHOD_KEY = 'releaseDeck.signInMethod';
/** A token handed to the editor's process (CI, dev containers, the demo); used until the user signs out. */
export const TOKEN_VARIABLE = 'RELEASE_DECK_GITHUB_TOKEN';

type Method = 'token' | 'session' | 'signedOut';

/** Where the store learns the API root in force (the endpoint service). */
export interface EndpointSource {
  readonly current: Endpoint;
  readonly onDidChange: vscode.Event<Endpoint>;
}

/** The SecretStorage key of the token kept for one API origin. */
export function secretKeyFor(origin: string): string {
  return `${LEGACY_SECRET_KEY}:${origin}`;
}

function methodKeyFor(origin: string): string {
  return `${LEGACY_METHOD_KEY}:${origin}`;
}

/**
 * Where the credential comes from, per API root: VS Code's GitHub provider (for api.github.com only),
 * its GitHub Enterprise provider (only for the host of github-enterprise.uri), a token the user entered
 * for that root (kept in SecretStorage under a key naming its origin), or the token in the environment
 * (only for the root the user's own settings choose). A token is never sent to another root than the
 * one it was given for. Reacts to sign-outs made elsewhere.
 */
export class CredentialStore extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<Credential | undefined>());
  readonly onDidChange = this.emitter.event;
  private cached: Credential | undefined;
  /** The API origin `cached` was read for; undefined before the first read or while none is in force. */
  private cachedFor: string | undefined;
  private loaded = false;
  private providerPrompt: Promise<Credential | undefined> | undefined;
  private migrated = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
    private readonly endpoints: EndpointSource,
    /** Scopes the profile in force needs beyond SCOPES (read:packages when it names a registry), asked only then. */
    private readonly extraScopes: () => readonly string[] = () => [],
  ) {
    super();
    this.register(
      context.secrets.onDidChange((event) => {
        if (event.key === this.secretKey()) {
          void this.reload();
        }
      }),
    );
    this.register(
      vscode.authentication.onDidChangeSessions((event) => {
        if (event.provider.id === this.ready()?.provider && this.method === 'session') {
          void this.reload();
        }
      }),
    );
    this.register(
      endpoints.onDidChange(() => {
        void this.reload();
      }),
    );
  }

  private ready(): Extract<Endpoint, { kind: 'ready' }> | undefined {
    const endpoint = this.endpoints.current;
    return endpoint.kind === 'ready' ? endpoint : undefined;
  }

  private secretKey(): string | undefined {
    const ready = this.ready();
    return ready !== undefined ? secretKeyFor(ready.origin) : undefined;
  }

  private get method(): Method | undefined {
    const ready = this.ready();
    return ready !== undefined ? this.context.globalState.get<Method>(methodKeyFor(ready.origin)) : undefined;
  }

  /** The credential in force for the API root in force, read silently (never prompts). */
  async current(): Promise<Credential | undefined> {
    if (!this.loaded || this.cachedFor !== this.ready()?.origin) {
      await this.reload(false);
    }
    // Never a credential read for another API root than the one in force now.
    return this.cachedFor === this.ready()?.origin ? this.cached : undefined;
  }

  /**
   * Reads the credential again; listeners hear of it when it changed. The first read, made for a caller
   * of current(), is what that caller asked for, not a change to announce (it would only repeat the
   * caller's refresh); a change seen by the secret, session or endpoint watchers is always announced.
   */
  private async reload(announce = true): Promise<void> {
    await this.migrateOnce();
    const origin = this.ready()?.origin;
    const read = await this.readSilently();
    if (this.ready()?.origin !== origin) {
      return; // The endpoint changed while reading: the read that change set off wins.
    }
    // Compared with what is cached now, not before reading: a read that finished meanwhile already told.
    const before = this.cached?.token;
    this.cached = read;
    this.cachedFor = origin;
    this.loaded = true;
    if (this.cached !== undefined) {
      this.log.addSecret(this.cached.token);
    }
    if (announce && before !== this.cached?.token) {
      this.emitter.fire(this.cached);
    }
  }

  /**
   * The single token of earlier versions was kept without the host it was given for: it is dropped
   * rather than guessed (sending it to the wrong host is what per-host keys prevent). A sign-in through
   * the editor's GitHub account, or a sign-out, stays as it was for api.github.com.
   */
  private async migrateOnce(): Promise<void> {
    if (this.migrated) {
      return;
    }
    this.migrated = true;
    const legacyMethod = this.context.globalState.get<Method>(LEGACY_METHOD_KEY);
    const legacyToken = await this.context.secrets.get(LEGACY_SECRET_KEY);
    if (legacyToken !== undefined) {
      await this.context.secrets.delete(LEGACY_SECRET_KEY);
      this.log.warn('A token kept by an earlier version of Release Deck was deleted: it was stored without the host it was given for, and tokens now go only to the host they were given for. Sign in again.');
    }
    if (legacyMethod !== undefined) {
      await this.context.globalState.update(LEGACY_METHOD_KEY, undefined);
      if (legacyMethod !== 'token') {
        await this.context.globalState.update(methodKeyFor(originOf(GITHUB_API_URL) ?? GITHUB_API_URL), legacyMethod);
      }
    }
  }

  private async readSilently(): Promise<Credential | undefined> {
    const ready = this.ready();
    if (ready === undefined) {
      return undefined;
    }
    if (this.method === 'session') {
      if (ready.provider === undefined) {
        return undefined;
      }
      try {
        const session = await vscode.authentication.getSession(ready.provider, [...SCOPES, ...this.extraScopes()], { silent: true });
        return session !== undefined ? { token: session.accessToken, source: 'session', login: session.account.label } : undefined;
      } catch (error) {
        this.log.warn(`Could not read the GitHub session: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }
    if (this.method === 'signedOut') {
      return undefined;
    }
    const stored = await this.context.secrets.get(secretKeyFor(ready.origin));
    if (stored === undefined || stored === '') {
      // The environment's token was handed over for the API root the user's settings name, no other.
      const fromEnvironment = process.env[TOKEN_VARIABLE]?.trim();
      const userChosen = ready.chosenBy === 'setting' || ready.chosenBy === 'default';
      return userChosen && fromEnvironment !== undefined && fromEnvironment !== '' ? { token: fromEnvironment, source: 'environment' } : undefined;
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

  /**
   * Asks VS Code's authentication provider meant for the API root in force for a session (one prompt at
   * a time). Throws, saying why, when no provider is meant for it.
   */
  signInWithProvider(options: { readonly newSessionBecause?: string } = {}): Promise<Credential | undefined> {
    this.providerPrompt ??= (async () => {
      try {
        const ready = this.ready();
        if (ready === undefined) {
          throw new Error(vscode.l10n.t('Release Deck connects to no GitHub host yet (see the deck), so there is nothing to sign in to'));
        }
        if (ready.provider === undefined) {
          throw new Error(
            vscode.l10n.t("the editor's GitHub account serves github.com, and its GitHub Enterprise account only the server named by the setting github-enterprise.uri; neither is {0}", ready.apiUrl),
          );
        }
        // A new session (forceNewSession) when the current one is refused for a reason signing in again can fix (SAML SSO).
        const session =
          options.newSessionBecause !== undefined
            ? await vscode.authentication.getSession(ready.provider, [...SCOPES, ...this.extraScopes()], { forceNewSession: { detail: options.newSessionBecause } })
            : await vscode.authentication.getSession(ready.provider, [...SCOPES, ...this.extraScopes()], { createIfNone: true });
        this.log.addSecret(session.accessToken);
        await this.context.globalState.update(methodKeyFor(ready.origin), 'session');
        await this.context.secrets.delete(secretKeyFor(ready.origin));
        await this.reload();
        return this.cached;
      } finally {
        this.providerPrompt = undefined;
      }
    })();
    return this.providerPrompt;
  }

  /** Stores a token already checked against the API root `apiUrl`, for that root only. */
  async storeToken(token: string, login: string, apiUrl: string): Promise<void> {
    const origin = originOf(apiUrl) ?? apiUrl;
    this.log.addSecret(token);
    await this.context.globalState.update(methodKeyFor(origin), 'token');
    await this.context.secrets.store(secretKeyFor(origin), JSON.stringify({ token, login }));
    await this.reload();
  }

  /**
   * Forgets the credential of the API root in force: its stored token is deleted, a provider session
   * and a token from the environment are no longer used there (until the user signs in again).
   */
  async signOut(): Promise<void> {
    const ready = this.ready();
    if (ready !== undefined) {
      await this.forgetHost(ready.origin);
    }
    await this.reload();
  }

  /** Deletes the token kept for an API origin and stops using any other credential there. */
  async forgetHost(origin: string): Promise<void> {
    await this.context.secrets.delete(secretKeyFor(origin));
    await this.context.globalState.update(methodKeyFor(origin), 'signedOut');
  }

  /** Drops a credential GitHub refused (401), so the user is asked to sign in again. */
  async dropRejected(token: string): Promise<void> {
    if (this.cached?.token !== token) {
      return;
    }
    this.log.warn('GitHub refused the stored credential (401): it was dropped; sign in again.');
    await this.signOut();
  }
}
