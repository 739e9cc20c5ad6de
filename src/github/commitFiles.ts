import { shortSha } from '../domain/tags';
import type { GitHubClient } from './client';
import { asArray, asObject, parseOrThrow, splitRepo, str } from './parse';

const MEMO_LIMIT = 2000;

/**
 * What a commit changed never changes (a SHA names its content), so each client keeps the answers it got:
 * asking again about the same commit sends nothing.
 */
const memos = new WeakMap<GitHubClient, Map<string, Promise<readonly string[]>>>();

/**
 * The paths a commit changed (`GET /repos/{owner}/{repo}/commits/{ref}`: its `files`, at most 300 of them,
 * docs.github.com/rest/commits/commits#get-a-commit), memoised per client; a failed answer is not kept.
 */
export function readCommitFiles(client: GitHubClient, repo: string, sha: string): Promise<readonly string[]> {
  let memo = memos.get(client);
  if (memo === undefined) {
    memo = new Map();
    memos.set(client, memo);
  }
  const key = `${repo.toLowerCase()} ${sha}`;
  const known = memo.get(key);
  if (known !== undefined) {
    return known;
  }
  const context = { action: `read the files commit ${shortSha(sha)} of ${repo} changed`, profileField: 'monorepo' };
  const asked = client.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...splitRepo(repo), ref: sha }, context).then((response) =>
    parseOrThrow(response.data, context, (data) => {
      const files = asObject(data, 'commit').files;
      return files === undefined ? [] : asArray(files, 'files').map((file) => str(asObject(file, 'file'), 'filename'));
    }),
  );
  memo.set(key, asked);
  if (memo.size > MEMO_LIMIT) {
    const oldest = memo.keys().next().value;
    if (oldest !== undefined) {
      memo.delete(oldest);
    }
  }
  asked.catch(() => memo.delete(key));
  return asked;
}
