import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { buildDeck } from '../domain/buildDeck';
import { registryFallback } from '../domain/deckReleases';
import type { Endpoint } from '../domain/endpoint';
import { english } from '../domain/l10n';
import { sectionHostConflict } from '../domain/sectionHost';
import { checkedGitHubLink, withCheckedLinks } from '../domain/githubLinks';
import type { DeckSnapshot } from '../domain/snapshot';
import type { Credential, CredentialStore } from '../auth/credentials';
import { describeError, isGitHubError } from '../github/errors';
import { errorWords, userLanguage } from '../language';
import type { Log } from '../log';
import type { Condition } from './conditions';
import type { EndpointService } from './endpoint';
import { gatherFacts } from './gatherFacts';
import type { GitHubClients } from './gitHubClients';
import { Polling } from './polling';
import type { ProfileSource, ProfileStatus } from './profileSource';

export interface RefreshCost {
  readonly requests: number;
  readonly notModified: number;
  readonly rateLimitUnits: number;
  readonly durationMs: number;
}

export interface DeckState {
  readonly profile: ProfileStatus;
  /** Where Release Deck connects, or why it connects nowhere (a host the profile asks for, not allowed). */
  readonly endpoint: Endpoint;
  readonly credential?: Credential | undefined;
  readonly snapshot?: DeckSnapshot | undefined;
  readonly refreshing: boolean;
  /** The last refresh's failure; the snapshot (if any) is then stale. */
  readonly error?: { readonly message: string; readonly at: Date } | undefined;
  readonly lastSuccessAt?: Date | undefined;
  readonly lastCost?: RefreshCost | undefined;
}

/**
 * The one store: it refreshes the deck (never two refreshes at once), polls
 * while someone looks, and tells every view when the state changes. Views only read `state`.
 */
export class DeckStore extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<DeckState>());
  readonly onDidChange = this.emitter.event;
  private readonly conditionEmitter = this.register(new vscode.EventEmitter<Condition>());
  /** What a person should hear of (a credential GitHub refused); ui/conditionPrompts.ts says it. */
  readonly onCondition = this.conditionEmitter.event;
  /** The organisation whose SSO refusal was last said ('' when unnamed), until a refresh succeeds. */
  private ssoToldFor: string | undefined;
  private current: DeckState;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private readonly polling: Polling;
  /** Problems that do not fail a refresh (a registry that cannot be read…), each logged once. */
  private readonly said = new Set<string>();

  constructor(
    private readonly profiles: ProfileSource,
    private readonly credentials: CredentialStore,
    private readonly endpoints: EndpointService,
    private readonly clients: GitHubClients,
    private readonly log: Log,
  ) {
    super();
    this.current = { profile: profiles.status, endpoint: endpoints.current, refreshing: false };
    this.polling = this.register(
      new Polling(
        () => ({ idle: this.inFlight === undefined && this.current.credential !== undefined, snapshot: this.current.snapshot, rateLimitedUntil: this.clients.rateLimitedUntil }),
        () => {
          void this.refresh('polling');
        },
        log,
      ),
    );
    this.register(
      endpoints.onDidChange((endpoint) => {
        const before = this.current.endpoint;
        if (before.kind === 'ready' && endpoint.kind === 'ready' && before.apiUrl === endpoint.apiUrl && before.webUrl === endpoint.webUrl) {
          // Same host, same links: only what the deck says about it changed; the data (and cache) stand.
          this.update({ endpoint });
          return;
        }
        this.update({ endpoint, snapshot: undefined, error: undefined });
        void this.refresh('the GitHub host changed', true);
      }),
    );
    this.register(
      profiles.onDidChange((profile) => {
        this.update({ profile, snapshot: undefined, error: undefined });
        void this.refresh('the profile changed', true);
      }),
    );
    this.register(
      credentials.onDidChange((credential) => {
        this.update({ credential, snapshot: undefined, error: undefined });
        void this.refresh(credential !== undefined ? 'signed in' : 'signed out', true);
      }),
    );
  }

  get state(): DeckState {
    return this.current;
  }

  /** Refreshes the deck. Triggers during a refresh coalesce into one more refresh after it. */
  refresh(reason: string, onlyIfInputsChanged = false): Promise<void> {
    if (this.inFlight !== undefined) {
      // Asked for in the same moment as the refresh about to run (a profile change that also changes the host's
      // web root fires both): it has not read the profile, host or credential yet, so it serves both. A change of
      // profile, host or credential during a refresh needs another only if that refresh read something else.
      if (this.begun) {
        this.log.debug(`Refresh asked for (${reason}) while one runs: ${onlyIfInputsChanged ? 'another follows if what it read changed' : 'another follows'}.`);
        if (onlyIfInputsChanged) {
          this.againIfInputsChanged = true;
        } else {
          this.again = true;
        }
      }
      return this.inFlight;
    }
    this.begun = false;
    this.inFlight = this.runRefreshes(reason).finally(() => {
      this.inFlight = undefined;
      this.polling.schedule();
    });
    return this.inFlight;
  }

  /**
   * Refreshes the deck unless a refresh is already running, which then serves (at start-up, loading the
   * profile has already set one off; asking again would only repeat it).
   */
  refreshUnlessRunning(reason: string): Promise<void> {
    return this.inFlight ?? this.refresh(reason);
  }

  private async runRefreshes(reason: string): Promise<void> {
    // Lets the other listeners of the event that asked for this refresh run first (they may ask too).
    await Promise.resolve();
    this.begun = true;
    let why = reason;
    do {
      this.again = false;
      this.againIfInputsChanged = false;
      await this.refreshOnce(why);
      if (this.askedIfInputsChanged()) {
        this.again = !(await this.sameInputsAsRead());
      }
      why = 'a refresh was asked for while one ran';
    } while (this.shouldRunAgain());
  }

  /** Whether, during the refresh that just ended, only a change of profile, host or credential asked for another. */
  private askedIfInputsChanged(): boolean {
    return !this.again && this.againIfInputsChanged;
  }

  /** Whether the profile, host and credential in force are those the last refresh read. */
  private async sameInputsAsRead(): Promise<boolean> {
    const read = this.inputsRead;
    const credential = await this.credentials.current();
    return read !== undefined && read.profile === this.profiles.status && read.endpoint === JSON.stringify(this.endpoints.current) && read.token === credential?.token;
  }

  /** What the last refresh read: the profile status (by identity), the endpoint, the credential's token (memory only). */
  private inputsRead: { readonly profile: ProfileStatus; readonly endpoint: string; readonly token: string | undefined } | undefined;
  private againIfInputsChanged = false;

  /** Whether the refresh in flight has begun reading its inputs (a later ask then needs one more). */
  private begun = false;

  private shouldRunAgain(): boolean {
    return this.again && !this.isDisposed;
  }

  private async refreshOnce(reason: string): Promise<void> {
    const profile = this.profiles.profile;
    const endpoint = this.endpoints.current;
    const credential = await this.credentials.current();
    const webUrl = this.endpoints.webUrl();
    this.inputsRead = { profile: this.profiles.status, endpoint: JSON.stringify(endpoint), token: credential?.token };
    if (profile === undefined || credential === undefined || webUrl === undefined) {
      this.update({ profile: this.profiles.status, endpoint, credential, refreshing: false });
      return;
    }
    const conflict = sectionHostConflict(vscode.l10n, profile.github, endpoint);
    if (conflict !== undefined) {
      // Nothing is asked of either host for this folder: the window's has none of its repositories, the other is not the user's choice.
      this.warnOnce(`Not refreshed${this.where()}: ${sectionHostConflict(english, profile.github, endpoint) ?? conflict}`);
      this.update({ profile: this.profiles.status, endpoint, credential, refreshing: false, snapshot: undefined, error: { message: conflict, at: new Date() } });
      return;
    }
    const client = await this.clients.current();
    if (client === undefined) {
      this.update({ profile: this.profiles.status, endpoint: this.endpoints.current, credential: await this.credentials.current(), refreshing: false });
      return;
    }
    this.update({ profile: this.profiles.status, endpoint, credential, refreshing: true });
    const before = { ...client.stats };
    const started = Date.now();
    try {
      // Links from GitHub's answers go on screen only when safe and on the web host in force.
      const facts = withCheckedLinks(await gatherFacts(client, profile, { onProblem: (message) => { this.warnOnce(message); }, language: userLanguage() }), webUrl);
      const snapshot = buildDeck(profile, facts, vscode.l10n, vscode.env.language);
      for (const app of profile.apps) {
        const registry = facts.registries?.[app.id];
        if (registry?.kind === 'unavailable') {
          // The log stays English (l10n/README.md): the note as the deck words it, in English.
          this.warnOnce(registryFallback(app, registry.logged ?? registry.reason));
        }
      }
      const cost: RefreshCost = {
        requests: client.stats.requests - before.requests,
        notModified: client.stats.notModified - before.notModified,
        rateLimitUnits: client.stats.rateLimitUnits - before.rateLimitUnits,
        durationMs: Date.now() - started,
      };
      this.log.info(
        `Refreshed${this.where()} (${reason}): ${profile.apps.length} apps, ${facts.releases.length} releases, ${facts.deploymentRuns.length} deployment runs, ${Object.keys(facts.versions).length} /version answers; ${cost.requests} GitHub requests (${cost.notModified} unchanged, ${cost.rateLimitUnits} counted against the rate limit) in ${cost.durationMs} ms.`,
      );
      this.ssoToldFor = undefined;
      this.update({ snapshot, refreshing: false, error: undefined, lastSuccessAt: new Date(), lastCost: cost });
    } catch (error) {
      const message = describeError(error);
      this.log.error(`Refresh failed${this.where()} (${reason}): ${message}`);
      if (isGitHubError(error) && error.kind === 'unauthorized') {
        await this.credentials.dropRejected(credential.token);
        this.conditionEmitter.fire({ kind: 'signInNeeded', reason: message });
      }
      const sso = isGitHubError(error) && error.kind === 'ssoRequired' ? error.sso : undefined;
      const organization = sso?.organization ?? '';
      // Said once until a refresh succeeds or another organisation refuses (each 403 has its own URL): polling does not repeat it.
      if (sso !== undefined && this.ssoToldFor !== organization) {
        this.ssoToldFor = organization;
        this.conditionEmitter.fire({ kind: 'ssoAuthorizationNeeded', reason: message, organization: sso.organization, authorizeUrl: checkedGitHubLink(sso.url, webUrl), source: credential.source });
      }
      // The deck shows the refusal in the person's language; the log above keeps it in English.
      this.update({ refreshing: false, error: { message: errorWords(error), at: new Date() } });
    }
  }

  /** In a multi-root workspace, the folder whose deck this is, for the log. */
  private where(): string {
    const folder = this.profiles.folder;
    return folder !== undefined && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? ` in ${folder.name}` : '';
  }

  /** Views report whether a person can see them; polling runs only while one can. */
  setVisible(viewer: string, visible: boolean): void {
    this.polling.setVisible(viewer, visible);
  }

  /** While something follows a deployment, the deck polls faster. Returns the way to stop. */
  watchClosely(): vscode.Disposable {
    return this.polling.watchClosely();
  }

  private warnOnce(message: string): void {
    if (!this.said.has(message)) {
      this.said.add(message);
      this.log.warn(message);
    }
  }

  private update(change: Partial<DeckState>): void {
    this.current = { ...this.current, ...change };
    this.emitter.fire(this.current);
  }
}
