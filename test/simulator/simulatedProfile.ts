import { OPENVERSE_PROFILE_DOCUMENT } from '../../src/domain/openverse';

/**
 * The Openverse profile as a workspace would write it to use the simulator: same apps, environments and
 * workflows, with each /version endpoint served by the simulator. The GitHub host is not the profile's
 * to choose: the harness names the simulator in the user's settings (`simulatorUserSettings`).
 */
export function simulatedProfileDocument(simulatorUrl: string): Omit<typeof OPENVERSE_PROFILE_DOCUMENT, 'github'> & { github: { webUrl: string } } {
  const document: Omit<typeof OPENVERSE_PROFILE_DOCUMENT, 'github'> & { github: { webUrl: string } } = structuredClone(OPENVERSE_PROFILE_DOCUMENT);
  document.name = 'Openverse (simulated)';
  // The simulator's answers link to github.com, as GitHub's do.
  document.github = { webUrl: 'https://github.com' };
  for (const app of document.apps) {
    for (const environment of app.environments) {
      if ('versionUrl' in environment && typeof environment.versionUrl === 'string') {
        environment.versionUrl = `${simulatorUrl}/live/${app.id}/${environment.id}/version`;
      }
    }
  }
  return document;
}

/** The user settings that make the simulator the GitHub host Release Deck connects to (user level only). */
export function simulatorUserSettings(simulatorUrl: string): Record<string, unknown> {
  return { 'releaseDeck.github.apiUrl': simulatorUrl };
}
