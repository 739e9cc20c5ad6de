/**
 * What a release notes panel shows after a window reload: the app (and release) the page saved, or, when
 * a reload came before the page saved anything, the app its title names ("Release Notes · API").
 */
export function restoredPanel(state: unknown, title: string, apps: ReadonlyArray<{ readonly id: string; readonly label: string }>): { readonly appId: string; readonly releaseId: number | undefined } | undefined {
  const fromState = typeof state === 'object' && state !== null && typeof (state as { appId?: unknown }).appId === 'string' ? (state as { appId: string }).appId : undefined;
  const fromTitle = apps.find((app) => title === `Release Notes · ${app.label}`)?.id;
  const appId = fromState ?? fromTitle;
  if (appId === undefined) {
    return undefined;
  }
  const releaseId = (state as { releaseId?: unknown }).releaseId;
  return { appId, releaseId: typeof releaseId === 'number' ? releaseId : undefined };
}

/** The page's Content-Security-Policy: scripts only with the nonce, styles and fonts from the extension. */
export function releaseNotesCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} https:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}
