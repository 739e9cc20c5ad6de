import { GITHUB_API_URL, originOf, type Endpoint } from './endpoint';
import type { L10n } from './l10n';

/**
 * Multi-root workspaces: a window connects to one GitHub host (the user's choice: their setting, or the host
 * the first folder's profile asks for, once allowed). Another folder's profile that asks for a different host
 * is not served from the window's: its deck is not read at all (its repositories are on the other host, and
 * no token goes anywhere for it), and the section says why and what to do.
 */
export function sectionHostConflict(l10n: L10n, request: { readonly apiUrl?: string | undefined } | undefined, endpoint: Endpoint): string | undefined {
  // Whatever the profiles ask, the user's own setting decides for every folder (as in a single-folder window).
  if (endpoint.kind !== 'ready' || endpoint.chosenBy === 'setting') {
    return undefined;
  }
  const asked = request?.apiUrl !== undefined && request.apiUrl.trim() !== '' ? request.apiUrl.trim().replace(/\/+$/, '') : GITHUB_API_URL;
  const askedOrigin = originOf(asked);
  // A URL that is none: the profile's validation reports it.
  if (askedOrigin === undefined || askedOrigin === endpoint.origin) {
    return undefined;
  }
  const why = endpoint.chosenBy === 'default' ? l10n.t('the default, as no other folder\'s profile asks for another host') : l10n.t('as the first folder with a profile asks for it');
  return l10n.t(
    'This folder\'s profile asks for the GitHub API at {0}, but this window connects to {1} ({2}), and a window connects to one GitHub host: nothing of this folder was read. Open the folder in a window of its own, or make "github.apiUrl" in its profile {1}.',
    asked,
    endpoint.apiUrl,
    why,
  );
}
