import type { L10n } from '../domain/l10n';
import type { GitHubClient } from './client';
import { asArray, asObject, loginOf, num, parseOrThrow, splitRepo, str } from './parse';

/** The requests that read where manual deployments are recorded: a repository's head, its open pull requests and their files. */

/** The newest commit of the repository's default branch (`GET …/commits?per_page=1`, conditional). */
export async function headCommitSha(client: GitHubClient, repo: string): Promise<string> {
  const context = { action: (l10n: L10n) => l10n.t('read the newest commit of {0}', repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/commits', { ...splitRepo(repo), per_page: 1 }, context);
  return parseOrThrow(response.data, context, (data) => {
    const [first] = asArray(data, 'commits');
    if (first === undefined) {
      throw new Error('the repository has no commit');
    }
    return str(asObject(first, 'commit'), 'sha');
  });
}

export interface OpenPull {
  readonly number: number;
  readonly htmlUrl: string;
  readonly author: string;
  readonly headSha: string;
}

/** The repository's open pull requests (one page of 100, conditional). */
export async function listOpenPulls(client: GitHubClient, repo: string): Promise<OpenPull[]> {
  const context = { action: (l10n: L10n) => l10n.t('list the open pull requests of {0}', repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/pulls', { ...splitRepo(repo), state: 'open', per_page: 100 }, context);
  return parseOrThrow(response.data, context, (data) =>
    asArray(data, 'pulls').map((value) => {
      const fields = asObject(value, 'pull request');
      return { number: num(fields, 'number'), htmlUrl: str(fields, 'html_url'), author: loginOf(fields.user), headSha: str(asObject(fields.head, 'head'), 'sha') };
    }),
  );
}

/** The paths a pull request changes (`GET …/pulls/{n}/files`, first 100). */
export async function pullFilePaths(client: GitHubClient, repo: string, pullNumber: number): Promise<string[]> {
  const context = { action: (l10n: L10n) => l10n.t('list the files of pull request #{0} in {1}', pullNumber, repo) };
  const response = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { ...splitRepo(repo), pull_number: pullNumber, per_page: 100 }, context);
  return parseOrThrow(response.data, context, (data) => asArray(data, 'files').map((value) => str(asObject(value, 'file'), 'filename')));
}
