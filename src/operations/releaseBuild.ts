import { buildPathsOf } from '../domain/buildPaths';
import type { AppProfile } from '../domain/profileTypes';
import { buildAt, historyKey, type BuildSource } from '../domain/sameBuild';
import type { GitHubClient } from '../github/client';
import { readFolderHistory } from '../github/appHistory';
import { describeError } from '../github/errors';
import { readReleaseBuilds } from '../github/packages';

/** The commit /version must report once a release runs: its build, and how it was learned. */
export interface ExpectedBuild {
  readonly sha: string;
  /**
   * Why the expected commit may not be the build: inferred from the app's folders (no registry), or the
   * build could not be read at all (then the tag's commit is expected). Said beside any mismatch.
   */
  readonly unsure?: string;
  /** How `sha` was learned; unset when the build is not known (then `sha` is the git tag's commit). */
  readonly from?: BuildSource;
  /** Why the build is not known, when it is not. */
  readonly notKnown?: string;
}

/**
 * The commit a release's images were built from: as the app's container package says (when the profile names
 * it), else the last commit at or before its git tag's commit that changed one of the app's build paths
 * (sameBuild.ts; one memoised `GET …/commits?sha=&path=` per path). Never throws: when GitHub cannot say,
 * the tag's commit, and why.
 */
export async function releaseBuild(client: GitHubClient, monorepo: string, app: Pick<AppProfile, 'sourceFolders' | 'buildPaths' | 'label' | 'registry'>, tagCommit: string, imageTag: string): Promise<ExpectedBuild> {
  if (app.registry !== undefined) {
    try {
      const exact = (await readReleaseBuilds(client, app.registry))[imageTag];
      if (exact !== undefined) {
        return { sha: exact, from: 'registry' };
      }
    } catch {
      // Not readable (no read:packages…): the deck has said so; the build is inferred below.
    }
  }
  const paths = buildPathsOf(app);
  if (paths.length === 0) {
    const notKnown = `the profile names no source folders for ${app.label}`;
    return { sha: tagCommit, unsure: `${notKnown}, so the git tag's commit is expected`, notKnown };
  }
  try {
    const lists = await Promise.all(paths.map(async (folder) => [historyKey(tagCommit, folder), await readFolderHistory(client, monorepo, tagCommit, folder)] as const));
    const build = buildAt(app, tagCommit, { histories: Object.fromEntries(lists), commitIndex: new Map() });
    // An inference, not a fact (openverse-facts §2 [INFERRED]): rel-… aliases whatever `latest` was at tagging time.
    const inferred = `inferred: the last commit up to the git tag's that changed ${paths.join(' or ')}; ${imageTag} is whatever image was tagged latest when the release was tagged, so if CI had not finished building a newer commit then, or built the image for other files, it is another build — the image's tags in the container registry say which, and naming the app's package in the profile ("registry") makes Release Deck read them`;
    const none = `no commit up to the git tag's changes ${paths.join(' or ')}`;
    return build !== undefined ? { sha: build, unsure: inferred, from: 'commits' } : { sha: tagCommit, unsure: none, notKnown: none };
  } catch (error) {
    const notKnown = `which commit the images were built from could not be read (${describeError(error)})`;
    return { sha: tagCommit, unsure: `${notKnown}, so the git tag's commit is expected`, notKnown };
  }
}
