import { AnswerTooLargeError } from './answerBody';
import { gitHubErrorFor, notConnectedCode, type ErrorContext, type GitHubError } from './errors';
import { TimeoutError } from './octokit';
import { cappedWait, DEFAULT_RATE_LIMIT_WAIT_MS, resetUntil, retryAfterUntil } from './rateLimit';
import { rateLimitedError, type Block, type RateLimitBlocks } from './rateLimitBlocks';
import { parseSsoHeader } from './sso';

/** What Octokit throws for a request that failed: its status, and GitHub's answer when one came. */
export interface RequestErrorLike {
  status: number;
  message: string;
  response?: { status: number; headers: Record<string, string | number | undefined>; data: unknown };
  cause?: unknown;
}

/** A failed request, classified: the error to report, whether a GET may try again, and the limit it met. */
export interface Failure {
  readonly error: GitHubError;
  readonly retry: boolean;
  readonly block?: Block;
}

export function isRequestErrorLike(error: unknown): error is RequestErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

/** Turns a failed request into a typed GitHubError; a rate limit it meets is recorded in `blocks`. */
export function classifyFailure(error: RequestErrorLike, context: ErrorContext, blocks: RateLimitBlocks, now: number): Failure {
  const response = error.response;
  if (response === undefined) {
    if (error.cause instanceof AnswerTooLargeError) {
      // Not tried again: the next answer would be as large.
      return { error: gitHubErrorFor('tooLarge', context, { limitBytes: error.cause.limitBytes }), retry: false };
    }
    const timedOut = error.cause instanceof TimeoutError || (error as { name?: string }).name === 'TimeoutError';
    return { error: gitHubErrorFor(timedOut ? 'timeout' : 'network', context, timedOut ? {} : { githubMessage: error.message, ...notConnectedCode(error.cause) }), retry: true };
  }
  const status = response.status;
  const githubMessage = messageOf(response.data);
  const headers = response.headers;
  if (status === 401) {
    return { error: gitHubErrorFor('unauthorized', context, { status, githubMessage }), retry: false };
  }
  const sso = status === 403 ? parseSsoHeader(headers['x-github-sso']) : undefined;
  if (sso !== undefined) {
    // Not a missing scope: the organisation's SAML SSO refuses this credential until it is authorized.
    return { error: gitHubErrorFor('ssoRequired', context, { status, githubMessage, sso }), retry: false };
  }
  if (status === 403 || status === 429) {
    const retryAfter = retryAfterUntil(headers['retry-after'], now);
    if (retryAfter !== undefined) {
      const block = blocks.block('secondary', { wait: cappedWait(retryAfter, now), status });
      return { error: rateLimitedError(context, block, githubMessage), retry: !block.wait.capped, block };
    }
    if (String(headers['x-ratelimit-remaining']) === '0') {
      const block = blocks.block('primary', { wait: cappedWait(resetUntil(headers['x-ratelimit-reset'], now), now), status });
      return { error: rateLimitedError(context, block, githubMessage), retry: false };
    }
    if (status === 429 || /rate limit/i.test(githubMessage)) {
      const block = blocks.block('secondary', { wait: cappedWait(now + DEFAULT_RATE_LIMIT_WAIT_MS, now), status });
      return { error: rateLimitedError(context, block, githubMessage), retry: false };
    }
    return { error: gitHubErrorFor('forbidden', context, { status, githubMessage }), retry: false };
  }
  if (status === 404) {
    return { error: gitHubErrorFor('notFound', context, { status, githubMessage }), retry: false };
  }
  if (status >= 500) {
    return { error: gitHubErrorFor('server', context, { status }), retry: true };
  }
  return { error: gitHubErrorFor('validation', context, { status, githubMessage: validationMessage(response.data) }), retry: false };
}

function messageOf(data: unknown): string {
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  if (typeof data === 'string') {
    return /<html|<!doctype/i.test(data) ? 'an HTML page instead of JSON' : data.slice(0, 200);
  }
  return '';
}

/** GitHub's 422 body: a message plus, sometimes, errors with their own messages. */
function validationMessage(data: unknown): string {
  const message = messageOf(data);
  const errors = (data as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors)) {
    const details = errors
      .map((entry: unknown) => {
        if (typeof entry === 'string') {
          return entry;
        }
        const fields = typeof entry === 'object' && entry !== null ? (entry as { message?: unknown; code?: unknown; field?: unknown; resource?: unknown }) : {};
        return typeof fields.message === 'string' ? fields.message : typeof fields.code === 'string' ? refusedField(fields.code, fields.field, fields.resource) : '';
      })
      .filter((detail) => detail !== '');
    if (details.length > 0) {
      return `${message}: ${details.join('; ')}`;
    }
  }
  return message;
}

/**
 * An error entry without a message: GitHub names the resource, the field and a code (missing,
 * missing_field, invalid, already_exists, unprocessable; "Client errors" in GitHub's REST guide), e.g.
 * {"resource": "Release", "field": "tag_name", "code": "already_exists"} → "tag_name of Release: already exists".
 */
function refusedField(code: string, field: unknown, resource: unknown): string {
  const where = [field, resource].filter((part): part is string => typeof part === 'string' && part !== '').join(' of ');
  const what = code.replace(/_/g, ' ');
  return where !== '' ? `${where}: ${what}` : what;
}
