/**
 * The GitHub repositories a checkout's git remotes name, read from their URLs as git writes them
 * (`.git/config`) or VS Code's git extension reports them: `https://github.com/owner/repo(.git)`,
 * `ssh://git@github.com[:port]/owner/repo.git`, scp-like `git@github.com:owner/repo.git`, `git://…`.
 * Nothing is executed; this only reads text.
 */

export interface RemoteRepository {
  /** Lower-case host, e.g. github.com or a GitHub Enterprise Server host. */
  readonly host: string;
  readonly owner: string;
  readonly name: string;
}

export const OPENVERSE_REPOSITORY = 'WordPress/openverse';

const NAME = /^[A-Za-z0-9_.-]+$/;

/** The repository a remote URL names, or undefined when it names none (a local path, another shape). */
export function parseRemoteUrl(url: string): RemoteRepository | undefined {
  const text = url.trim();
  let host: string;
  let path: string;
  const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) {
      return undefined;
    }
    host = parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  } else if (scpLike !== null && scpLike[1] !== undefined && scpLike[2] !== undefined) {
    host = scpLike[1];
    path = scpLike[2];
  } else {
    return undefined;
  }
  const parts = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/i, '').split('/');
  // GitHub Enterprise Server can serve under a path prefix; the repository is always the last two segments.
  const [owner, name] = parts.slice(-2);
  if (parts.length < 2 || owner === undefined || name === undefined || !NAME.test(owner) || !NAME.test(name) || host === '') {
    return undefined;
  }
  return { host: host.toLowerCase(), owner, name };
}

/** The `url` of every `[remote "…"]` section of a git config file, in file order. */
export function remoteUrlsInGitConfig(text: string): string[] {
  const urls: string[] = [];
  let inRemote = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)[#;].*$/, '').trim();
    const section = /^\[\s*([^\]\s"]+)(?:\s+"[^"]*")?\s*\]$/.exec(line);
    if (section !== null) {
      inRemote = section[1]?.toLowerCase() === 'remote';
      continue;
    }
    const url = /^url\s*=\s*(.+)$/i.exec(line);
    if (inRemote && url?.[1] !== undefined) {
      urls.push(url[1].replace(/^"(.*)"$/, '$1'));
    }
  }
  return urls;
}

/** `owner/name`. */
export function repositoryName(remote: RemoteRepository): string {
  return `${remote.owner}/${remote.name}`;
}

/** True for WordPress/openverse on github.com, whatever the URL's form or letter case. */
export function isOpenverseRemote(remote: RemoteRepository): boolean {
  return (remote.host === 'github.com' || remote.host === 'www.github.com') && repositoryName(remote).toLowerCase() === OPENVERSE_REPOSITORY.toLowerCase();
}

/** Why the built-in Openverse profile is (or is not) in force when a workspace has no profile file. */
export type DeckWithoutProfile =
  | { readonly kind: 'openverse'; readonly because: 'remote' | 'chosen' }
  /** No profile and not Openverse: the welcome view, naming the repository its remotes name (if any). */
  | { readonly kind: 'none'; readonly because: 'noFolder' | 'noRemote' | 'otherRepository'; readonly repository?: string };

/**
 * Without a profile file, the built-in Openverse profile only for a checkout of WordPress/openverse or when
 * the user chose it; otherwise none (the welcome view). `remotes`: each folder's remotes, in folder order.
 */
export function deckWithoutProfile(input: { readonly folders: number; readonly remotes: readonly RemoteRepository[]; readonly openverseChosen: boolean }): DeckWithoutProfile {
  if (input.openverseChosen) {
    return { kind: 'openverse', because: 'chosen' };
  }
  if (input.remotes.some(isOpenverseRemote)) {
    return { kind: 'openverse', because: 'remote' };
  }
  if (input.folders === 0) {
    return { kind: 'none', because: 'noFolder' };
  }
  const named = namedRemote(input.remotes);
  return named !== undefined ? { kind: 'none', because: 'otherRepository', repository: repositoryName(named) } : { kind: 'none', because: 'noRemote' };
}

/** The remote the welcome view names and Create Profile starts from: the first on github.com (usually `origin`), else the first of any host. */
export function namedRemote(remotes: readonly RemoteRepository[]): RemoteRepository | undefined {
  return remotes.find((remote) => remote.host === 'github.com') ?? remotes[0];
}

/** The repository Create Profile reads: the one its argument or the welcome view names, refused when on another host. */
export type ProfileRepository =
  | { readonly kind: 'repository'; readonly repository: string; readonly fromRemote: boolean }
  | { readonly kind: 'otherHost'; readonly repository: string; readonly host: string; readonly webHost: string }
  /** No argument and no remote: ask. */
  | { readonly kind: 'ask' };

/**
 * `argument`: an `owner/name` passed to the command (wins); `remotes`: the workspace's, as the welcome view reads them;
 * `webUrl`: the web root of the GitHub in use (https://github.com, or a GitHub Enterprise Server).
 */
export function profileRepository(input: { readonly argument?: string | undefined; readonly remotes: readonly RemoteRepository[]; readonly webUrl: string }): ProfileRepository {
  if (input.argument !== undefined) {
    return { kind: 'repository', repository: input.argument, fromRemote: false };
  }
  const named = namedRemote(input.remotes);
  if (named === undefined) {
    return { kind: 'ask' };
  }
  const webHost = webHostOf(input.webUrl);
  const host = named.host === 'www.github.com' ? 'github.com' : named.host;
  if (host !== webHost) {
    return { kind: 'otherHost', repository: repositoryName(named), host: named.host, webHost };
  }
  return { kind: 'repository', repository: repositoryName(named), fromRemote: true };
}

function webHostOf(webUrl: string): string {
  try {
    return new URL(webUrl).hostname.toLowerCase();
  } catch {
    return webUrl.toLowerCase();
  }
}
