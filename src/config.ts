import * as vscode from 'vscode';

export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_PROFILE_PATH = '.vscode/release-deck.json';
export const MIN_REFRESH_SECONDS = 15;

export interface Settings {
  readonly profilePath: string;
  /** The API URL the user set, or undefined when left at its default (the profile's then applies). */
  readonly apiUrlOverride: string | undefined;
  /** Seconds between refreshes; 0 when polling is off. */
  readonly refreshSeconds: number;
  readonly statusBarEnabled: boolean;
}

/** Reads Release Deck's settings, applying their documented rules (minimum interval, 0 = off). */
export function readSettings(): Settings {
  const configuration = vscode.workspace.getConfiguration('releaseDeck', vscode.workspace.workspaceFolders?.[0]?.uri ?? null);
  const interval = configuration.get<number>('refresh.intervalSeconds', 60);
  const apiUrl = configuration.inspect<string>('github.apiUrl');
  const explicit = apiUrl?.workspaceFolderValue ?? apiUrl?.workspaceValue ?? apiUrl?.globalValue;
  return {
    profilePath: configuration.get<string>('profile', DEFAULT_PROFILE_PATH) || DEFAULT_PROFILE_PATH,
    apiUrlOverride: explicit !== undefined && explicit !== '' && explicit !== DEFAULT_API_URL ? explicit : undefined,
    refreshSeconds: !Number.isFinite(interval) || interval <= 0 ? 0 : Math.max(interval, MIN_REFRESH_SECONDS),
    statusBarEnabled: configuration.get<boolean>('statusBar.enabled', true),
  };
}

export function affectsReleaseDeck(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('releaseDeck');
}
