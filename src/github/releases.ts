import type { ReleaseFact } from '../domain/facts';
import type { GitHubClient } from './client';
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
  const context = { action: `list the GitHub Releases of ${monorepo}`, profileField: 'monorepo' };
  const responses = await client.requestPages('GET /repos/{owner}/{repo}/releases', splitRepo(monorepo), context, pages);
  return responses.flatMap((response) => parseOrThrow(response.data, context, (data) => asArray(data, 'releases').map(parseRelease)));
}

/** One release with its notes rendered by GitHub as HTML (for the release notes panel). */
export async function getReleaseWithHtml(client: GitHubClient, monorepo: string, releaseId: number): Promise<ReleaseFact & { bodyHtml: string }> {
  const context = { action: `read GitHub Release ${releaseId} of ${monorepo}`, profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/releases/{release_id}', {
    ...splitRepo(monorepo),
    release_id: releaseId,
    headers: { accept: 'application/vnd.github.html+json' },
  }, context);
  return parseOrThrow(response.data, context, (data) => ({ ...parseRelease(data), bodyHtml: strOrNull(asObject(data, 'release'), 'body_html') ?? '' }));
}

/** Publishes a drafted GitHub Release. Sent once, never retried: GitHub may have done it already. */
export async function publishRelease(client: GitHubClient, monorepo: string, releaseId: number, gitTag: string): Promise<ReleaseFact> {
  const context = { action: `publish the GitHub Release ${gitTag} of ${monorepo}`, profileField: 'monorepo' };
  const response = await client.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
    ...splitRepo(monorepo),
    release_id: releaseId,
    draft: false,
    make_latest: 'true',
  }, context);
  return parseOrThrow(response.data, context, parseRelease);
}
