import type { SsoChallenge } from './sso';

/** What went wrong talking to GitHub, typed so the UI can decide how to show it. */
export type GitHubErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'ssoRequired'
  | 'notFound'
  | 'moved'
  | 'validation'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'tooLarge';

/** Where in the work the error happened, so the message can say what to fix. */
export interface ErrorContext {
  /** What was being done, e.g. "list the GitHub Releases of WordPress/openverse". */
  readonly action: string;
  /** The profile field that names what was not found, e.g. "monorepo" or "apps[0].environments[1].deploy.workflow". */
  readonly profileField?: string;
}

export class GitHubError extends Error {
  override readonly name = 'GitHubError';

  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    readonly status?: number,
    /** When a rate limit lifts, for `rateLimited`. */
    readonly retryAt?: Date,
    /** For `network`: the system error code when the connection was never opened (the request never left). */
    readonly notConnected?: string,
    /** For `ssoRequired`: the organisation that enforces SAML SSO and GitHub's URL that authorizes the credential for it. */
    readonly sso?: SsoChallenge,
  ) {
    super(message);
  }

  /** True for faults that a later attempt may not meet (server errors, network, timeouts). */
  get transient(): boolean {
    return this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }
}

export function isGitHubError(error: unknown): error is GitHubError {
  return error instanceof GitHubError;
}

/** A short, token-free description of any error, for messages and logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return typeof error === 'string' ? error : 'an unknown error';
}

/**
 * System error codes of a connection that was never opened — no address for the host, the connection
 * refused, no route — so not one byte of the request was sent. Any other failure (a reset, a socket
 * closed, a timeout) may come after the request reached GitHub.
 */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The code when `cause` (node-fetch's FetchError) says the connection was never opened. */
export function notConnectedCode(cause: unknown): { notConnected?: string } {
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' && NOT_CONNECTED_CODES.has(code) ? { notConnected: code } : {};
}

export function formatClock(moment: Date): string {
  return moment.toISOString().slice(11, 19) + ' UTC';
}

interface FailureFacts {
  readonly status?: number;
  readonly githubMessage?: string;
  readonly retryAt?: Date;
  /** For `rateLimited`: GitHub asked for a longer wait than Release Deck keeps (and until when, if it could be read). */
  readonly waitCapped?: { readonly askedUntil?: Date };
  /** For `tooLarge`: the cap the answer passed. */
  readonly limitBytes?: number;
  readonly missingScopes?: readonly string[];
  /** For `network`: the connection was never opened (notConnectedCode). */
  readonly notConnected?: string;
  /** For `moved`: where GitHub says it is now (the Location header). */
  readonly location?: string;
  /** For `ssoRequired`: what the X-GitHub-SSO header said. */
  readonly sso?: SsoChallenge;
}

/** Builds the typed error for a failed request, with a message that says what happened and what to do. */
export function gitHubErrorFor(kind: GitHubErrorKind, context: ErrorContext, facts: FailureFacts = {}): GitHubError {
  const said = facts.githubMessage !== undefined && facts.githubMessage !== '' ? ` (GitHub said: "${clip(facts.githubMessage)}")` : '';
  const status = facts.status !== undefined ? `${facts.status} ` : '';
  const trying = `while trying to ${context.action}`;
  let message: string;
  switch (kind) {
    case 'unauthorized':
      message = `GitHub refused the sign-in ${trying}${said}: the token has expired or was revoked. Sign in again.`;
      break;
    case 'forbidden':
      message = `GitHub answered ${status}Forbidden ${trying}${said}: the signed-in account lacks the permission. Sign in with an account (or token) that has the repo and workflow scopes for this repository.`;
      break;
    case 'ssoRequired':
      message = `GitHub answered ${status}Forbidden ${trying}${said}: ${facts.sso?.organization !== undefined ? `the organisation ${facts.sso.organization}` : 'its organisation'} enforces SAML single sign-on, and this sign-in is not authorized for it. Authorize it for SSO, or sign in again with a new session.`;
      break;
    case 'notFound':
      message = `GitHub answered ${status}Not Found ${trying}${said}: it does not exist, or the signed-in account cannot see it.${context.profileField !== undefined ? ` Check "${context.profileField}" in the profile.` : ''}`;
      break;
    case 'moved':
      message = `GitHub answered ${status}(moved) ${trying}: what was asked for is now at ${facts.location ?? 'another address'}, as when a repository is renamed or transferred. Release Deck does not send a change to another address by itself, so nothing was changed. Where the profile names this repository${context.profileField !== undefined ? ` (at "${context.profileField}")` : ''}, use the name it has now.`;
      break;
    case 'validation':
      message = `GitHub refused the request ${trying}${said}. Nothing was changed.`;
      break;
    case 'rateLimited':
      message = `GitHub's rate limit was reached ${trying}${said}. ${rateLimitAdvice(facts)}`;
      break;
    case 'server':
      message = `GitHub answered ${status}(a server error) ${trying}. It is usually brief: try again in a minute.`;
      break;
    case 'network':
      message = `GitHub could not be reached ${trying}${said}. Check the network connection and the setting releaseDeck.github.apiUrl.`;
      break;
    case 'timeout':
      message = `GitHub did not answer in time ${trying}. Try again; if it persists, check the network or GitHub's status page.`;
      break;
    case 'malformed':
      message = `GitHub's answer ${trying} was not what its API returns${said}. If releaseDeck.github.apiUrl points at a proxy or a GitHub Enterprise Server, check that it is the REST API root.`;
      break;
    case 'tooLarge':
      message = `GitHub's answer ${trying} was larger than ${Math.round((facts.limitBytes ?? 0) / (1024 * 1024))} MB, far larger than any answer of its REST API, so Release Deck stopped reading it. If releaseDeck.github.apiUrl points at a proxy or a GitHub Enterprise Server, check that it is the REST API root; otherwise try again later.`;
      break;
  }
  return new GitHubError(kind, message, facts.status, facts.retryAt, kind === 'network' ? facts.notConnected : undefined, kind === 'ssoRequired' ? facts.sso : undefined);
}

function rateLimitAdvice(facts: FailureFacts): string {
  if (facts.waitCapped !== undefined) {
    const asked = facts.waitCapped.askedUntil !== undefined ? `until ${facts.waitCapped.askedUntil.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'longer than an hour';
    return `GitHub asks to wait ${asked}; Release Deck will not wait longer than an hour: try again later.`;
  }
  return facts.retryAt !== undefined ? `It lifts at ${formatClock(facts.retryAt)}; Release Deck waits until then.` : 'Wait a while and try again.';
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
}

/**
 * Why GitHub refused an action, for a refusal message: the error's kind first — an organisation's SAML SSO
 * (a 403 that is not about permissions) or a rate limit (also answered 403) — then, for a plain 403,
 * `forbidden`: the action's own words about the permission it needs. Undefined for anything else.
 */
export function refusalReason(error: unknown, forbidden: string): string | undefined {
  if (!isGitHubError(error)) {
    return undefined;
  }
  if (error.kind === 'ssoRequired') {
    return `${error.sso?.organization !== undefined ? `the organisation ${error.sso.organization}` : 'the repository\'s organisation'} enforces SAML single sign-on and this sign-in is not authorized for it: authorize it for SSO on GitHub, or sign in again, then try again`;
  }
  if (error.kind === 'rateLimited') {
    return `GitHub's rate limit was reached: ${error.retryAt !== undefined ? `it lifts at ${formatClock(error.retryAt)}; try again then` : 'wait a while and try again'}`;
  }
  return error.status === 403 ? forbidden : undefined;
}
