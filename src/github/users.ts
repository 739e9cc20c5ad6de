import type { L10n } from '../domain/l10n';
import type { GitHubClient } from './client';
import { gitHubErrorFor } from './errors';
import { asObject, parseOrThrow, str } from './parse';

export interface SignedInUser {
  readonly login: string;
  /** Scopes of a classic token (X-OAuth-Scopes); undefined for fine-grained tokens, which have none. */
  readonly scopes?: readonly string[];
}

/** The scopes Release Deck needs from a classic token: read and publish releases, dispatch workflows. */
export const REQUIRED_SCOPES = ['repo', 'workflow'] as const;

/** Who the token belongs to, and what its scopes allow. */
export async function getSignedInUser(client: GitHubClient): Promise<SignedInUser> {
  const context = { action: (l10n: L10n) => l10n.t('check who is signed in') };
  const response = await client.request('GET /user', {}, context);
  const login = parseOrThrow(response.data, context, (data) => str(asObject(data, 'user'), 'login'));
  const header = response.headers['x-oauth-scopes'];
  if (typeof header !== 'string') {
    return { login };
  }
  return { login, scopes: header.split(',').map((scope) => scope.trim()).filter((scope) => scope !== '') };
}

/** The required scopes a classic token lacks (`repo` implies its sub-scopes; `workflow` has none). */
export function missingScopes(user: SignedInUser): string[] {
  if (user.scopes === undefined) {
    return [];
  }
  const granted = new Set(user.scopes);
  return REQUIRED_SCOPES.filter((scope) => !granted.has(scope));
}

/** Checks a token before it is stored: it must be accepted and carry the scopes Release Deck needs. */
export async function checkToken(client: GitHubClient): Promise<SignedInUser> {
  const user = await getSignedInUser(client);
  const missing = missingScopes(user);
  if (missing.length > 0) {
    throw gitHubErrorFor('forbidden', { action: (l10n: L10n) => l10n.t('check the token') }, {
      githubMessage: `the token of ${user.login} lacks the ${missing.map((scope) => `"${scope}"`).join(' and ')} scope${missing.length > 1 ? 's' : ''}; create one with repo and workflow`,
    });
  }
  return user;
}
