/** The panel's title, "Release Notes · API", in the language `titleOf` speaks (English by default). */
export const englishPanelTitle = (appLabel: string): string => `Release Notes · ${appLabel}`;

/**
 * What a release notes panel shows after a window reload: the app (and release) the page saved (the page
 * saves its app as soon as it starts), or, when a reload came before even that, the app its title names,
 * in English or in the editor's language (`titleOf`).
 */
export function restoredPanel(
  state: unknown,
  title: string,
  apps: ReadonlyArray<{ readonly id: string; readonly label: string }>,
  titleOf: (appLabel: string) => string = englishPanelTitle,
): { readonly appId: string; readonly releaseId: number | undefined } | undefined {
  const saved = typeof state === 'object' && state !== null ? (state as { appId?: unknown; releaseId?: unknown }) : {};
  const fromState = typeof saved.appId === 'string' ? saved.appId : undefined;
  const fromTitle = apps.find((app) => title === englishPanelTitle(app.label) || title === titleOf(app.label))?.id;
  const appId = fromState ?? fromTitle;
  if (appId === undefined) {
    return undefined;
  }
  return { appId, releaseId: typeof saved.releaseId === 'number' ? saved.releaseId : undefined };
}

/** The section (workspace folder's URI) the page saved with its app, if any (pages saved before sections: none). */
export function savedSection(state: unknown): string | undefined {
  const saved = typeof state === 'object' && state !== null ? (state as { section?: unknown }).section : undefined;
  return typeof saved === 'string' ? saved : undefined;
}

/**
 * Where images of GitHub's rendered notes (body_html) come from: its image proxy (camo) for outside
 * images, its hosts for uploaded attachments, avatars and emoji. Any other host could learn who reads
 * the notes, and when, from an image request.
 */
export const GITHUB_IMAGE_SOURCES = [
  'https://camo.githubusercontent.com',
  'https://private-user-images.githubusercontent.com',
  'https://user-images.githubusercontent.com',
  'https://avatars.githubusercontent.com',
  'https://github.githubassets.com',
  'https://github.com/user-attachments/',
] as const;

/** The page's Content-Security-Policy: scripts only with the nonce, styles and fonts from the extension, images from GitHub. */
export function releaseNotesCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} ${GITHUB_IMAGE_SOURCES.join(' ')}`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}
