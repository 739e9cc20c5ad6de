import * as vscode from 'vscode';
import type { NotificationLevel } from '../config';
import { Disposable } from '../disposable';
import { moreNews, newsBetween, newsDigest, readNewsDigest, type NewsDigest, type NewsEvent } from '../domain/deckNews';
import type { Profile } from '../domain/profileTypes';
import type { DeckSnapshot } from '../domain/snapshot';
import type { Log } from '../log';
import { environmentKey, publishKey, type InFlight } from '../operations/inFlight';
import type { DeckState, DeckStore } from '../state/deckStore';

/** Where what the deck knew is kept between sessions (workspace state), and what was announced. */
const DIGEST_KEY = 'releaseDeck.news.digest';
const ANNOUNCED_KEY = 'releaseDeck.news.announced';
/** Announced keys remembered (run, release, version ids): far more than a window sees between two reloads. */
const REMEMBERED = 500;
/** Notifications shown for one refresh; the rest are summed up in one more. */
const SHOWN_AT_ONCE = 3;

/** A notification as it was shown (the integration tests read these). */
export interface ShownNews {
  readonly key: string;
  readonly severity: 'information' | 'warning';
  readonly message: string;
  readonly buttons: readonly string[];
}

export interface NewsInputs {
  readonly store: DeckStore;
  /** The workspace's state: survives a reload. */
  readonly memento: vscode.Memento;
  readonly level: () => NotificationLevel;
  /** Whether this window itself did it (its own action has its own progress and result message). */
  readonly ownAction: (event: NewsEvent, sinceMs: number) => boolean;
  readonly openLink: (url: string) => Promise<void>;
  readonly log: Log;
  /** The section's key (its folder's URI): what it saves is kept under keys of its own ('' : a window without folders). */
  readonly section?: string;
  /** The folder's name when the deck shows several sections (the notification names it), else undefined. */
  readonly folder?: () => string | undefined;
  /** Where what is shown is recorded, when several sections' news share one record (oldest first). */
  readonly shownLog?: ShownNews[];
}

/**
 * News from everyone: each new snapshot is compared with what the deck knew (the last snapshot's digest,
 * kept in workspace state so that a reload neither loses nor repeats anything), and what changed is
 * announced as the setting `releaseDeck.notifications` asks, each change once.
 */
export class NewsNotifications extends Disposable {
  private lastSnapshot: DeckSnapshot | undefined;
  private digest: { readonly scope: string; readonly digest: NewsDigest } | undefined;
  private lastComparedMs = Date.now();
  private readonly shownLog: ShownNews[];

  constructor(private readonly inputs: NewsInputs) {
    super();
    this.shownLog = inputs.shownLog ?? [];
    this.register(
      inputs.store.onDidChange((state) => {
        this.compare(state);
      }),
    );
    this.compare(inputs.store.state);
  }

  /** What was announced in this session, oldest first. */
  get shown(): readonly ShownNews[] {
    return this.shownLog;
  }

  /** Forgets what is held in memory, as a reload does; the next snapshot is compared with the saved digest. */
  forgetAsAfterReload(): void {
    this.lastSnapshot = undefined;
    this.digest = undefined;
    this.compare(this.inputs.store.state);
  }

  private compare(state: DeckState): void {
    const snapshot = state.snapshot;
    if (snapshot === undefined || snapshot === this.lastSnapshot) {
      return;
    }
    this.lastSnapshot = snapshot;
    // What the deck knew of this host and profile: another one's runs and releases are no news.
    const scope = `${state.endpoint.kind === 'ready' ? state.endpoint.apiUrl : ''} ${snapshot.profileName}`;
    const before = this.digest?.scope === scope ? this.digest.digest : this.saved(scope);
    const sinceMs = this.lastComparedMs;
    this.lastComparedMs = Date.now();
    this.digest = { scope, digest: newsDigest(snapshot) };
    this.save(this.keyOf(DIGEST_KEY), this.digest);
    if (before === undefined) {
      return;
    }
    const announced = this.announced();
    const fresh = newsBetween(before, snapshot).filter((event) => !announced.includes(event.key));
    // The same news in the editor's language for the notifications; the log keeps the English.
    const told = new Map(newsBetween(before, snapshot, vscode.l10n, vscode.env.language).map((event) => [event.key, event]));
    if (fresh.length === 0) {
      return;
    }
    // Remembered whether shown or not: a change the setting left out is not told later, nor after a reload.
    this.save(this.keyOf(ANNOUNCED_KEY), [...announced, ...fresh.map((event) => event.key)].slice(-REMEMBERED));
    const level = this.inputs.level();
    const wanted = fresh.filter((event) => (level === 'all' || (level === 'failures' && event.failure)) && !this.inputs.ownAction(event, sinceMs));
    for (const event of wanted.slice(0, SHOWN_AT_ONCE)) {
      this.show(event, told.get(event.key) ?? event);
    }
    if (wanted.length > SHOWN_AT_ONCE) {
      const message = this.named(moreNews(wanted.length - SHOWN_AT_ONCE, vscode.l10n));
      this.shownLog.push({ key: 'more', severity: 'information', message, buttons: [] });
      void vscode.window.showInformationMessage(message);
    }
  }

  private show(event: NewsEvent, told: NewsEvent): void {
    const severity = event.failure ? 'warning' : 'information';
    const buttons = told.link !== undefined ? [told.link.label] : [];
    const message = this.named(told.message);
    this.shownLog.push({ key: event.key, severity, message, buttons });
    this.inputs.log.info(`News: ${this.named(event.message)}`);
    const shown = severity === 'warning' ? vscode.window.showWarningMessage(message, ...buttons) : vscode.window.showInformationMessage(message, ...buttons);
    void Promise.resolve(shown).then(async (choice) => {
      if (choice !== undefined && event.link !== undefined) {
        await this.inputs.openLink(event.link.url);
      }
    }).catch((error: unknown) => {
      this.inputs.log.warn(`Not opened: ${event.link?.url ?? ''}: ${String(error)}`);
    });
  }

  /** The message, with its folder's name first when the deck shows several folders. */
  private named(message: string): string {
    const folder = this.inputs.folder?.();
    return folder !== undefined && folder !== '' ? `${folder}: ${message}` : message;
  }

  /** The section's own key in workspace state (a window without folders keeps the plain key). */
  private keyOf(key: string): string {
    const section = this.inputs.section ?? '';
    return section !== '' ? `${key}:${section}` : key;
  }

  /**
   * What the section saved; before sections had keys of their own, a window saved under the plain key
   * (read once as a fallback: the scope, host and profile, keeps another folder's digest out).
   */
  private stored(key: string): unknown {
    return this.inputs.memento.get(this.keyOf(key)) ?? this.inputs.memento.get(key);
  }

  private saved(scope: string): NewsDigest | undefined {
    const value: unknown = this.stored(DIGEST_KEY);
    if (typeof value !== 'object' || value === null || (value as { scope?: unknown }).scope !== scope) {
      return undefined;
    }
    return readNewsDigest((value as { digest?: unknown }).digest);
  }

  private announced(): string[] {
    const value: unknown = this.stored(ANNOUNCED_KEY);
    return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
  }

  private save(key: string, value: unknown): void {
    void Promise.resolve(this.inputs.memento.update(key, value)).catch((error: unknown) => {
      this.inputs.log.warn(`What the deck knew could not be saved in the workspace state (${String(error)}): after a reload, changes found since may be told again or not at all.`);
    });
  }
}

/**
 * Whether this window did it: an operation of its own, from any of its folders, held the environment (deploy,
 * redeploy, roll back, publish with its production deployment) or the app's publish since the last comparison.
 * The keys name GitHub's targets (inFlight.ts): they are read from the section's profile.
 */
export function ownActionOf(inFlight: Pick<InFlight<unknown>, 'heldSince'>, profile: () => Profile | undefined): NewsInputs['ownAction'] {
  return (event, sinceMs) => {
    const current = profile();
    if (current === undefined) {
      return false;
    }
    if (event.environmentId === undefined) {
      return inFlight.heldSince(publishKey(current.monorepo, event.appId), sinceMs);
    }
    const environment = current.apps.find((app) => app.id === event.appId)?.environments.find((candidate) => candidate.id === event.environmentId);
    return environment !== undefined && inFlight.heldSince(environmentKey(current.monorepo, event.appId, environment), sinceMs);
  };
}
