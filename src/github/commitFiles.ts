import type { L10n } from '../domain/l10n';
import { shortSha } from '../domain/tags';
import type { GitHubClient } from './client';
import { ImmutableAnswers } from './immutableAnswers';
import { asArray, asObject, parseOrThrow, splitRepo, str } from './parse';

/** What a commit changed never changes (a SHA names its content): asking again about the same commit sends nothing. */
const commitFiles = new ImmutableAnswers<readonly string[]>(2000);

/**
 * The paths a commit changed (`GET /repos/{owner}/{repo}/commits/{ref}`: its `files`, at most 300 of them,
 * docs.github.com/rest/commits/commits#get-a-commit), memoised per client; a failed answer is not kept.
 */
export function readCommitFiles(client: GitHubClient, repo: string, sha: string): Promise<readonly string[]> {
  const context = { action: (l10n: L10n) => l10n.t('read the files commit {0} of {1} changed', shortSha(sha), repo), profileField: 'monorepo' };
  return commitFiles.get(client, `${repo.toLowerCase()} ${sha}`, () =>
    client.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...splitRepo(repo), ref: sha }, context).then((response) =>
      parseOrThrow(response.data, context, (data) => {
        const files = asObject(data, 'commit').files;
        return files === undefined ? [] : asArray(files, 'files').map((file) => str(asObject(file, 'file'), 'filename'));
      }),
    ),
  );
}
