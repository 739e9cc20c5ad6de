import type { L10n } from '../domain/l10n';
import type { GitHubClient } from './client';
import { asObject, parseOrThrow, splitRepo, str } from './parse';

/** The repository's default branch as GitHub reports it (`default_branch`); conditional, so free when unchanged. */
export async function defaultBranchOf(client: GitHubClient, repo: string, profileField: string): Promise<string> {
  const context = { action: (l10n: L10n) => l10n.t('read the default branch of {0}', repo), profileField };
  const response = await client.request('GET /repos/{owner}/{repo}', splitRepo(repo), context);
  return parseOrThrow(response.data, context, (data) => str(asObject(data, 'repository'), 'default_branch'));
}

/** Whether the signed-in account may push to the repository (`permissions.push`; needed to dispatch its workflows); undefined when GitHub does not say. Throws a GitHubError when it cannot be read. */
export async function canPushTo(client: GitHubClient, repo: string, profileField: string): Promise<boolean | undefined> {
  const context = { action: (l10n: L10n) => l10n.t('read the repository {0}', repo), profileField };
  const response = await client.request('GET /repos/{owner}/{repo}', splitRepo(repo), context);
  return parseOrThrow(response.data, context, (data) => {
    const permissions = asObject(data, 'repository').permissions;
    const push = typeof permissions === 'object' && permissions !== null ? (permissions as { push?: unknown }).push : undefined;
    return typeof push === 'boolean' ? push : undefined;
  });
}
