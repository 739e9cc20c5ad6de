import type { Octokit } from '@octokit/rest';
import { sleep } from '../timers';
import { AnswerTooLargeError, bodyOf } from './answerBody';
import { gitHubErrorFor, isGitHubError, type ErrorContext } from './errors';
import { EtagCache } from './etagCache';
import { classifyFailure, isRequestErrorLike } from './failures';
import { createOctokit } from './octokit';
import { RateLimitBlocks } from './rateLimitBlocks';

/**
 * The one way Release Deck talks to GitHub's REST API: @octokit/rest (the user's design card; Release Deck calls only its request and names every route itself) with node-fetch as its fetch
 * (octokit.ts), plus:
 * - an ETag cache (etagCache.ts): repeated GETs send If-None-Match, and a 304 is served from the cache
 *   (free against the rate limit);
 * - retries with backoff for GETs that meet a server error, a network error or a timeout (never for a
 *   POST, which might have happened: a dispatch or a publish is never sent twice);
 * - rate-limit awareness: after a primary or secondary limit, requests wait or stop until it lifts
 *   instead of hammering GitHub (never longer than an hour: see rateLimit.ts); the two limits are
 *   kept apart (rateLimitBlocks.ts), so the end of a secondary limit's wait does not lift a primary one;
 * - every failure classified into a typed GitHubError (failures.ts);
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

export class GitHubClient {
  readonly stats: RequestStats = { requests: 0, notModified: 0, rateLimitUnits: 0, retries: 0 };
  private readonly cache = new EtagCache();
  private readonly blocks: RateLimitBlocks;
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
    this.blocks = new RateLimitBlocks(this.now);
    this.log = options.log ?? (() => undefined);
  }

  /** Loads Octokit and node-fetch only when GitHub is first needed, keeping activation fast (octokit.ts). */
  static async create(options: GitHubClientOptions): Promise<GitHubClient> {
    const { octokit, apiUrl } = await createOctokit(options);
    return new GitHubClient(octokit, apiUrl, options);
  }

  /**
   * Sends one request. GETs are conditional and retried on transient faults; other methods are sent
   * exactly once. Every failure comes out as a GitHubError whose message uses `context`.
   */
  async request(route: string, params: Record<string, unknown>, context: ErrorContext, options: { readonly redirect?: 'manual' } = {}): Promise<GitHubResponse> {
    const endpoint = this.octokit.request.endpoint(route, params);
    const method = endpoint.method.toUpperCase();
    const accept = typeof endpoint.headers.accept === 'string' ? endpoint.headers.accept : '';
    const cacheKey = `${method} ${endpoint.url} ${accept}`;
    const idempotent = method === 'GET' || method === 'HEAD';
    const maxRetries = idempotent ? (this.options.maxRetries ?? 2) : 0;

    for (let attempt = 0; ; attempt += 1) {
      this.blocks.throwIfBlocked(context);
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
          request: { parseSuccessResponseBody: false, ...(options.redirect !== undefined ? { redirect: options.redirect } : {}) },
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
        if (options.redirect === 'manual' && response.status >= 300 && response.status < 400 && typeof responseHeaders.location === 'string') {
          // Asked for: the redirect's target is the answer (never followed here, so the token goes nowhere else).
          return { status: response.status, data, headers: responseHeaders, fromCache: false };
        }
        if (response.status >= 300) {
          // Octokit hands back a redirect it did not follow as if it succeeded. octokit.ts follows a GET's
          // within the API root; a write to a renamed repository's old name gets a 307 ("HTTP redirects"
          // in GitHub's REST guide) that is not sent again, and GitHub did nothing with it.
          const location = responseHeaders.location;
          throw gitHubErrorFor('moved', context, { status: response.status, ...(typeof location === 'string' ? { location } : {}) });
        }
        const etag = responseHeaders.etag;
        if (idempotent && typeof etag === 'string') {
          this.cache.remember(cacheKey, { etag, status: response.status, data, headers: responseHeaders });
        }
        return { status: response.status, data, headers: responseHeaders, fromCache: false };
      } catch (error) {
        if (!isRequestErrorLike(error) || isGitHubError(error)) {
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
        const failure = classifyFailure(error, context, this.blocks, this.now());
        const waitMs = failure.block !== undefined ? Math.max(failure.block.wait.until.getTime() - this.now(), 0) : undefined;
        if (attempt < maxRetries && failure.retry && (waitMs === undefined || waitMs <= (this.options.maxRetryAfterSeconds ?? 60) * 1000)) {
          this.stats.retries += 1;
          await this.sleep(waitMs ?? backoffMs(attempt));
          if (failure.block !== undefined) {
            this.blocks.waited(failure.block);
          }
          continue;
        }
        throw failure.error;
      }
    }
  }

  /**
   * Reads up to `maxPages` pages of 100 of a list endpoint, all at once (in parallel, so several pages
   * cost one round trip of time), from `firstPage` on; pages past the last one GitHub has are dropped.
   */
  async requestPages(route: string, params: Record<string, unknown>, context: ErrorContext, maxPages: number, firstPage = 1): Promise<GitHubResponse[]> {
    const first = this.request(route, { ...params, per_page: 100, page: firstPage }, context);
    const rest = Array.from({ length: Math.max(maxPages - 1, 0) }, (_, index) => this.request(route, { ...params, per_page: 100, page: firstPage + index + 1 }, context));
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

  /** When GitHub's rate limit lifts (at most an hour away), if a request met it. */
  get rateLimitedUntil(): Date | undefined {
    return this.blocks.active()?.wait.until;
  }

  private noteRateLimit(headers: Readonly<Record<string, string | number | undefined>>): void {
    const limit = Number(headers['x-ratelimit-limit']);
    const remaining = Number(headers['x-ratelimit-remaining']);
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(limit) && Number.isFinite(remaining) && Number.isFinite(reset)) {
      this.stats.rateLimit = { limit, remaining, resetAt: new Date(reset * 1000) };
    }
  }
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
