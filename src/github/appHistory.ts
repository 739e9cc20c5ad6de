import type { FolderHistoryFact } from '../domain/facts';
import { historyKey, normalFolder } from '../domain/sameBuild';
import type { GitHubClient } from './client';
import { listCommits } from './commits';
import { describeError, ENGLISH, type Language } from './errors';
import { ImmutableAnswers } from './immutableAnswers';
import type { OwnCommits } from '../domain/releaseNotes';

/** One page of a path-filtered listing: GitHub's largest. */
const PAGE = 100;

/**
 * The commits reachable from a commit that change a folder never change (a SHA names its whole history),
 * so each client keeps the answers it got: asking again about the same commit and folder sends nothing.
 */
const folderHistories = new ImmutableAnswers<FolderHistoryFact>(2000);

/** The newest commits (up to 100) at or before `sha` that change `folder`: `GET …/commits?sha=&path=`, memoised. */
export function readFolderHistory(client: GitHubClient, repo: string, sha: string, folder: string): Promise<FolderHistoryFact> {
  return folderHistories.get(client, `${repo.toLowerCase()} ${historyKey(sha, folder)}`, () =>
    listCommits(client, repo, sha, { path: normalFolder(folder), perPage: PAGE }).then((commits) => ({
      commits: commits.map((commit) => ({ sha: commit.sha, date: commit.date })),
      complete: commits.length < PAGE,
    })),
  );
}

/**
 * The histories asked for, all in parallel, keyed by `historyKey`; one that GitHub could not give is left out
 * (what depends on it is then said to be unknown) and its error returned for the log.
 */
export async function readHistories(client: GitHubClient, repo: string, wanted: ReadonlyArray<{ readonly sha: string; readonly folder: string }>): Promise<{ histories: Record<string, FolderHistoryFact>; errors: unknown[] }> {
  const histories: Record<string, FolderHistoryFact> = {};
  const errors: unknown[] = [];
  await Promise.all(
    wanted.map(async ({ sha, folder }) => {
      try {
        histories[historyKey(sha, folder)] = await readFolderHistory(client, repo, sha, folder);
      } catch (error) {
        errors.push(error);
      }
    }),
  );
  return { histories, errors };
}

/**
 * The commits reachable from `head` that change one of the app's source folders (the newest 100 per folder),
 * with, for each folder that has more, the oldest of them listed (`horizons`: about older commits nothing is
 * known), or the error that kept GitHub from saying, in `language` (the person's: the release notes and a
 * deployment's confirmation show it). Memoised as above.
 */
export async function appCommitShas(client: GitHubClient, repo: string, head: string, folders: readonly string[], language: Language = ENGLISH): Promise<OwnCommits> {
  if (folders.length === 0) {
    return { shas: new Set() };
  }
  try {
    const lists = await Promise.all(folders.map((folder) => readFolderHistory(client, repo, head, folder)));
    const horizons = lists.filter((list) => !list.complete).flatMap((list) => list.commits.slice(-1).map((commit) => commit.sha));
    return { shas: new Set(lists.flatMap((list) => list.commits.map((commit) => commit.sha))), horizons };
  } catch (error) {
    return { error: describeError(error, language) };
  }
}
