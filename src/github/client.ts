import type { Octokit } from '@octokit/rest';
import { clampTimerMs, sleep } from '../timers';
import { AnswerTooLargeError, bodyOf, readCapped } from './answerBody';
import { gitHubErrorFor, type GitHubError, type ErrorContext } from './errors';
import { cappedWait, DEFAULT_RATE_LIMIT_WAIT_MS, resetUntil, retryAfterUntil, type RateLimitWait } from './rateLimit';

/**
 * The one way Release Deck talks to GitHub's REST API: @octokit/rest with node-fetch as its fetch (so
 * requests go through Node's http/https agents, which VS Code configures for the user's proxy), plus:
 * - an ETag cache: repeated GETs send If-None-Match, and a 304 is served from the cache (free against
 *   the rate limit);
 * - retries with backoff for GETs that meet a server error, a network error or a timeout (never for a
 *   POST, which might have happened: a dispatch or a publish is never sent twice);
 * - rate-limit awareness: after a primary or secondary limit, requests wait or stop until it lifts
 *   instead of hammering GitHub (never longer than an hour: see rateLimit.ts); the two limits are
 *   kept apart, so the end of a secondary limit's wait does not lift a primary one;
 * - a size cap on every answer, counted after decompression (answerBody.ts);
 * - counters of requests, 304s and rate-limit units for the log and the benchmark.
 */

export interface RateLimitState {
  readonly limit: number;
  readonly remaining: number;
  readonly resetAt: Date;
}

export interface RequestStats {
  /** Requests that reached GitHub (304s included). */
  requests: number;
  /** Answers served from the ETag cache after a 304. */
  notModified: number;
  /** Requests that counted against the rate limit (all but 304s). */
  rateLimitUnits: number;
  retries: number;
  rateLimit?: RateLimitState;
}

export interface GitHubClientOptions {
  readonly apiUrl: string;
  readonly token: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** Longest Retry-After a GET waits for before giving up with a rate-limit error. */
  readonly maxRetryAfterSeconds?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export interface GitHubResponse {
  readonly status: number;
  readonly data: unknown;
  readonly headers: Readonly<Record<string, string | number | undefined>>;
  /** True when GitHub answered 304 and the data came from the cache. */
  readonly fromCache: boolean;
}

interface CachedResponse {
  readonly etag: string;
  readonly status: number;
  readonly data: unknown;
  readonly headers: Readonly<Record<string, string | number | undefined>>;
}

const CACHE_LIMIT = 500;
const VERSION = '0.1.0';

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { status: number; headers: Record<string, string | number | undefined>; data: unknown };
  cause?: unknown;
}

/** A rate limit in force: until when, and what GitHub answered. */
interface Block {
  readonly wait: RateLimitWait;
  readonly status: number;
}

function isRequestErrorLike(error: unknown): error is RequestErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

export class GitHubClient {
  readonly stats: RequestStats = { requests: 0, notModified: 0, rateLimitUnits: 0, retries: 0 };
  private readonly cache = new Map<string, CachedResponse>();
  /** The primary limit (x-ratelimit-remaining: 0) and a secondary one (retry-after), kept apart. */
  private primaryBlock: Block | undefined;
  private secondaryBlock: Block | undefined;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  private constructor(
    private readonly octokit: Octokit,
    readonly apiUrl: string,
    private readonly options: GitHubClientOptions,
  ) {
    this.sleep = options.sleep ?? sleep;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => undefined);
  }

  /** Loads Octokit and node-fetch only when GitHub is first needed, keeping activation fast. */
  static async create(options: GitHubClientOptions): Promise<GitHubClient> {
    const [{ Octokit }, { default: nodeFetch, Response }] = await Promise.all([import('@octokit/rest'), import('node-fetch')]);
    const timeoutMs = options.timeoutMs ?? 15_000;
    const fetchWithTimeout = async (url: string, init: Record<string, unknown> = {}): Promise<unknown> => {
      const controller = new AbortController();
      const timer = setTimeout(() => {
        controller.abort(new TimeoutError(`no answer within ${timeoutMs / 1000} s`));
      }, clampTimerMs(timeoutMs));
      const outer = init.signal as AbortSignal | undefined;
      outer?.addEventListener('abort', () => {
        controller.abort(outer.reason);
      });
      try {
        let response = await nodeFetch(url, { ...init, signal: controller.signal });
        if (response.status >= 300 && response.body !== null) {
          // Octokit reads an error's body itself, without a cap: it gets the body read here, capped.
          const body = await readCapped(response.body);
          // node-fetch's Response keeps `url` from its init, which its types leave out.
          response = new Response(body, Object.assign({ status: response.status, statusText: response.statusText, headers: response.headers }, { url: response.url }));
        }
        // The time limit holds until the whole body has come: a body that stalls is aborted too.
        if (response.body === null || response.status === 204 || response.status === 205) {
          clearTimeout(timer);
        } else {
          response.body.once('close', () => {
            clearTimeout(timer);
          });
        }
        return response;
      } catch (error) {
        clearTimeout(timer);
        if (controller.signal.aborted && controller.signal.reason instanceof TimeoutError) {
          throw controller.signal.reason;
        }
        throw error;
      }
    };
    const apiUrl = options.apiUrl.replace(/\/+$/, '');
    const octokit = new Octokit({
      auth: options.token,
      baseUrl: apiUrl,
      userAgent: `release-deck/${VERSION}`,
      request: { fetch: fetchWithTimeout },
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    return new GitHubClient(octokit, apiUrl, options);
  }

  /**
   * Sends one request. GETs are conditional and retried on transient faults; other methods are sent
   * exactly once. Every failure comes out as a GitHubError whose message uses `context`.
   */
  async request(route: string, params: Record<string, unknown>, context: ErrorContext): Promise<GitHubResponse> {
    const endpoint = this.octokit.request.endpoint(route, params);
    const method = endpoint.method.toUpperCase();
    const accept = typeof endpoint.headers.accept === 'string' ? endpoint.headers.accept : '';
    const cacheKey = `${method} ${endpoint.url} ${accept}`;
    const idempotent = method === 'GET' || method === 'HEAD';
    const maxRetries = idempotent ? (this.options.maxRetries ?? 2) : 0;

    for (let attempt = 0; ; attempt += 1) {
      this.throwIfBlocked(context);
      const cached = idempotent ? this.cache.get(cacheKey) : undefined;
      const headers: Record<string, string> = {};
      if (cached !== undefined) {
        headers['if-none-match'] = cached.etag;
      }
      const started = this.now();
      try {
        this.stats.requests += 1;
        // Octokit hands back the raw body of a success: it is parsed below with the engine's JSON.parse,
        // several times faster than Octokit's BigInt-aware parser on a page of 100 workflow runs.
        const response = await this.octokit.request(route, {
          ...params,
          headers: { ...(params.headers as Record<string, string> | undefined), ...headers },
          request: { parseSuccessResponseBody: false },
        });
        const responseHeaders = response.headers as Record<string, string | number | undefined>;
        const data = await bodyOf(response.data, responseHeaders['content-type']).catch((cause: unknown) => {
          // The answer began but did not finish: as if it never came (so a GET is tried again).
          if (cause instanceof AnswerTooLargeError) {
            throw Object.assign(new Error(cause.message), { status: 500, cause });
          }
          const timedOut = (cause as { name?: unknown } | null)?.name === 'AbortError';
          throw Object.assign(new Error(timedOut ? `no answer within ${(this.options.timeoutMs ?? 15_000) / 1000} s` : 'the answer was cut short'), { status: 500, name: timedOut ? 'TimeoutError' : 'Error', cause });
        });
        this.stats.rateLimitUnits += 1;
        this.noteRateLimit(responseHeaders);
        this.log(`${method} ${pathOf(endpoint.url)} → ${response.status} (${this.now() - started} ms)`);
        const etag = responseHeaders.etag;
        if (idempotent && typeof etag === 'string') {
          this.remember(cacheKey, { etag, status: response.status, data, headers: responseHeaders });
        }
        return { status: response.status, data, headers: responseHeaders, fromCache: false };
      } catch (error) {
        if (!isRequestErrorLike(error)) {
          throw error;
        }
        const responseHeaders = error.response?.headers ?? {};
        this.noteRateLimit(responseHeaders);
        if (error.status === 304 && cached !== undefined) {
          this.stats.notModified += 1;
          this.log(`${method} ${pathOf(endpoint.url)} → 304, served from cache (${this.now() - started} ms)`);
          return { status: cached.status, data: cached.data, headers: { ...cached.headers, ...responseHeaders }, fromCache: true };
        }
        if (error.response !== undefined) {
          this.stats.rateLimitUnits += 1;
        }
        this.log(`${method} ${pathOf(endpoint.url)} → ${error.response !== undefined ? String(error.status) : 'no answer'} (${this.now() - started} ms)`);
        const failure = this.classify(error, context);
        const waitMs = failure.block !== undefined ? Math.max(failure.block.wait.until.getTime() - this.now(), 0) : undefined;
        if (attempt < maxRetries && failure.retry && (waitMs === undefined || waitMs <= (this.options.maxRetryAfterSeconds ?? 60) * 1000)) {
          this.stats.retries += 1;
          await this.sleep(waitMs ?? backoffMs(attempt));
          if (failure.block !== undefined && this.secondaryBlock === failure.block) {
            // The wait this secondary limit asked for is over; a primary limit, if any, still holds.
            this.secondaryBlock = undefined;
          }
          continue;
        }
        throw failure.error;
      }
    }
  }

  /**
   * Reads up to `maxPages` pages of 100 of a list endpoint, all at once (in parallel, so several pages
   * cost one round trip of time); pages past the last one GitHub has are dropped.
   */
  async requestPages(route: string, params: Record<string, unknown>, context: ErrorContext, maxPages: number): Promise<GitHubResponse[]> {
    const first = this.request(route, { ...params, per_page: 100, page: 1 }, context);
    const rest = Array.from({ length: Math.max(maxPages - 1, 0) }, (_, index) => this.request(route, { ...params, per_page: 100, page: index + 2 }, context));
    const settled = await Promise.allSettled([first, ...rest]);
    const pages: GitHubResponse[] = [];
    for (const result of settled) {
      if (result.status === 'rejected') {
        throw result.reason;
      }
      pages.push(result.value);
      const link = result.value.headers.link;
      if (typeof link !== 'string' || !/rel="next"/.test(link)) {
        break;
      }
    }
    return pages;
  }

  private throwIfBlocked(context: ErrorContext): void {
    const block = this.activeBlock();
    if (block !== undefined) {
      throw rateLimitedError(context, block, '');
    }
  }

  /** The rate limit in force that lifts last, if any. */
  private activeBlock(): Block | undefined {
    const now = this.now();
    let latest: Block | undefined;
    for (const block of [this.primaryBlock, this.secondaryBlock]) {
      if (block !== undefined && now < block.wait.until.getTime() && (latest === undefined || block.wait.until > latest.wait.until)) {
        latest = block;
      }
    }
    return latest;
  }

  private classify(error: RequestErrorLike, context: ErrorContext): { error: GitHubError; retry: boolean; block?: Block } {
    const response = error.response;
    if (response === undefined) {
      if (error.cause instanceof AnswerTooLargeError) {
        // Not tried again: the next answer would be as large.
        return { error: gitHubErrorFor('tooLarge', context, { limitBytes: error.cause.limitBytes }), retry: false };
      }
      const timedOut = error.cause instanceof TimeoutError || (error as { name?: string }).name === 'TimeoutError';
      return { error: gitHubErrorFor(timedOut ? 'timeout' : 'network', context, timedOut ? {} : { githubMessage: error.message }), retry: true };
    }
    const status = response.status;
    const githubMessage = messageOf(response.data);
    const headers = response.headers;
    if (status === 401) {
      return { error: gitHubErrorFor('unauthorized', context, { status, githubMessage }), retry: false };
    }
    if (status === 403 || status === 429) {
      const now = this.now();
      const retryAfter = retryAfterUntil(headers['retry-after'], now);
      if (retryAfter !== undefined) {
        const block = this.block('secondary', { wait: cappedWait(retryAfter, now), status });
        return { error: rateLimitedError(context, block, githubMessage), retry: !block.wait.capped, block };
      }
      if (String(headers['x-ratelimit-remaining']) === '0') {
        const block = this.block('primary', { wait: cappedWait(resetUntil(headers['x-ratelimit-reset'], now), now), status });
        return { error: rateLimitedError(context, block, githubMessage), retry: false };
      }
      if (status === 429 || /rate limit/i.test(githubMessage)) {
        const block = this.block('secondary', { wait: cappedWait(now + DEFAULT_RATE_LIMIT_WAIT_MS, now), status });
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

  /** Records a limit of one kind; of two of the same kind, the one that lifts later holds. Returns the one that holds. */
  private block(kind: 'primary' | 'secondary', block: Block): Block {
    const current = kind === 'primary' ? this.primaryBlock : this.secondaryBlock;
    if (current !== undefined && current.wait.until >= block.wait.until && this.now() < current.wait.until.getTime()) {
      return current;
    }
    if (kind === 'primary') {
      this.primaryBlock = block;
    } else {
      this.secondaryBlock = block;
    }
    return block;
  }

  /** When GitHub's rate limit lifts (at most an hour away), if a request met it. */
  get rateLimitedUntil(): Date | undefined {
    return this.activeBlock()?.wait.until;
  }

  private noteRateLimit(headers: Readonly<Record<string, string | number | undefined>>): void {
    const limit = Number(headers['x-ratelimit-limit']);
    const remaining = Number(headers['x-ratelimit-remaining']);
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(limit) && Number.isFinite(remaining) && Number.isFinite(reset)) {
      this.stats.rateLimit = { limit, remaining, resetAt: new Date(reset * 1000) };
    }
  }

  private remember(key: string, response: CachedResponse): void {
    this.cache.delete(key);
    this.cache.set(key, response);
    if (this.cache.size > CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) {
        this.cache.delete(oldest);
      }
    }
  }
}

function rateLimitedError(context: ErrorContext, block: Block, githubMessage: string): GitHubError {
  const { wait, status } = block;
  return gitHubErrorFor('rateLimited', context, {
    status,
    githubMessage,
    retryAt: wait.until,
    ...(wait.capped ? { waitCapped: wait.askedUntil !== undefined ? { askedUntil: wait.askedUntil } : {} } : {}),
  });
}

function backoffMs(attempt: number): number {
  return 250 * 4 ** attempt;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
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
        const fields = typeof entry === 'object' && entry !== null ? (entry as { message?: unknown; code?: unknown }) : {};
        return typeof fields.message === 'string' ? fields.message : typeof fields.code === 'string' ? fields.code : '';
      })
      .filter((detail) => detail !== '');
    if (details.length > 0) {
      return `${message}: ${details.join('; ')}`;
    }
  }
  return message;
}
