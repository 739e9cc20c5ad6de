import { OPENVERSE_PROFILE_DOCUMENT } from '../../src/domain/openverse';

/**
 * The Openverse profile as a workspace would write it to use the simulator: same apps, environments and
 * workflows, with each /version endpoint served by the simulator and its API as the GitHub host.
 */
export function simulatedProfileDocument(simulatorUrl: string): typeof OPENVERSE_PROFILE_DOCUMENT {
  const document = structuredClone(OPENVERSE_PROFILE_DOCUMENT);
  document.name = 'Openverse (simulated)';
  document.github = { apiUrl: simulatorUrl, webUrl: 'https://github.com' };
  for (const app of document.apps) {
    for (const environment of app.environments) {
      if ('versionUrl' in environment && typeof environment.versionUrl === 'string') {
        environment.versionUrl = `${simulatorUrl}/live/${app.id}/${environment.id}/version`;
      }
    }
  }
  return document;
}
