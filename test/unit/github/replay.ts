import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Answers GitHub really gave, replayed over HTTP. @octokit/fixtures records scenarios against
 * api.github.com; each scenario's raw-fixture.json holds every request and GitHub's answer as it came
 * (status, headers, body: real ids, ETags, rate-limit headers). Its normalized-fixture.json, which
 * `fixtures.get()` returns, rewrites some of them (ids, dates, and X-RateLimit-Reset in milliseconds,
 * which GitHub never sends), so the raw recording is replayed here. The library's own `mock()` uses nock,
 * which patches Node's http module; a plain server keeps the client's real network path under test.
 */
export interface Recording {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly response: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

interface RawRecording {
  method: string;
  path: string;
  status: number;
  response: unknown;
  rawHeaders: string[];
}

/** The recorded requests and answers of one scenario of api.github.com, in the order they were made. */
export function recordingsOf(scenario: string): Recording[] {
  const file = join(__dirname, '..', '..', '..', 'node_modules', '@octokit', 'fixtures', 'scenarios', 'api.github.com', scenario, 'raw-fixture.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawRecording[];
  return raw.map((entry) => {
    const headers: Record<string, string> = {};
    for (let index = 0; index + 1 < entry.rawHeaders.length; index += 2) {
      headers[(entry.rawHeaders[index] ?? '').toLowerCase()] = entry.rawHeaders[index + 1] ?? '';
    }
    return { method: entry.method.toUpperCase(), path: entry.path, status: entry.status, response: entry.response, headers };
  });
}

/** The one recording of `method` on a path that starts with `pathStart`; fails when there is none. */
export function recorded(recordings: readonly Recording[], method: string, pathStart: string): Recording {
  const found = recordings.find((entry) => entry.method === method && entry.path.startsWith(pathStart));
  if (found === undefined) {
    throw new Error(`no recording of ${method} ${pathStart}…`);
  }
  return found;
}

/** The temporary repository a scenario created (owner/name), as its recordings name it. */
export function repositoryOf(recordings: readonly Recording[]): string {
  const match = /^\/repos\/([^/]+\/[^/?]+)/.exec(recordings.find((entry) => entry.path.startsWith('/repos/'))?.path ?? '');
  if (match?.[1] === undefined) {
    throw new Error('the scenario names no repository');
  }
  return match[1];
}

export interface Replay {
  readonly url: string;
  /** What reached the server: method, path and query, and the request's headers. */
  readonly requests: Array<{ line: string; headers: IncomingHttpHeaders }>;
  /** Requests for which nothing was recorded (answered 501). */
  readonly unmatched: string[];
  close(): Promise<void>;
}

export interface ReplayOptions {
  /**
   * Other names of a path prefix. GitHub's Link headers and redirects name a repository by its id
   * (`/repositories/515435940/…`), the same repository as `/repos/{owner}/{repo}/…`.
   */
  readonly aliases?: Readonly<Record<string, string>>;
}

/**
 * Serves the recordings: a request gets the first recording not yet served with its method and path,
 * or, when all are served, the last of them again. Query parameters are matched by name, except
 * `per_page` (a recording made with 3 per page stands for any size) and `page` (absent means 1), so
 * that a client asking for page N gets the page GitHub numbered N. The API origin in `Location` headers
 * is this server's, as api.github.com's was GitHub's: a redirect stays on the API root.
 */
export async function startReplay(recordings: readonly Recording[], options: ReplayOptions = {}): Promise<Replay> {
  const requests: Array<{ line: string; headers: IncomingHttpHeaders }> = [];
  const unmatched: string[] = [];
  const served = new Set<Recording>();
  let origin = '';
  const canonical = (path: string): string => {
    for (const [alias, target] of Object.entries(options.aliases ?? {})) {
      if (path.startsWith(alias)) {
        return target + path.slice(alias.length);
      }
    }
    return path;
  };
  const keyOf = (method: string, pathAndQuery: string): string => {
    const url = new URL(canonical(pathAndQuery), 'http://replay.invalid');
    const query = [...url.searchParams.entries()].filter(([name]) => name !== 'per_page' && name !== 'page').sort(([a], [b]) => a.localeCompare(b));
    return `${method} ${url.pathname.replace(/\/$/, '')} ${new URLSearchParams(query).toString()} page=${url.searchParams.get('page') ?? '1'}`;
  };
  const server = createServer((request, response) => {
    const method = (request.method ?? 'GET').toUpperCase();
    const line = `${method} ${request.url ?? '/'}`;
    requests.push({ line, headers: request.headers });
    request.resume();
    const key = keyOf(method, request.url ?? '/');
    const candidates = recordings.filter((entry) => keyOf(entry.method, entry.path) === key);
    const recording = candidates.find((entry) => !served.has(entry)) ?? candidates[candidates.length - 1];
    if (recording === undefined) {
      unmatched.push(line);
      response.writeHead(501, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ message: `nothing recorded for ${line}` }));
      return;
    }
    served.add(recording);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(recording.headers)) {
      // The body is sent again as recorded (not compressed), so its length is counted again.
      if (!['connection', 'content-length', 'content-encoding', 'transfer-encoding'].includes(name)) {
        headers[name] = name === 'location' ? value.replace(/^https:\/\/api\.github\.com/, origin) : value;
      }
    }
    const body = recording.response === '' || recording.response === undefined ? '' : typeof recording.response === 'string' ? recording.response : JSON.stringify(recording.response);
    response.writeHead(recording.status, headers).end(recording.status === 204 ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    unmatched,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
