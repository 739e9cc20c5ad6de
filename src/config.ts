import * as vscode from 'vscode';

export const DEFAULT_PROFILE_PATH = '.vscode/release-deck.json';
export const MIN_REFRESH_SECONDS = 15;

export interface Settings {
  readonly profilePath: string;
  /** Seconds between refreshes; 0 when polling is off. */
  readonly refreshSeconds: number;
  readonly statusBarEnabled: boolean;
  /** Which changes found by a refresh are announced: none, failed deployments only, or every change. */
  readonly notifications: NotificationLevel;
  /** Days a draft with changes may stay unpublished before Needs You lists it; 0 leaves drafts out. */
  readonly needsYouDraftAgeDays: number;
  /** Show the built-in Openverse profile's deck in a workspace that is not a checkout of WordPress/openverse. */
  readonly useOpenverseExample: boolean;
}

export type NotificationLevel = 'off' | 'failures' | 'all';
const NOTIFICATION_LEVELS: readonly NotificationLevel[] = ['off', 'failures', 'all'];

/**
 * Reads Release Deck's settings, applying their documented rules (minimum interval, 0 = off). Where a
 * token goes is not among them: src/state/endpoint.ts reads that from the user's own settings only.
 */
export function readSettings(): Settings {
  const configuration = vscode.workspace.getConfiguration('releaseDeck', vscode.workspace.workspaceFolders?.[0]?.uri ?? null);
  const interval = configuration.get<number>('refresh.intervalSeconds', 60);
  return {
    profilePath: configuration.get<string>('profile', DEFAULT_PROFILE_PATH) || DEFAULT_PROFILE_PATH,
    refreshSeconds: !Number.isFinite(interval) || interval <= 0 ? 0 : Math.max(interval, MIN_REFRESH_SECONDS),
    statusBarEnabled: configuration.get<boolean>('statusBar.enabled', true),
    notifications: NOTIFICATION_LEVELS.find((level) => level === configuration.get<string>('notifications', 'failures')) ?? 'failures',
    needsYouDraftAgeDays: draftAgeDays(configuration.get<unknown>('needsYou.draftAgeDays', 7)),
    useOpenverseExample: configuration.get<boolean>('useOpenverseExample', false),
  };
}

export function affectsReleaseDeck(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('releaseDeck');
}

/** Days as the setting gives them: a whole number of at least 0 (0 turns the rule off), 7 when not a number. */
function draftAgeDays(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 7;
}
