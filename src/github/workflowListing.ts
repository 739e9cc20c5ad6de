import type { L10n } from '../domain/l10n';
import type { GitHubClient } from './client';
import { asArray, asObject, parseOrThrow, splitRepo, str } from './parse';

export interface ListedWorkflow {
  /** The file name in .github/workflows. */
  readonly file: string;
  readonly name: string;
}

/** At most this many workflows are listed per repository (one page). */
export const MAX_WORKFLOWS_LISTED = 100;

/**
 * A repository's workflow files: `GET /repos/{owner}/{repo}/actions/workflows` (one page of 100,
 * conditional). GitHub also lists workflows it runs itself (`dynamic/…`, e.g. code scanning): only files
 * of .github/workflows are kept. Throws a GitHubError.
 */
export async function listWorkflowFiles(client: GitHubClient, repo: string, profileField?: string): Promise<ListedWorkflow[]> {
  const context = { action: (l10n: L10n) => l10n.t('list the GitHub Workflows of {0}', repo), ...(profileField !== undefined ? { profileField } : {}) };
  const response = await client.request('GET /repos/{owner}/{repo}/actions/workflows', { ...splitRepo(repo), per_page: MAX_WORKFLOWS_LISTED }, context);
  return parseOrThrow(response.data, context, (data) =>
    asArray(asObject(data, 'workflow list').workflows, 'workflows').flatMap((value) => {
      const fields = asObject(value, 'workflow');
      const path = str(fields, 'path');
      const match = /^\.github\/workflows\/([^/]+\.ya?ml)$/.exec(path);
      return match?.[1] !== undefined ? [{ file: match[1], name: str(fields, 'name') }] : [];
    }),
  );
}
