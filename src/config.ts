import * as vscode from 'vscode';

export const DEFAULT_PROFILE_PATH = '.vscode/release-deck.json';
export const MIN_REFRESH_SECONDS = 15;

export interface Settings {
  readonly profilePath: string;
  /** Seconds between refreshes; 0 when polling is off. */
  readonly refreshSeconds: number;
  readonly statusBarEnabled: boolean;
}

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
  };
}

export function affectsReleaseDeck(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('releaseDeck');
}
