import { OPENVERSE_PROFILE_DOCUMENT } from '../../src/domain/openverse';
import { CATALOG_RECORD, INGESTION_RECORDS } from './openverseWorld';

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
      // The simulated infrastructure repository records the manual environments' tags in files of its own
      // (openverseWorld.ts); Openverse's real ones are private, so the built-in profile names none.
      const recordedIn = recordOf(app.id, environment.id);
      if (environment.deploy.kind === 'manual' && recordedIn !== undefined) {
        Object.assign(environment.deploy, { recordedIn });
      }
    }
  }
  return document;
}

function recordOf(appId: string, environmentId: string): { path: string; pattern: string } | undefined {
  if (appId === 'catalog' && environmentId === 'production') {
    return { path: CATALOG_RECORD, pattern: 'image_tag: "([^"]+)"' };
  }
  if (appId === 'ingestion_server' && (environmentId === 'staging' || environmentId === 'production')) {
    return { path: INGESTION_RECORDS[environmentId], pattern: 'ingestion_server_image_tag = "([^"]+)"' };
  }
  return undefined;
}

/** The user settings that make the simulator the GitHub host Release Deck connects to (user level only). */
export function simulatorUserSettings(simulatorUrl: string): Record<string, unknown> {
  return { 'releaseDeck.github.apiUrl': simulatorUrl };
}
