import type { L10n } from '../domain/l10n';
import { LogTail, type TailResult } from '../domain/logTail';
import { isSecureOrLocal } from '../domain/links';
import { clampTimerMs } from '../timers';
import type { GitHubClient } from './client';
import { splitRepo } from './parse';

/**
 * A job's log, its tail only. GitHub's "Download job logs for a workflow run" (`GET …/actions/jobs/{job_id}/logs`)
 * answers 302 with a signed URL on another host, valid one minute. That URL is its own credential: it
 * is fetched in a separate request WITHOUT the Authorization header (the client's redirect rule refuses
 * to carry the token to another origin, so the redirect is asked for, not followed). The body is streamed
 * and only its last lines kept (domain/logTail.ts), so a log of any size costs a bounded memory.
 */

/** Why the log could not be read from the host the redirect named. */
export class LogDownloadError extends Error {
  override readonly name = 'LogDownloadError';

  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The signed URL of a job's log (one request to GitHub; its errors are GitHubErrors with their status). */
export async function jobLogUrl(client: GitHubClient, repo: string, jobId: number): Promise<string> {
  const context = { action: (l10n: L10n) => l10n.t('read the log of job {0} of {1}', jobId, repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', { ...splitRepo(repo), job_id: jobId }, context, { redirect: 'manual' });
  const location = response.headers.location;
  if (typeof location !== 'string' || !/^https?:\/\//i.test(location)) {
    throw new LogDownloadError(`GitHub did not answer with the address of job ${jobId}'s log (status ${response.status}, no Location).`, response.status);
  }
  const problem = logAddressProblem(location);
  if (problem !== undefined) {
    throw new LogDownloadError(`GitHub answered with an address for job ${jobId}'s log that Release Deck does not read: ${problem}`, response.status);
  }
  return location;
}

/** Only the host of a signed URL may be said: its path and query are the credential. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unreadable address';
  }
}

/** Why a log address is refused: it must be https (plain http only for this machine, e.g. the simulator). */
function logAddressProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a valid address.';
  }
  if (isSecureOrLocal(parsed)) {
    return undefined;
  }
  return `the log host ${parsed.host} is not reached over https (plain http is accepted only for this machine).`;
}

/** The system error code of a failed fetch (e.g. ECONNREFUSED), never its message: node-fetch's message holds the URL. */
function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown; errno?: unknown }).code ?? (error as { errno?: unknown }).errno : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : 'no error code';
}

export interface TailOptions {
  readonly timeoutMs?: number;
  readonly maxLines?: number;
}

/**
 * Reads the log at a signed URL and keeps its tail. Only a User-Agent is sent: no Authorization header,
 * no cookies. Redirects are not followed further.
 */
export async function downloadLogTail(url: string, options: TailOptions = {}): Promise<TailResult> {
  const problem = logAddressProblem(url);
  if (problem !== undefined) {
    throw new LogDownloadError(`Release Deck did not read the log: ${problem}`);
  }
  const { default: nodeFetch } = await import('node-fetch');
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const timer = setTimeout(() => {
    controller.abort();
  }, clampTimerMs(timeoutMs));
  try {
    let response: Awaited<ReturnType<typeof nodeFetch>>;
    try {
      response = await nodeFetch(url, { method: 'GET', headers: { 'user-agent': 'release-deck' }, redirect: 'manual', signal: controller.signal });
    } catch (error) {
      throw new LogDownloadError(controller.signal.aborted ? `the log host ${hostOf(url)} did not answer within ${timeoutMs / 1000} s` : `the log host ${hostOf(url)} could not be reached (${errorCode(error)})`);
    }
    if (response.status !== 200 || response.body === null) {
      response.body?.resume();
      throw new LogDownloadError(response.status === 403 || response.status === 401 ? `the log host refused the signed link (${response.status}); it is valid one minute, so it may have expired on the way` : `the log host answered ${response.status}`, response.status);
    }
    const tail = new LogTail(options.maxLines);
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of response.body) {
        tail.push(decoder.decode(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, { stream: true }));
      }
    } catch {
      throw new LogDownloadError(controller.signal.aborted ? `the log did not finish downloading within ${timeoutMs / 1000} s` : 'the download of the log was cut short');
    }
    tail.push(decoder.decode());
    return tail.finish();
  } finally {
    clearTimeout(timer);
  }
}
