import type { L10n } from '../domain/l10n';
import type { CommitFact, TagFact } from '../domain/facts';
import { isFullSha, shortSha } from '../domain/tags';
import type { GitHubClient } from './client';
import { asArray, asObject, loginOf, num, parseOrThrow, splitRepo, str, strOrNull, type Fields } from './parse';

function parseCommit(value: unknown): CommitFact {
  const fields: Fields = asObject(value, 'commit');
  const commit = asObject(fields.commit, 'commit.commit');
  const author = fields.author !== null && fields.author !== undefined ? loginOf(fields.author) : (strOrNull(asObject(commit.author, 'commit.author'), 'name') ?? 'unknown');
  return {
    sha: str(fields, 'sha'),
    message: str(commit, 'message'),
    author,
    date: str(asObject(commit.committer ?? commit.author, 'commit.committer'), 'date'),
    htmlUrl: str(fields, 'html_url'),
  };
}

export interface CommitListOptions {
  readonly perPage?: number;
  /** Only the commits that change this file or something under this folder. */
  readonly path?: string;
}

/**
 * The newest commits of a branch or commit (up to 100), newest first; with no `ref`, of the
 * repository's default branch (GitHub's default for `sha`).
 */
export async function listCommits(client: GitHubClient, repo: string, ref: string | undefined, options: CommitListOptions = {}): Promise<CommitFact[]> {
  const path = options.path?.replace(/\/+$/, '');
  const where = ref === undefined ? `the default branch of ${repo}` : `${repo}@${isFullSha(ref) ? shortSha(ref) : ref}`;
  const context = { action: (l10n: L10n) => (path !== undefined ? l10n.t('list the commits of {0} that change {1}', where, path) : l10n.t('list the commits of {0}', where)), profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/commits', { ...splitRepo(repo), ...(ref !== undefined ? { sha: ref } : {}), per_page: options.perPage ?? 100, ...(path !== undefined ? { path } : {}) }, context);
  return parseOrThrow(response.data, context, (data) => asArray(data, 'commits').map(parseCommit));
}

/** The repository's git tags with the commits they name (one listing of 100, newest first). */
export async function listTags(client: GitHubClient, repo: string, pages = 1): Promise<TagFact[]> {
  const context = { action: (l10n: L10n) => l10n.t('list the git tags of {0}', repo), profileField: 'monorepo' };
  const responses = await client.requestPages('GET /repos/{owner}/{repo}/tags', splitRepo(repo), context, pages);
  return responses.flatMap((response) =>
    parseOrThrow(response.data, context, (data) =>
      asArray(data, 'tags').map((value) => {
        const fields = asObject(value, 'tag');
        return { name: str(fields, 'name'), sha: str(asObject(fields.commit, 'tag.commit'), 'sha') };
      }),
    ),
  );
}

export interface Comparison {
  readonly aheadBy: number;
  readonly behindBy: number;
  readonly htmlUrl: string;
  readonly commits: readonly CommitFact[];
  readonly files: readonly string[];
  /** Per changed file, its patch when GitHub sent one (for reading variable names from env files). */
  readonly patches: Readonly<Record<string, string>>;
}

/**
 * What `head` has that `base` has not: the commits a deployment from base to head would bring, newest first.
 * Asked without paging parameters: GitHub then answers the newest 250 commits (with them, its first page holds
 * the oldest ones: the comparison is listed in chronological order, docs.github.com/rest/commits/commits#compare-two-commits);
 * `aheadBy` counts them all.
 */
export async function compareCommits(client: GitHubClient, repo: string, base: string, head: string): Promise<Comparison> {
  const context = { action: (l10n: L10n) => l10n.t('compare {0}...{1} in {2}', base.slice(0, 12), head.slice(0, 12), repo), profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { ...splitRepo(repo), basehead: `${base}...${head}` }, context);
  return parseOrThrow(response.data, context, (data) => {
    const fields = asObject(data, 'comparison');
    const files = fields.files === undefined ? [] : asArray(fields.files, 'files').map((file) => asObject(file, 'file'));
    const patches: Record<string, string> = {};
    for (const file of files) {
      const patch = strOrNull(file, 'patch');
      if (patch !== null) {
        patches[str(file, 'filename')] = patch;
      }
    }
    return {
      aheadBy: num(fields, 'ahead_by'),
      behindBy: num(fields, 'behind_by'),
      htmlUrl: str(fields, 'html_url'),
      commits: asArray(fields.commits, 'commits').map(parseCommit).reverse(),
      files: files.map((file) => str(file, 'filename')),
      patches,
    };
  });
}
