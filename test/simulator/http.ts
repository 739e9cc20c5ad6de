import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { admin } from './admin';
import { DOCS, HttpError } from './errors';
import { listenOnLoopback, type Listening } from './loopback';
import { isLostAnswerKind, loseAnswer } from './lostAnswers';
import { environmentAt, NGINX_NOT_FOUND, versionAnswer } from './routes/live';
import type { Context, Reply, Router } from './routing';
import { settle } from './runEvents';
import type { Simulation } from './state';
import type { WorldToken } from './world';

/**
 * The HTTP server: authentication, rate limits and their headers, ETags and 304s, the cache of answers
 * already given, faults (lostAnswers.ts for the lost answers), the request log, /live and /_admin.
 */

const MAX_LOG = 2000;

/** Where a GitHub Enterprise Server serves its REST API on its host. */
const ENTERPRISE_PREFIX = '/api/v3';

/** An answer's github.com web links, as a GitHub Enterprise Server at `webRoot` gives them. */
function onServer(body: unknown, webRoot: string): unknown {
  if (typeof body === 'string') {
    return body.startsWith('https://github.com/') ? webRoot + body.slice('https://github.com/'.length) : body;
  }
  if (Array.isArray(body)) {
    return body.map((item: unknown) => onServer(item, webRoot));
  }
  if (body !== null && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, onServer(value, webRoot)]));
  }
  return body;
}

export async function serve(sim: Simulation, router: Router, port: number | undefined): Promise<Listening> {
  function rateHeaders(token: WorldToken | undefined): Record<string, string> {
    const hourMs = 3600_000;
    const reset = Math.floor((Math.floor(sim.clock.nowMs() / hourMs) + 1) * hourMs / 1000);
    const used = token !== undefined ? (sim.rateUsed.get(token.token) ?? 0) : 0;
    return {
      'x-ratelimit-limit': String(sim.world.rateLimit),
      'x-ratelimit-remaining': String(Math.max(sim.world.rateLimit - used, 0)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
    };
  }

  /**
   * Answers to GETs already given, serialised with their ETags. A request other than a GET (admin ones
   * included) may change the world, so it starts a new revision; answers also depend on the clock, so
   * its reading is part of the key. GitHub does the same kind of caching on its side: it keeps the
   * simulator's own work from slowing the client it serves.
   */
  let revision = 0;
  const answers = new Map<string, Reply & { readonly bytes: Buffer; readonly etag: string }>();
  const MAX_ANSWERS = 2000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    // GitHub Enterprise Server serves the REST API under /api/v3 of its own host ("REST API endpoints for GitHub
    // Enterprise Server: http(s)://HOSTNAME/api/v3", GitHub's docs), and its answers link to that host, not to
    // github.com. A request under that prefix is answered as such a server would: the same world, its links on this host.
    const enterprise = url.pathname === ENTERPRISE_PREFIX || url.pathname.startsWith(`${ENTERPRISE_PREFIX}/`);
    const path = enterprise ? url.pathname.slice(ENTERPRISE_PREFIX.length) || '/' : url.pathname;
    if (method !== 'GET' && !/^\/_admin\/(?:stats|latency)/.test(path)) {
      revision += 1;
      answers.clear();
    }
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      send(response, { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } });
      return;
    }
    if (path.startsWith('/_admin/')) {
      try {
        send(response, admin(sim, method, path, url.searchParams, body));
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        send(response, { status, body: { message: error instanceof Error ? error.message : String(error) } });
      }
      return;
    }

    if (sim.latencyMs > 0) {
      await sleep(sim.latencyMs);
    }
    settle(sim);
    const fault = sim.faults.find((candidate) => candidate.remaining > 0 && (candidate.method === undefined || candidate.method === method) && new RegExp(candidate.path).test(path));
    const authorization = request.headers.authorization ?? '';
    const tokenText = /^(?:token|bearer)\s+(.+)$/i.exec(authorization)?.[1]?.trim();
    const token = sim.world.tokens.find((candidate) => candidate.token === tokenText);
    const record = (status: number): void => {
      sim.stats.log.push({ method, path: path + url.search, status, ...(token !== undefined ? { token: token.login } : {}) });
      if (sim.stats.log.length > MAX_LOG) {
        sim.stats.log.splice(0, sim.stats.log.length - MAX_LOG);
      }
    };

    // A lost answer applies the request first (below) and loses its answer afterwards.
    const lost = fault !== undefined && isLostAnswerKind(fault.kind) ? fault : undefined;
    if (fault !== undefined && lost === undefined) {
      fault.remaining -= 1;
      if (!path.startsWith('/live/')) {
        sim.stats.requests += 1;
      } else {
        sim.stats.versionRequests += 1;
      }
      record(fault.status ?? 0);
      switch (fault.kind) {
        case 'reset':
          request.socket.destroy();
          return;
        case 'delay':
          await sleep(fault.delayMs ?? 30_000);
          break;
        case 'stall':
          // Headers and the start of a body, then nothing more: the connection stays open.
          response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders(token) });
          response.write('[{"url": ');
          return;
        case 'malformed':
          response.writeHead(fault.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders(token) });
          response.end('{"truncated": [1, 2');
          return;
        case 'html':
          response.writeHead(fault.status ?? 502, { 'content-type': 'text/html; charset=utf-8' });
          response.end('<!DOCTYPE html><html><head><title>Unicorn! · GitHub</title></head><body><h1>No server is currently available to service your request.</h1></body></html>');
          return;
        case 'rateLimit': {
          // A reset on the wall clock when asked (`resetInSeconds`), so a client's own clock can wait for it.
          const reset = fault.resetInSeconds !== undefined ? { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.resetInSeconds) } : {};
          const headers = { ...rateHeaders(token), 'x-ratelimit-remaining': '0', 'x-ratelimit-used': String(sim.world.rateLimit), ...reset };
          send(response, { status: fault.status ?? 403, body: { message: `API rate limit exceeded for user ID 1.`, documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` } }, headers);
          return;
        }
        case 'secondaryRateLimit':
          send(response, { status: fault.status ?? 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits` } }, { 'retry-after': String(fault.retryAfterSeconds ?? 1), ...rateHeaders(token) });
          return;
        case 'status':
          send(response, { status: fault.status ?? 500, body: { message: fault.status === 404 ? 'Not Found' : 'Server Error', documentation_url: DOCS } }, rateHeaders(token));
          return;
        default:
          return;
      }
    }

    if (path.startsWith('/live/')) {
      sim.stats.versionRequests += 1;
      const environment = environmentAt(sim.world, path);
      if (environment === undefined || method !== 'GET') {
        record(404);
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end(NGINX_NOT_FOUND);
        return;
      }
      record(200);
      send(response, { status: 200, body: versionAnswer(environment) });
      return;
    }

    sim.stats.requests += 1;
    if (token === undefined) {
      record(401);
      send(response, { status: 401, body: { message: authorization === '' ? 'Requires authentication' : 'Bad credentials', documentation_url: DOCS, status: '401' } });
      return;
    }
    const used = sim.rateUsed.get(token.token) ?? 0;
    if (used >= sim.world.rateLimit) {
      record(403);
      send(response, { status: 403, body: { message: `API rate limit exceeded for user ID 1.`, documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` } }, rateHeaders(token));
      return;
    }
    const late = lost?.kind === 'applyLateThenTimeout' ? { runCreatedLateMs: (lost.lateSeconds ?? 60) * 1000 } : {};
    const context: Context = { method, path, query: url.searchParams, headers: request.headers, body, token, baseUrl: `http://${request.headers.host ?? 'localhost'}${enterprise ? ENTERPRISE_PREFIX : ''}`, ...late };
    // On the real clock every answer may differ from the last (runs move on), so nothing is kept.
    const answerKey = method === 'GET' && sim.clock.mode === 'manual' ? `${revision}|${sim.clock.nowMs()}|${request.url ?? ''}|${request.headers.accept ?? ''}|${context.baseUrl}|${token.token}` : '';
    const known = answers.get(answerKey);
    let reply: Reply;
    if (known !== undefined) {
      reply = known;
    } else {
      try {
        const found = router.routes.find(([routeMethod, regex]) => routeMethod === method && regex.test(path));
        if (found === undefined) {
          throw new HttpError(404, 'Not Found');
        }
        reply = found[2](context, path.match(found[1]) ?? ([] as unknown as RegExpMatchArray));
        if (enterprise && reply.bytes === undefined) {
          reply = { ...reply, body: onServer(reply.body, `http://${request.headers.host ?? 'localhost'}/`) };
        }
      } catch (error) {
        if (!(error instanceof HttpError)) {
          throw error;
        }
        reply = { status: error.status, body: { message: error.message, documentation_url: DOCS, ...error.extra, status: String(error.status) }, headers: error.headers };
      }
    }

    if (method === 'GET' && reply.status === 200 && reply.body !== undefined) {
      const bytes = reply.bytes ?? Buffer.from(JSON.stringify(reply.body));
      const etag = known?.etag ?? `W/"${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}"`;
      if (known === undefined && answerKey !== '') {
        if (answers.size >= MAX_ANSWERS) {
          answers.clear();
        }
        answers.set(answerKey, { ...reply, bytes, etag });
      }
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch !== undefined && ifNoneMatch.split(',').map((value) => value.trim()).includes(etag)) {
        sim.stats.notModified += 1;
        record(304);
        send(response, { status: 304 }, { etag, ...rateHeaders(token) });
        return;
      }
      reply = { ...reply, bytes, headers: { ...reply.headers, etag, 'cache-control': 'private, max-age=60, s-maxage=60' } };
    }
    sim.rateUsed.set(token.token, used + 1);
    sim.stats.rateLimitUnits += 1;
    if (lost !== undefined && isLostAnswerKind(lost.kind)) {
      lost.remaining -= 1;
      record(0);
      await loseAnswer(lost.kind, request, response, lost.delayMs);
      return;
    }
    record(reply.status);
    const scopeHeaders: Record<string, string> = token.scopes !== null ? { 'x-oauth-scopes': token.scopes.join(', '), 'x-accepted-oauth-scopes': '' } : {};
    send(response, reply, { ...rateHeaders(token), ...scopeHeaders });
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        send(response, { status: 500, body: { message: `simulator error: ${error instanceof Error ? error.message : String(error)}` } });
      } else {
        response.destroy();
      }
    });
  });
  return listenOnLoopback(server, port);
}

function send(response: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = { 'x-github-api-version-selected': '2022-11-28', ...extraHeaders, ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers);
    response.end();
    return;
  }
  const bytes = reply.bytes ?? Buffer.from(JSON.stringify(reply.body));
  response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length), ...headers });
  response.end(bytes);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}
