import type { Octokit } from '@octokit/rest';
import { clampTimerMs } from '../timers';
import { readCapped } from './answerBody';

const VERSION = '0.1.0';

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
  return { octokit, apiUrl };
}
