import { buildPathsOf } from '../domain/buildPaths';
import type { AppCommits, CommitFact } from '../domain/facts';
import type { AppProfile } from '../domain/profileTypes';
import type { GitHubClient } from '../github/client';
import { listCommits } from '../github/commits';
import { describeError, ENGLISH, type Language } from '../github/errors';

/**
 * The newest commits of `ref` (unset: the default branch) that changed the app: one listing filtered by `path` per source folder (in
 * parallel, conditional: an unchanged listing is a free 304), merged newest first. An image is built
 * only for these commits (openverse-facts §1.4: CI publishes an app's images when its files changed).
 * Never throws: a failure is said in the answer, `why` in `language` (the person's), `logged` in English (the log).
 */
export async function listAppCommits(client: GitHubClient, repo: string, ref: string | undefined, app: AppProfile, language: Language = ENGLISH): Promise<AppCommits> {
  const paths = buildPathsOf(app);
  if (paths.length === 0) {
    return { known: false, why: language.l10n.t('the profile names no sourceFolders for {0}', app.label), logged: `the profile names no sourceFolders for ${app.label}` };
  }
  try {
    const lists = await Promise.all(paths.map((folder) => listCommits(client, repo, ref, { path: folder })));
    const bySha = new Map<string, CommitFact>();
    for (const commit of lists.flat()) {
      bySha.set(commit.sha, commit);
    }
    return { known: true, commits: [...bySha.values()].sort((a, b) => Date.parse(b.date) - Date.parse(a.date)) };
  } catch (error) {
    return { known: false, why: describeError(error, language), logged: describeError(error) };
  }
}
