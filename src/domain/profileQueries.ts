import type { AppProfile, Profile } from './profileTypes';

/** What the rest of the extension asks of a valid profile. */

/** The app whose source folders hold a path relative to the workspace folder (longest folder wins). */
export function appOfPath(profile: Profile, relativePath: string): AppProfile | undefined {
  const path = relativePath.replace(/\\/g, '/');
  let best: { app: AppProfile; length: number } | undefined;
  for (const app of profile.apps) {
    for (const folder of app.sourceFolders) {
      if (path.startsWith(folder) && (best === undefined || folder.length > best.length)) {
        best = { app, length: folder.length };
      }
    }
  }
  return best?.app;
}

/** Fills the placeholders of a manual procedure's step title or command. */
export function fillManualPlaceholders(command: string, values: { imageTag: string; gitTag: string; environment: string }): string {
  return command.replace(/\{(imageTag|gitTag|environment)\}/g, (_, key: 'imageTag' | 'gitTag' | 'environment') => values[key]);
}

/** The OAuth scopes beyond repo and workflow a profile needs: read:packages when an app names its registry package. */
export function extraScopes(profile: Profile | undefined): string[] {
  return profile?.apps.some((app) => app.registry !== undefined) === true ? ['read:packages'] : [];
}
