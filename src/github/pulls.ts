import type { L10n } from '../domain/l10n';
import type { PullRequestFact } from '../domain/facts';
import type { GitHubClient } from './client';
import { asArray, asObject, num, parseOrThrow, splitRepo, str } from './parse';

export type { PullRequestFact } from '../domain/facts';

function parsePulls(data: unknown): PullRequestFact[] {
  return asArray(data, 'pulls').map((value) => {
    const fields = asObject(value, 'pull request');
    return { number: num(fields, 'number'), title: str(fields, 'title'), htmlUrl: str(fields, 'html_url'), state: str(fields, 'state'), headRef: str(asObject(fields.head, 'pull request head'), 'ref') };
  });
}

/** Pull requests of a repository from one branch (e.g. the changelog pull request after a publish). */
export async function listPullRequests(client: GitHubClient, repo: string, branch: string): Promise<PullRequestFact[]> {
  const { owner } = splitRepo(repo);
  const context = { action: (l10n: L10n) => l10n.t('look for the pull request from {0} in {1}', branch, repo), profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/pulls', { ...splitRepo(repo), head: `${owner}:${branch}`, state: 'all', per_page: 10 }, context);
  return parseOrThrow(response.data, context, parsePulls);
}

/**
 * The repository's open pull requests, newest first: one conditional request (100 of them), so a refresh
 * that finds them unchanged costs nothing against the rate limit.
 */
export async function listOpenPullRequests(client: GitHubClient, repo: string): Promise<PullRequestFact[]> {
  const context = { action: (l10n: L10n) => l10n.t('list the open pull requests of {0}', repo), profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/pulls', { ...splitRepo(repo), state: 'open', per_page: 100 }, context);
  return parseOrThrow(response.data, context, parsePulls);
}
