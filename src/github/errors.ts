import { english, type L10n } from '../domain/l10n';
import { clockTime, dateTime } from '../domain/words';
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
  /**
   * What was being done, e.g. "list the GitHub Releases of WordPress/openverse": in the words of a
   * language (`(l10n) => l10n.t('list the GitHub Releases of {0}', repo)`), or plain English.
   */
  readonly action: string | ((l10n: L10n) => string);
  /** The profile field that names what was not found, e.g. "monorepo" or "apps[0].environments[1].deploy.workflow". */
  readonly profileField?: string;
}

/** The words and the locale (a BCP 47 tag such as vscode.env.language) a message is said in. */
export interface Language {
  readonly l10n: L10n;
  readonly locale: string;
}

/** English, for the log and for what has no other language (tests, pure modules). */
export const ENGLISH: Language = { l10n: english, locale: 'en' };

/** A message that can be said in any language. */
export type Said = (language: Language) => string;

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
    /** The message in another language (`message` is its English). */
    readonly said: Said = () => message,
  ) {
    super(message);
  }

  /** True for faults that a later attempt may not meet (server errors, network, timeouts). */
  get transient(): boolean {
    return this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }
}

/** A failure that is not GitHub's answer but says its text in any language; `message` is its English, for the log. */
export class SaidError extends Error {
  override readonly name = 'SaidError';

  constructor(readonly said: Said) {
    super(said(ENGLISH));
  }
}

export function isGitHubError(error: unknown): error is GitHubError {
  return error instanceof GitHubError;
}

/** A short, token-free description of any error, for messages (in `language`) and logs (English). */
export function describeError(error: unknown, language: Language = ENGLISH): string {
  if (error instanceof GitHubError || error instanceof SaidError) {
    return error.said(language);
  }
  if (error instanceof Error) {
    return error.message;
  }
  return typeof error === 'string' ? error : language.l10n.t('an unknown error');
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

/** A time of day as the person reads it (their locale and time zone), "2:05:09 PM" ("14:05:09" for `de`). */
export function formatClock(moment: Date, locale = 'en'): string {
  return clockTime(moment, locale);
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
  const said: Said = (language) => failureWords(kind, context, facts, language);
  return new GitHubError(kind, said(ENGLISH), facts.status, facts.retryAt, kind === 'network' ? facts.notConnected : undefined, kind === 'ssoRequired' ? facts.sso : undefined, said);
}

function failureWords(kind: GitHubErrorKind, context: ErrorContext, facts: FailureFacts, language: Language): string {
  const { l10n } = language;
  const action = typeof context.action === 'string' ? context.action : context.action(l10n);
  const said = facts.githubMessage !== undefined && facts.githubMessage !== '' ? l10n.t(' (GitHub said: "{0}")', clip(facts.githubMessage)) : '';
  const status = facts.status !== undefined ? `${facts.status} ` : '';
  const field = context.profileField;
  switch (kind) {
    case 'unauthorized':
      return l10n.t('GitHub refused the sign-in while trying to {0}{1}: the token has expired or was revoked. Sign in again.', action, said);
    case 'forbidden':
      return l10n.t('GitHub answered {0}Forbidden while trying to {1}{2}: the signed-in account lacks the permission. Sign in with an account (or token) that has the repo and workflow scopes for this repository.', status, action, said);
    case 'ssoRequired':
      return l10n.t(
        'GitHub answered {0}Forbidden while trying to {1}{2}: {3} enforces SAML single sign-on, and this sign-in is not authorized for it. Authorize it for SSO, or sign in again with a new session.',
        status,
        action,
        said,
        facts.sso?.organization !== undefined ? l10n.t('the organisation {0}', facts.sso.organization) : l10n.t('its organisation'),
      );
    case 'notFound':
      return l10n.t('GitHub answered {0}Not Found while trying to {1}{2}: it does not exist, or the signed-in account cannot see it.', status, action, said) + (field !== undefined ? l10n.t(' Check "{0}" in the profile.', field) : '');
    case 'moved':
      return (
        l10n.t('GitHub answered {0}(moved) while trying to {1}: what was asked for is now at {2}, as when a repository is renamed or transferred. Release Deck does not send a change to another address by itself, so nothing was changed.', status, action, facts.location ?? l10n.t('another address')) +
        (field !== undefined ? l10n.t(' Where the profile names this repository (at "{0}"), use the name it has now.', field) : l10n.t(' Where the profile names this repository, use the name it has now.'))
      );
    case 'validation':
      return l10n.t('GitHub refused the request while trying to {0}{1}. Nothing was changed.', action, said);
    case 'rateLimited':
      return l10n.t('GitHub\'s rate limit was reached while trying to {0}{1}. {2}', action, said, rateLimitAdvice(facts, language));
    case 'server':
      return l10n.t('GitHub answered {0}(a server error) while trying to {1}. It is usually brief: try again in a minute.', status, action);
    case 'network':
      return l10n.t('GitHub could not be reached while trying to {0}{1}. Check the network connection and the setting releaseDeck.github.apiUrl.', action, said);
    case 'timeout':
      return l10n.t('GitHub did not answer in time while trying to {0}. Try again; if it persists, check the network or GitHub\'s status page.', action);
    case 'malformed':
      return l10n.t('GitHub\'s answer while trying to {0} was not what its API returns{1}. If releaseDeck.github.apiUrl points at a proxy or a GitHub Enterprise Server, check that it is the REST API root.', action, said);
    case 'tooLarge':
      return l10n.t(
        'GitHub\'s answer while trying to {0} was larger than {1} MB, far larger than any answer of its REST API, so Release Deck stopped reading it. If releaseDeck.github.apiUrl points at a proxy or a GitHub Enterprise Server, check that it is the REST API root; otherwise try again later.',
        action,
        Math.round((facts.limitBytes ?? 0) / (1024 * 1024)),
      );
  }
}

function rateLimitAdvice(facts: FailureFacts, { l10n, locale }: Language): string {
  if (facts.waitCapped !== undefined) {
    const asked = facts.waitCapped.askedUntil !== undefined ? l10n.t('until {0}', dateTime(facts.waitCapped.askedUntil.toISOString(), locale)) : l10n.t('longer than an hour');
    return l10n.t('GitHub asks to wait {0}; Release Deck will not wait longer than an hour: try again later.', asked);
  }
  return facts.retryAt !== undefined ? l10n.t('It lifts at {0}; Release Deck waits until then.', formatClock(facts.retryAt, locale)) : l10n.t('Wait a while and try again.');
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
export function refusalReason(error: unknown, forbidden: string, { l10n, locale }: Language = ENGLISH): string | undefined {
  if (!isGitHubError(error)) {
    return undefined;
  }
  if (error.kind === 'ssoRequired') {
    return l10n.t(
      '{0} enforces SAML single sign-on and this sign-in is not authorized for it: authorize it for SSO on GitHub, or sign in again, then try again',
      error.sso?.organization !== undefined ? l10n.t('the organisation {0}', error.sso.organization) : l10n.t('the repository\'s organisation'),
    );
  }
  if (error.kind === 'rateLimited') {
    return error.retryAt !== undefined ? l10n.t('GitHub\'s rate limit was reached: it lifts at {0}; try again then', formatClock(error.retryAt, locale)) : l10n.t('GitHub\'s rate limit was reached: wait a while and try again');
  }
  return error.status === 403 ? forbidden : undefined;
}
