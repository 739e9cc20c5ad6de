import type { Octokit } from '@octokit/rest';
import { KEEP_ALIVE } from '../keepAlive';
import { clampTimerMs } from '../timers';
import { readCapped } from './answerBody';

const VERSION = '0.1.0';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** A request that got no (whole) answer in time. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export interface OctokitOptions {
  readonly apiUrl: string;
  readonly token: string;
  readonly timeoutMs?: number;
}

/**
 * Octokit for one API root and token, with node-fetch as its fetch (so requests go through Node's
 * http/https agents, which VS Code configures for the user's proxy), a time limit on every request
 * (the whole body included) and a size cap on error bodies. Octokit and node-fetch are loaded only
 * when GitHub is first needed, keeping activation fast.
 */
export async function createOctokit(options: OctokitOptions): Promise<{ readonly octokit: Octokit; readonly apiUrl: string }> {
  const [{ Octokit }, { default: nodeFetch, Headers, Response }] = await Promise.all([import('@octokit/rest'), import('node-fetch')]);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const apiOrigin = new URL(apiUrl).origin;
  /**
   * node-fetch, left to follow redirects, forwards the Authorization header to the same host name on
   * another port and to subdomains; a token belongs to one API origin. So redirects are followed here,
   * and only while they stay on that origin; a write (POST, PATCH…) is never sent twice.
   */
  const fetchWithinOrigin = async (url: string, init: Record<string, unknown>): Promise<Awaited<ReturnType<typeof nodeFetch>>> => {
    const method = typeof init.method === 'string' ? init.method.toUpperCase() : 'GET';
    // A caller that wants the redirect itself (a log download's signed URL: jobLogs.ts) gets it unfollowed.
    const follow = init.redirect !== 'manual';
    const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
    headers.set('connection', KEEP_ALIVE.connection);
    let current = url;
    for (let hops = 0; ; hops += 1) {
      const response = await nodeFetch(current, { ...init, headers, redirect: 'manual' });
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
      if (location === null || !follow || (method !== 'GET' && method !== 'HEAD')) {
        return response;
      }
      const next = new URL(location, current);
      if (next.origin !== apiOrigin) {
        throw new Error(`the answer redirected to ${next.host}, which is not the API root in use (${new URL(apiUrl).host}); Release Deck does not follow it, so the token is not sent there`);
      }
      if (hops >= MAX_REDIRECTS) {
        throw new Error(`the answer redirected more than ${String(MAX_REDIRECTS)} times`);
      }
      response.body?.resume();
      current = next.href;
    }
  };
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
      let response = await fetchWithinOrigin(url, { ...init, signal: controller.signal });
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
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: apiUrl,
    userAgent: `release-deck/${VERSION}`,
    request: { fetch: fetchWithTimeout },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return { octokit, apiUrl };
}
