import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors';
import { repoByName } from './state';
import type { World, WorldRepo, WorldToken } from './world';

/** What a route answers, the request it answers, and the table of routes (matched in the order added). */

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** The body already serialised and encoded (when its ETag was computed), so it is not done twice. */
  readonly bytes?: Buffer;
  readonly headers?: Record<string, string>;
}

export interface Context {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  readonly token: WorldToken;
  readonly baseUrl: string;
  /** A dispatch's run is created this long after the request (lostAnswers.ts, `applyLateThenTimeout`). */
  readonly runCreatedLateMs?: number;
}

export type Handler = (context: Context, match: RegExpMatchArray) => Reply;

export type RepoHandler = (context: Context, repo: WorldRepo, match: RegExpMatchArray) => Reply;

export interface Router {
  readonly routes: Array<[string, RegExp, Handler]>;
  readonly route: (method: string, pattern: string, handler: Handler) => void;
  /** A route under /repos/{owner}/{repo}, answering 404 for a repository the token may not see. */
  readonly repoRoute: (method: string, suffix: string, handler: RepoHandler) => void;
}

export function createRouter(world: World): Router {
  const routes: Array<[string, RegExp, Handler]> = [];
  const route = (method: string, pattern: string, handler: Handler): void => {
    const regex = new RegExp(`^${pattern.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'rest' ? '(.+)' : '([^/]+)'))}$`);
    routes.push([method, regex, handler]);
  };
  const repoRoute = (method: string, suffix: string, handler: RepoHandler): void => {
    route(method, `/repos/{owner}/{repo}${suffix}`, (context, match) => handler(context, visibleRepo(world, context.token, match[1] ?? '', match[2] ?? ''), match));
  };
  return { routes, route, repoRoute };
}

export function visibleRepo(world: World, token: WorldToken, owner: string, name: string): WorldRepo {
  const repo = repoByName(world, `${owner}/${name}`);
  if (repo === undefined || (token.repos !== undefined && !token.repos.some((allowed) => allowed.toLowerCase() === repo.fullName.toLowerCase()))) {
    throw new HttpError(404, 'Not Found');
  }
  const organization = repo.fullName.split('/')[0] ?? '';
  if (token.ssoRequired?.some((refusing) => refusing.toLowerCase() === organization.toLowerCase()) === true) {
    throw ssoRefusal(organization);
  }
  return repo;
}

/**
 * GitHub's REST docs ("Authenticating to the REST API" → "Personal access tokens and SAML SSO"): a token
 * not authorized for an organisation that enforces SAML SSO gets a 403 (or a 404) on its resources, and
 * a 403 carries `X-GitHub-SSO: required; url=…` with the URL that authorizes it (valid for an hour). The
 * message is the one GitHub gives for a personal access token.
 */
function ssoRefusal(owner: string): HttpError {
  const url = `https://github.com/orgs/${owner}/sso?authorization_request=${Buffer.from(`sso-${owner}`).toString('hex').toUpperCase()}`;
  return new HttpError(403, 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.', {}, { 'x-github-sso': `required; url=${url}` });
}

export function paginate<T>(items: readonly T[], context: Context): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(parseInt(context.query.get('per_page') ?? '30', 10) || 30, 1), 100);
  const pageNumber = Math.max(parseInt(context.query.get('page') ?? '1', 10) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const link = (n: number, rel: string): string => {
    const query = new URLSearchParams(context.query);
    query.set('page', String(n));
    query.set('per_page', String(perPage));
    return `<${context.baseUrl}${context.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (pageNumber < last) {
    links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
  }
  if (pageNumber > 1) {
    links.push(link(1, 'first'), link(pageNumber - 1, 'prev'));
  }
  return { page, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

export function wantsHtml(context: Context): boolean {
  const accept = context.headers.accept ?? '';
  return /html\+json|full\+json/.test(accept);
}

export function requireScope(context: Context, scope: string): void {
  if (context.token.scopes !== null && !context.token.scopes.includes(scope)) {
    throw new HttpError(403, scope === 'workflow' ? 'Resource not accessible by personal access token (the workflow scope is required)' : 'Resource not accessible by personal access token');
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(422, 'Invalid request.\n\nThe body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
