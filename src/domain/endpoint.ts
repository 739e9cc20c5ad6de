import { urlProblem } from './links';

export const GITHUB_API_URL = 'https://api.github.com';
export const GITHUB_WEB_URL = 'https://github.com';

/** Which VS Code authentication provider may hand out a session for an API root, if any. */
export type SessionProvider = 'github' | 'github-enterprise';

/** What decides where Release Deck connects; only the first two come from the user. */
export interface EndpointInputs {
  /** `releaseDeck.github.apiUrl` from the user's own settings (never the workspace's), if set. */
  readonly userApiUrl?: string | undefined;
  /** VS Code's `github-enterprise.uri` from the user's own settings, if set. */
  readonly enterpriseUri?: string | undefined;
  /** The profile's `github` section: a request, never a decision. */
  readonly profileRequest?: { readonly apiUrl?: string | undefined; readonly webUrl?: string | undefined } | undefined;
  /** API origins the user allowed in the modal (remembered per host). */
  readonly allowedOrigins: readonly string[];
}

/**
 * Where Release Deck connects: `ready` names the API root that may receive a token (and who chose it);
 * `needsApproval` names the host a profile asks for that the user has not chosen (nothing is sent there);
 * `invalid` says why the user's own setting cannot be used.
 */
export type Endpoint =
  | {
      readonly kind: 'ready';
      readonly apiUrl: string;
      /** scheme://host[:port] of the API root: the key credentials are stored under. */
      readonly origin: string;
      /** The web root links from GitHub's answers must be on. */
      readonly webUrl: string;
      readonly chosenBy: 'default' | 'setting' | 'enterprise' | 'allowed';
      /** The provider whose sessions are meant for this API root; undefined when none is. */
      readonly provider: SessionProvider | undefined;
      /** A host the profile asked for and that was not used, because the user's setting wins. */
      readonly ignoredRequest?: string | undefined;
    }
  | { readonly kind: 'needsApproval'; readonly apiUrl: string; readonly origin: string; readonly host: string }
  | { readonly kind: 'invalid'; readonly problem: string };

/** scheme://host[:port] of a URL (lower case, default ports dropped), or undefined when it is not one. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function trimmed(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The host of VS Code's GitHub Enterprise setting, which may be written with or without a scheme. */
function enterpriseHost(uri: string | undefined): string | undefined {
  if (uri === undefined || uri.trim() === '') {
    return undefined;
  }
  const text = uri.trim();
  return hostOf(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
}

/** The web root for links: github.com for its API, the server itself for GitHub Enterprise's /api/v3. */
function derivedWebUrl(apiUrl: string): string {
  if (apiUrl === GITHUB_API_URL) {
    return GITHUB_WEB_URL;
  }
  return originOf(apiUrl) ?? GITHUB_WEB_URL;
}

/**
 * The profile's web root is used for links only when it is github.com or on the API's own host; any
 * other host falls back to the one derived from the API root (links cannot send a token, but they are
 * not a workspace's to redirect either).
 */
function webUrlFor(apiUrl: string, requested: string | undefined): string {
  // A GitHub Enterprise Server serves its REST API at https://HOST/api/v3 and its pages at https://HOST (GitHub's
  // docs): its answers link to itself, whatever web root a profile names.
  if (isEnterpriseApi(apiUrl)) {
    return derivedWebUrl(apiUrl);
  }
  if (requested !== undefined && urlProblem(requested) === undefined) {
    const web = trimmed(requested);
    if (originOf(web) === GITHUB_WEB_URL || hostOf(web) === hostOf(apiUrl)) {
      return web;
    }
  }
  return derivedWebUrl(apiUrl);
}

/** An API root at /api/v3 of its host: GitHub Enterprise Server's REST API. */
export function isEnterpriseApi(apiUrl: string): boolean {
  try {
    return new URL(apiUrl).pathname.replace(/\/+$/, '') === '/api/v3';
  } catch {
    return false;
  }
}

function providerFor(apiUrl: string, enterprise: string | undefined): SessionProvider | undefined {
  if (apiUrl === GITHUB_API_URL) {
    return 'github';
  }
  return apiUrl.startsWith('https://') && enterprise !== undefined && hostOf(apiUrl) === enterprise ? 'github-enterprise' : undefined;
}

/**
 * Decides the API root: the user's setting when set; else github.com unless the profile asks for another
 * host, which is used only when it is the host of VS Code's GitHub Enterprise setting or one the user
 * allowed; otherwise nothing is contacted until the user allows it.
 */
export function resolveEndpoint(inputs: EndpointInputs): Endpoint {
  const enterprise = enterpriseHost(inputs.enterpriseUri);
  const request = inputs.profileRequest;
  const requestedApi = request?.apiUrl !== undefined && request.apiUrl.trim() !== '' ? trimmed(request.apiUrl) : undefined;
  const ready = (apiUrl: string, chosenBy: 'default' | 'setting' | 'enterprise' | 'allowed', ignoredRequest?: string): Endpoint => ({
    kind: 'ready',
    apiUrl,
    origin: originOf(apiUrl) ?? apiUrl,
    webUrl: webUrlFor(apiUrl, request?.webUrl),
    chosenBy,
    provider: providerFor(apiUrl, enterprise),
    ...(ignoredRequest !== undefined ? { ignoredRequest } : {}),
  });

  const user = inputs.userApiUrl !== undefined && inputs.userApiUrl.trim() !== '' ? trimmed(inputs.userApiUrl) : undefined;
  if (user !== undefined) {
    const problem = urlProblem(user);
    if (problem !== undefined) {
      return { kind: 'invalid', problem: `The setting releaseDeck.github.apiUrl cannot be used: ${problem}` };
    }
    // Asking for github.com (as the built-in profile does) is no request for another host.
    const ignored = requestedApi !== undefined && requestedApi !== GITHUB_API_URL && originOf(requestedApi) !== originOf(user) ? requestedApi : undefined;
    return ready(user, 'setting', ignored);
  }
  if (requestedApi === undefined || requestedApi === GITHUB_API_URL) {
    return ready(GITHUB_API_URL, 'default');
  }
  const origin = originOf(requestedApi);
  if (origin === undefined || urlProblem(requestedApi) !== undefined) {
    // The profile's validation reports it; connect nowhere but the default.
    return ready(GITHUB_API_URL, 'default');
  }
  if (requestedApi.startsWith('https://') && enterprise !== undefined && hostOf(requestedApi) === enterprise) {
    return ready(requestedApi, 'enterprise');
  }
  if (inputs.allowedOrigins.includes(origin)) {
    return ready(requestedApi, 'allowed');
  }
  return { kind: 'needsApproval', apiUrl: requestedApi, origin, host: new URL(requestedApi).host };
}

/**
 * What signing in with the editor's account needs for the API root in force. VS Code's GitHub Enterprise
 * provider serves only the server its own setting `github-enterprise.uri` names (over https), so one host set
 * in `releaseDeck.github.apiUrl` is not enough: Release Deck offers to write the same host there. A token
 * works with any host the user chose, without that setting.
 */
export type EditorSignIn =
  | { readonly kind: 'ready'; readonly provider: SessionProvider }
  | { readonly kind: 'setEnterpriseUri'; readonly host: string; readonly uri: string; readonly current: string | undefined }
  | { readonly kind: 'tokenOnly'; readonly reason: string };

export function editorSignIn(endpoint: Extract<Endpoint, { kind: 'ready' }>, enterpriseUri: string | undefined): EditorSignIn {
  if (endpoint.provider !== undefined) {
    return { kind: 'ready', provider: endpoint.provider };
  }
  const host = hostOf(endpoint.apiUrl);
  if (host === undefined || !endpoint.apiUrl.startsWith('https://')) {
    return { kind: 'tokenOnly', reason: `VS Code's GitHub Enterprise sign-in works only over https, and ${endpoint.apiUrl} is not` };
  }
  const current = enterpriseUri !== undefined && enterpriseUri.trim() !== '' ? enterpriseUri.trim() : undefined;
  return { kind: 'setEnterpriseUri', host, uri: `https://${host}`, current };
}
