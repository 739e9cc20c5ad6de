import { english, type L10n } from './l10n';
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
  /**
   * The same setting as the workspace (or its folder) sets it, if it does. VS Code's github-authentication
   * declares it at window scope, so this value is the one its GitHub Enterprise sign-in page is on: input, not a choice.
   */
  readonly workspaceEnterpriseUri?: string | undefined;
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
      /** The other server the workspace's github-enterprise.uri names: the editor's GitHub Enterprise sign-in would go there. */
      readonly workspaceEnterpriseHost?: string | undefined;
    }
  | { readonly kind: 'needsApproval'; readonly apiUrl: string; readonly origin: string; readonly host: string }
  /** `problem` in English (the log); `setting` the value of releaseDeck.github.apiUrl it is about. */
  | { readonly kind: 'invalid'; readonly problem: string; readonly setting?: string };

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
    // Its origin only: a path would let the profile point every link at a page of its choosing on that host.
    const web = originOf(trimmed(requested));
    if (web !== undefined && (web === GITHUB_WEB_URL || hostOf(web) === hostOf(apiUrl))) {
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

/** The server a workspace's github-enterprise.uri names when it is not the API root's own (github.com's provider does not read it). */
function foreignEnterpriseHost(apiUrl: string, workspaceUri: string | undefined): string | undefined {
  const host = enterpriseHost(workspaceUri);
  return apiUrl !== GITHUB_API_URL && host !== undefined && host !== hostOf(apiUrl) ? host : undefined;
}

function providerFor(apiUrl: string, enterprise: string | undefined, workspaceUri: string | undefined): SessionProvider | undefined {
  if (apiUrl === GITHUB_API_URL) {
    return 'github';
  }
  // The provider reads the workspace's value when there is one: never called while it names another server.
  const served = apiUrl.startsWith('https://') && enterprise !== undefined && hostOf(apiUrl) === enterprise;
  return served && foreignEnterpriseHost(apiUrl, workspaceUri) === undefined ? 'github-enterprise' : undefined;
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
  const ready = (apiUrl: string, chosenBy: 'default' | 'setting' | 'enterprise' | 'allowed', ignoredRequest?: string): Endpoint => {
    const workspaceEnterpriseHost = foreignEnterpriseHost(apiUrl, inputs.workspaceEnterpriseUri);
    return {
      kind: 'ready',
      apiUrl,
      origin: originOf(apiUrl) ?? apiUrl,
      webUrl: webUrlFor(apiUrl, request?.webUrl),
      chosenBy,
      provider: providerFor(apiUrl, enterprise, inputs.workspaceEnterpriseUri),
      ...(ignoredRequest !== undefined ? { ignoredRequest } : {}),
      ...(workspaceEnterpriseHost !== undefined ? { workspaceEnterpriseHost } : {}),
    };
  };

  const user = inputs.userApiUrl !== undefined && inputs.userApiUrl.trim() !== '' ? trimmed(inputs.userApiUrl) : undefined;
  if (user !== undefined) {
    const problem = urlProblem(user);
    if (problem !== undefined) {
      return { kind: 'invalid', problem: settingProblem(user), setting: user };
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
 * The one of `origins` whose server VS Code's `github-enterprise.uri` names (over https, as its sign-in is):
 * a profile asking for it is then connected to as the user's own server, allowed or not.
 */
export function enterpriseUriNaming(enterpriseUri: string | undefined, origins: readonly string[]): string | undefined {
  const host = enterpriseHost(enterpriseUri);
  return host === undefined ? undefined : origins.find((origin) => origin.startsWith('https://') && hostOf(origin) === host);
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

export function editorSignIn(endpoint: Extract<Endpoint, { kind: 'ready' }>, enterpriseUri: string | undefined, l10n: L10n = english): EditorSignIn {
  if (endpoint.provider !== undefined) {
    return { kind: 'ready', provider: endpoint.provider };
  }
  if (endpoint.workspaceEnterpriseHost !== undefined) {
    // Setting the user's value would not help: the workspace's wins, and the sign-in page would be on its server.
    return {
      kind: 'tokenOnly',
      reason: l10n.t(
        "this workspace's settings set github-enterprise.uri to {0}, so VS Code's GitHub Enterprise sign-in would open a page of {0}, not of {1}, and a workspace does not choose where you sign in",
        endpoint.workspaceEnterpriseHost,
        hostOf(endpoint.apiUrl) ?? endpoint.apiUrl,
      ),
    };
  }
  const host = hostOf(endpoint.apiUrl);
  if (host === undefined || !endpoint.apiUrl.startsWith('https://')) {
    return { kind: 'tokenOnly', reason: l10n.t("VS Code's GitHub Enterprise sign-in works only over https, and {0} is not", endpoint.apiUrl) };
  }
  const current = enterpriseUri !== undefined && enterpriseUri.trim() !== '' ? enterpriseUri.trim() : undefined;
  return { kind: 'setEnterpriseUri', host, uri: `https://${host}`, current };
}

/** Why the user's releaseDeck.github.apiUrl cannot be used, in `l10n`'s language; undefined when it can. */
export function settingProblem(setting: string, l10n: L10n = english): string {
  return l10n.t('The setting releaseDeck.github.apiUrl cannot be used: {0}', urlProblem(setting, l10n) ?? setting);
}

/** The endpoint in a sentence, for the log (English) and the deck's message (`l10n`: the person's language). */
export function describeEndpoint(endpoint: Endpoint, l10n: L10n = english): string {
  switch (endpoint.kind) {
    case 'needsApproval':
      return l10n.t('the profile asks for the GitHub API at {0}, a host you have not chosen; nothing is sent there until you allow it.', endpoint.apiUrl);
    case 'invalid':
      return endpoint.setting !== undefined ? settingProblem(endpoint.setting, l10n) : endpoint.problem;
    case 'ready': {
      const by = {
        default: l10n.t('the default'),
        setting: l10n.t('your setting releaseDeck.github.apiUrl'),
        enterprise: l10n.t('your setting github-enterprise.uri'),
        allowed: l10n.t('the profile, a host you allowed'),
      }[endpoint.chosenBy];
      const ignored = endpoint.ignoredRequest !== undefined ? l10n.t(' (the profile asks for {0}; your setting wins)', endpoint.ignoredRequest) : '';
      const workspace =
        endpoint.workspaceEnterpriseHost !== undefined
          ? l10n.t(" The workspace's github-enterprise.uri names {0}: the editor's GitHub Enterprise sign-in is not used while it does (a token is).", endpoint.workspaceEnterpriseHost)
          : '';
      return l10n.t('{0}, chosen by {1}{2}.{3}', endpoint.apiUrl, by, ignored, workspace);
    }
  }
}
