import type { L10n } from '../domain/l10n';
import { listingPages, type ListingPages } from './listingPages';
import type { ReleaseFact } from '../domain/facts';
import type { GitHubClient } from './client';
import { gitHubErrorFor, isGitHubError } from './errors';
import { asArray, asObject, bool, num, parseOrThrow, splitRepo, str, strOrNull, type Fields } from './parse';

export function parseRelease(value: unknown): ReleaseFact {
  const fields: Fields = asObject(value, 'release');
  return {
    id: num(fields, 'id'),
    name: strOrNull(fields, 'name') ?? str(fields, 'tag_name'),
    tagName: str(fields, 'tag_name'),
    draft: bool(fields, 'draft'),
    prerelease: bool(fields, 'prerelease'),
    body: strOrNull(fields, 'body') ?? '',
    htmlUrl: str(fields, 'html_url'),
    createdAt: str(fields, 'created_at'),
    publishedAt: strOrNull(fields, 'published_at'),
    targetCommitish: str(fields, 'target_commitish'),
  };
}

/**
 * The monorepo's GitHub Releases, drafts included, newest first: one listing of 100 serves every app
 * (filtered locally by git tag prefix) instead of one call per app.
 */
export async function listReleases(client: GitHubClient, monorepo: string, pages = 1): Promise<ReleaseFact[]> {
  const context = { action: (l10n: L10n) => l10n.t('list the GitHub Releases of {0}', monorepo), profileField: 'monorepo' };
  const responses = await client.requestPages('GET /repos/{owner}/{repo}/releases', splitRepo(monorepo), context, pages);
  return responses.flatMap((response) => parseOrThrow(response.data, context, (data) => asArray(data, 'releases').map(parseRelease)));
}

/** Pages of the monorepo's GitHub Releases from `firstPage` on (pagedListing.ts), each parsed apart. */
export async function releasePages(client: GitHubClient, monorepo: string, firstPage: number, pages: number): Promise<ListingPages<ReleaseFact>> {
  const context = { action: (l10n: L10n) => l10n.t('list the GitHub Releases of {0}', monorepo), profileField: 'monorepo' };
  return listingPages(await client.requestPages('GET /repos/{owner}/{repo}/releases', splitRepo(monorepo), context, pages, firstPage), pages, (data) => parseOrThrow(data, context, (value) => asArray(value, 'releases').map(parseRelease)));
}

/** One release with its notes rendered by GitHub as HTML (for the release notes panel). */
export async function getReleaseWithHtml(client: GitHubClient, monorepo: string, releaseId: number): Promise<ReleaseFact & { bodyHtml: string }> {
  const context = { action: (l10n: L10n) => l10n.t('read GitHub Release {0} of {1}', releaseId, monorepo), profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/releases/{release_id}', {
    ...splitRepo(monorepo),
    release_id: releaseId,
    headers: { accept: 'application/vnd.github.html+json' },
  }, context);
  return parseOrThrow(response.data, context, (data) => ({ ...parseRelease(data), bodyHtml: strOrNull(asObject(data, 'release'), 'body_html') ?? '' }));
}

/** One release as GitHub has it now (drafts included; a GET, so retried on transient faults). */
export async function getRelease(client: GitHubClient, monorepo: string, releaseId: number): Promise<ReleaseFact> {
  const context = { action: (l10n: L10n) => l10n.t('read GitHub Release {0} of {1}', releaseId, monorepo), profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/releases/{release_id}', { ...splitRepo(monorepo), release_id: releaseId }, context);
  return parseOrThrow(response.data, context, parseRelease);
}

/** What the person confirmed: the release is published with exactly this git tag and target. */
export interface ReviewedRelease {
  readonly id: number;
  readonly tagName: string;
  readonly targetCommitish: string;
}

/**
 * Publishes a drafted GitHub Release. Sent once, never retried: GitHub may have done it already. The
 * tag and target shown in the confirmation are sent with it, so that a draft edited in the meantime is
 * not published with another tag or on another branch; GitHub's answer is checked against them.
 */
export async function publishRelease(client: GitHubClient, monorepo: string, reviewed: ReviewedRelease): Promise<ReleaseFact> {
  const context = { action: (l10n: L10n) => l10n.t('publish the GitHub Release {0} of {1}', reviewed.tagName, monorepo), profileField: 'monorepo' };
  const response = await client.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
    ...splitRepo(monorepo),
    release_id: reviewed.id,
    tag_name: reviewed.tagName,
    target_commitish: reviewed.targetCommitish,
    draft: false,
    make_latest: 'true',
  }, context);
  const published = parseOrThrow(response.data, context, parseRelease);
  const differences = [
    ...(published.draft ? ['it is still a draft'] : []),
    ...(published.tagName !== reviewed.tagName ? [`its tag is ${published.tagName}`] : []),
    ...(published.targetCommitish !== reviewed.targetCommitish ? [`its target is ${published.targetCommitish}`] : []),
  ];
  if (differences.length > 0) {
    throw gitHubErrorFor('malformed', context, { githubMessage: `GitHub accepted the request, but ${differences.join(' and ')}` });
  }
  return published;
}

/** The commit a branch points to now (`GET /git/ref/heads/{branch}`). */
export async function getBranchHead(client: GitHubClient, repo: string, branch: string): Promise<string> {
  const context = { action: (l10n: L10n) => l10n.t('read the branch {0} of {1}', branch, repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...splitRepo(repo), ref: `heads/${branch}` }, context);
  return parseOrThrow(response.data, context, (data) => str(asObject(asObject(data, 'ref').object, 'ref.object'), 'sha'));
}

/**
 * The commit (or annotated tag object) an existing git tag points to, or undefined when the tag does
 * not exist (`GET /git/ref/tags/{tag}` answers 404).
 */
export async function findTag(client: GitHubClient, repo: string, tag: string): Promise<string | undefined> {
  const context = { action: (l10n: L10n) => l10n.t('read the git tag {0} of {1}', tag, repo) };
  try {
    const response = await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...splitRepo(repo), ref: `tags/${tag}` }, context);
    return parseOrThrow(response.data, context, (data) => str(asObject(asObject(data, 'ref').object, 'ref.object'), 'sha'));
  } catch (error) {
    if (isGitHubError(error) && error.kind === 'notFound') {
      return undefined;
    }
    throw error;
  }
}
