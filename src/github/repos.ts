import type { GitHubClient } from './client';
import { asObject, parseOrThrow, splitRepo, str } from './parse';

/** The repository's default branch as GitHub reports it (`default_branch`); conditional, so free when unchanged. */
export async function defaultBranchOf(client: GitHubClient, repo: string, profileField: string): Promise<string> {
  const context = { action: `read the default branch of ${repo}`, profileField };
  const response = await client.request('GET /repos/{owner}/{repo}', splitRepo(repo), context);
  return parseOrThrow(response.data, context, (data) => str(asObject(data, 'repository'), 'default_branch'));
}
