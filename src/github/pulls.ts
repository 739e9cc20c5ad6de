import type { GitHubClient } from './client';
import { asArray, asObject, num, parseOrThrow, splitRepo, str } from './parse';

export interface PullRequestFact {
  readonly number: number;
  readonly title: string;
  readonly htmlUrl: string;
  readonly state: string;
}

/** Pull requests of a repository from one branch (e.g. the changelog pull request after a publish). */
export async function listPullRequests(client: GitHubClient, repo: string, branch: string): Promise<PullRequestFact[]> {
  const { owner } = splitRepo(repo);
  const context = { action: `look for the pull request from ${branch} in ${repo}`, profileField: 'monorepo' };
  const response = await client.request('GET /repos/{owner}/{repo}/pulls', { ...splitRepo(repo), head: `${owner}:${branch}`, state: 'all', per_page: 10 }, context);
  return parseOrThrow(response.data, context, (data) =>
    asArray(data, 'pulls').map((value) => {
      const fields = asObject(value, 'pull request');
      return { number: num(fields, 'number'), title: str(fields, 'title'), htmlUrl: str(fields, 'html_url'), state: str(fields, 'state') };
    }),
  );
}
