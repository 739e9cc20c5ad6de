import { buildPathsOf } from '../domain/buildPaths';
import type { WorkflowRunFact } from '../domain/facts';
import type { AppProfile } from '../domain/profileTypes';
import { appHistory, buildAt, historyKey, type BuildSource } from '../domain/sameBuild';
import { shortSha } from '../domain/tags';
import type { GitHubClient } from '../github/client';
import { readFolderHistory } from '../github/appHistory';
import { describeError, ENGLISH, type Language, type Said } from '../github/errors';
import { readReleaseBuilds } from '../github/packages';
import { listPushRuns } from '../github/workflows';
import { words } from './follow';

/** The commit /version must report once a release runs: its build, and how it was learned. */
export interface ExpectedBuild {
  readonly sha: string;
  /**
   * Why the expected commit may not be the build: inferred from the app's folders (no registry), or the
   * build could not be read at all (then the tag's commit is expected). Said beside any mismatch.
   */
  readonly unsure?: string;
  /** `unsure` in any language (the log's English). */
  readonly unsureSaid?: Said;
  /** How `sha` was learned; unset when the build is not known (then `sha` is the git tag's commit). */
  readonly from?: BuildSource;
  /** Why the build is not known, when it is not. */
  readonly notKnown?: string;
  /**
   * When `latest` may not have been `sha`'s image yet when the release was tagged (its push's runs had not
   * all succeeded before the release run started): the app's older commits, newest first, whose build the
   * release may be instead, and why.
   */
  readonly maybeOlder?: { readonly shas: readonly string[]; readonly why: string };
}

/**
 * The commit a release's images were built from: as the app's container package says (when the profile names
 * it), else the last commit at or before its git tag's commit that changed one of the app's build paths
 * (sameBuild.ts; one memoised `GET …/commits?sha=&path=` per path). `rel-…` aliases whatever `latest` was when the
 * release run tagged it (openverse-facts §1.3, §2): given when that run was created (`releaseRunCreatedAt`), the
 * inferred build's push runs are read (one `GET …/actions/runs?head_sha=`): unless every one had succeeded by then,
 * CI may still have been building (or failed to build) it, and the release may be an older build. Never throws:
 * when GitHub cannot say, the tag's commit, and why. Its reasons are said in `language` (English without it).
 */
export async function releaseBuild(client: GitHubClient, monorepo: string, app: Pick<AppProfile, 'sourceFolders' | 'buildPaths' | 'label' | 'registry'>, tagCommit: string, imageTag: string, releaseRunCreatedAt?: string, language: Language = ENGLISH): Promise<ExpectedBuild> {
  const { l10n } = language;
  if (app.registry !== undefined) {
    try {
      const exact = (await readReleaseBuilds(client, app.registry, (tag) => tag === imageTag))[imageTag];
      if (exact !== undefined) {
        return { sha: exact, from: 'registry' };
      }
    } catch {
      // Not readable (no read:packages…): the deck has said so; the build is inferred below.
    }
  }
  // Why the build may not be `sha`, in `language` and in any other.
  const unsureIn = (said: Said): { unsure: string; unsureSaid: Said } => ({ unsure: said(language), unsureSaid: said });
  const tagCommitExpected = (notKnown: Said): Said => (other) => other.l10n.t("{0}, so the git tag's commit is expected", notKnown(other));
  const paths = buildPathsOf(app);
  if (paths.length === 0) {
    const notKnown: Said = (other) => other.l10n.t('the profile names no source folders for {0}', app.label);
    return { sha: tagCommit, ...unsureIn(tagCommitExpected(notKnown)), notKnown: notKnown(language) };
  }
  try {
    const lists = await Promise.all(paths.map(async (folder) => [historyKey(tagCommit, folder), await readFolderHistory(client, monorepo, tagCommit, folder)] as const));
    const facts = { histories: Object.fromEntries(lists), commitIndex: new Map<string, number>() };
    const build = buildAt(app, tagCommit, facts);
    // An inference, not a fact (openverse-facts §2 [INFERRED]): rel-… aliases whatever `latest` was at tagging time.
    const folders = (other: Language): string => paths.join(other.l10n.t(' or '));
    const inferred: Said = (other) => other.l10n.t('inferred: the last commit up to the git tag\'s that changed {0}; {1} is whatever image was tagged latest when the release was tagged, so if CI had not finished building a newer commit then, or built the image for other files, it is another build — the image\'s tags in the container registry say which, and naming the app\'s package in the profile ("registry") makes Release Deck read them', folders(other), imageTag);
    const none: Said = (other) => other.l10n.t("no commit up to the git tag's changes {0}", folders(other));
    if (build === undefined) {
      return { sha: tagCommit, ...unsureIn(none), notKnown: none(language) };
    }
    const lag = releaseRunCreatedAt !== undefined ? await buildLag(client, monorepo, build, releaseRunCreatedAt, language) : undefined;
    if (lag === undefined) {
      return { sha: build, ...unsureIn(inferred), from: 'commits' };
    }
    const older = appHistory(app, tagCommit, facts)?.shas.slice(1) ?? [];
    return { sha: build, ...unsureIn(inferred), from: 'commits', maybeOlder: { shas: older, why: l10n.t('when {0} was tagged, {1}, so `latest` may still have been an older build of {2}', imageTag, lag, app.label) } };
  } catch (error) {
    const notKnown: Said = (other) => other.l10n.t('which commit the images were built from could not be read ({0})', describeError(error, other));
    return { sha: tagCommit, ...unsureIn(tagCommitExpected(notKnown)), notKnown: notKnown(language) };
  }
}

/** Why the build of `sha` may not have existed at `before`: its push's runs had not all succeeded by then; undefined when they had. */
async function buildLag(client: GitHubClient, monorepo: string, sha: string, before: string, language: Language): Promise<string | undefined> {
  const { l10n } = language;
  let runs: WorkflowRunFact[];
  try {
    runs = await listPushRuns(client, monorepo, sha);
  } catch (error) {
    return l10n.t('the runs of commit {0} could not be read ({1})', shortSha(sha), describeError(error, language));
  }
  if (runs.length === 0) {
    return l10n.t('no workflow run of the push of commit {0} was found', shortSha(sha));
  }
  const at = Date.parse(before);
  const unfinished = runs.filter((run) => !(run.status === 'completed' && run.conclusion === 'success' && Date.parse(run.updatedAt) <= at));
  if (unfinished.length === 0) {
    return undefined;
  }
  const said = unfinished.map((run) => {
    const file = run.workflowPath.slice(run.workflowPath.lastIndexOf('/') + 1);
    if (run.status !== 'completed') {
      return `${file} ${words(run, undefined, language)}`;
    }
    // GitHub's conclusion (success, failure…) as it names it in the run's page.
    return run.conclusion === 'success' ? l10n.t('{0} success only later', file) : `${file} ${run.conclusion ?? l10n.t('completed')}`;
  });
  return l10n.t('the push of commit {0} had not finished building ({1})', shortSha(sha), said.join(', '));
}
