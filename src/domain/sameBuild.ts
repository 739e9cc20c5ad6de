import type { FolderHistoryFact } from './facts';
import { english, type L10n } from './l10n';
import type { AppProfile } from './profileTypes';
import { buildPathsOf } from './buildPaths';
import { shortSha } from './tags';
import { counts } from './words';

/**
 * Which build of an app a commit is. CI builds an app's images only for pushes that change the app, and
 * the release workflow tags whatever `latest` is (openverse-facts §1.3, §1.4, §2): the build of a release
 * whose git tag names commit C is the last commit at or before C that changed one of the app's build
 * paths (buildPaths.ts: CI's path filter as the profile names it, else the app's source folders). So a running commit R is the build of that release when R == C, or when no commit after R up
 * to C changes the app; two environments run the same build by the same rule.
 */

/** The key of a folder's history at a commit in `DeckFacts.appHistories`. */
export function historyKey(sha: string, folder: string): string {
  return `${sha} ${normalFolder(folder)}`;
}

export function normalFolder(folder: string): string {
  return folder.replace(/\/+$/, '');
}

/** The app's commits at or before one commit, newest first, and whether older ones were left out. */
export interface AppHistory {
  readonly shas: readonly string[];
  readonly complete: boolean;
}

/** What the rule reads: the folder histories read, and the positions of the monorepo branch's newest commits (0 = head). */
export interface BuildFacts {
  readonly histories: Readonly<Record<string, FolderHistoryFact>>;
  readonly commitIndex: ReadonlyMap<string, number>;
}

/**
 * A folder's history at a commit: as read for it, or taken from the history read at a newer commit of the branch
 * (both among main's newest commits): the commits of it at or before this one (older than main's window
 * means older than this commit). One listing per folder then serves every commit an app's environments run.
 */
function folderHistory(sha: string, folder: string, facts: BuildFacts): FolderHistoryFact | undefined {
  const direct = facts.histories[historyKey(sha, folder)];
  const position = facts.commitIndex.get(sha);
  if (direct !== undefined || position === undefined) {
    return direct;
  }
  const suffix = ` ${normalFolder(folder)}`;
  for (const [key, history] of Object.entries(facts.histories)) {
    const newer = key.endsWith(suffix) ? facts.commitIndex.get(key.slice(0, -suffix.length)) : undefined;
    if (newer !== undefined && newer <= position) {
      return { commits: history.commits.filter((commit) => (facts.commitIndex.get(commit.sha) ?? Number.POSITIVE_INFINITY) >= position), complete: history.complete };
    }
  }
  return undefined;
}

/**
 * The app's history at a commit: every source folder's listing merged, newest first. When a listing was cut
 * at a page, the merge stops at its oldest commit (older commits of the other folders could not be placed).
 */
export function appHistory(app: Pick<AppProfile, 'sourceFolders' | 'buildPaths'>, sha: string, facts: BuildFacts): AppHistory | undefined {
  const lists: FolderHistoryFact[] = [];
  for (const folder of buildPathsOf(app)) {
    const list = folderHistory(sha, folder, facts);
    if (list === undefined) {
      return undefined;
    }
    lists.push(list);
  }
  if (lists.length === 0) {
    return undefined;
  }
  const cutAt = Math.max(...lists.filter((list) => !list.complete).map((list) => Date.parse(list.commits[list.commits.length - 1]?.date ?? '') || Number.NEGATIVE_INFINITY));
  const seen = new Set<string>();
  const merged = lists
    .flatMap((list) => list.commits)
    .filter((commit) => {
      if (seen.has(commit.sha)) {
        return false;
      }
      seen.add(commit.sha);
      return true;
    })
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
    .filter((commit) => Date.parse(commit.date) >= cutAt);
  return { shas: merged.map((commit) => commit.sha), complete: lists.every((list) => list.complete) };
}

/** The build of the app at a commit: the last commit at or before it that changed the app, when listed. */
export function buildAt(app: Pick<AppProfile, 'sourceFolders' | 'buildPaths'>, sha: string, facts: BuildFacts): string | undefined {
  return appHistory(app, sha, facts)?.shas[0];
}

/** How the build at one commit stands to the build at another. */
export type BuildComparison =
  | { readonly kind: 'same' }
  /** `by` commits that change the app lie after the first commit's build, up to the second commit. */
  | { readonly kind: 'behind'; readonly by: number }
  | { readonly kind: 'ahead'; readonly by: number }
  | { readonly kind: 'unknown'; readonly why: string };

/**
 * Whether commit `a` runs the same build as commit `b` (a release's git tag commit, or what another
 * environment runs), else how many of the app's commits lie between their builds. Exact when `a === b`;
 * otherwise read from the app's histories at both commits, and unknown rather than guessed when they
 * are missing, cut before the other's build, or on diverging branches (`why` in `l10n`'s language).
 */
export function compareBuilds(app: Pick<AppProfile, 'sourceFolders' | 'buildPaths' | 'label'>, a: string, b: string, facts: BuildFacts, l10n: L10n = english): BuildComparison {
  if (a === b) {
    return { kind: 'same' };
  }
  if (buildPathsOf(app).length === 0) {
    return { kind: 'unknown', why: l10n.t('the profile names no source folders for {0}, so only the same commit is known to be the same build', app.label) };
  }
  const folders = buildPathsOf(app).join(l10n.t(' or '));
  const ofA = appHistory(app, a, facts);
  const ofB = appHistory(app, b, facts);
  if (ofA === undefined || ofB === undefined) {
    return { kind: 'unknown', why: l10n.t('the commits of {0} before {1} were not read', folders, shortSha(ofA === undefined ? a : b)) };
  }
  const buildA = ofA.shas[0];
  const buildB = ofB.shas[0];
  if (buildA === undefined || buildB === undefined) {
    return { kind: 'unknown', why: l10n.t('no commit before {0} changes {1}', shortSha(buildA === undefined ? a : b), folders) };
  }
  if (buildA === buildB) {
    return { kind: 'same' };
  }
  const behind = ofB.shas.indexOf(buildA);
  if (behind > 0) {
    return { kind: 'behind', by: behind };
  }
  const ahead = ofA.shas.indexOf(buildB);
  if (ahead > 0) {
    return { kind: 'ahead', by: ahead };
  }
  return ofA.complete && ofB.complete
    ? { kind: 'unknown', why: l10n.t('{0} and {1} are on diverging histories of {2}', shortSha(a), shortSha(b), folders) }
    : { kind: 'unknown', why: l10n.t('more than {0} of {1} lie between {2} and {3}, or their histories diverge', counts.commit(Math.min(ofA.shas.length, ofB.shas.length), l10n), folders, shortSha(a), shortSha(b)) };
}

/** How a release's build is named in messages: "the build of rel-… (commit abc1234)". */
export function buildWords(imageTag: string, buildSha: string | undefined, l10n: L10n = english): string {
  return buildSha !== undefined ? l10n.t('the build of {0} (commit {1})', imageTag, shortSha(buildSha)) : l10n.t('the build of {0}', imageTag);
}

/** How a release's build was learned: the registry's package versions (exact) or the app's commits (inferred). */
export type BuildSource = 'registry' | 'commits';

/**
 * The release notes panel's "Build" row of a published release: its build's commit and how that is known,
 * e.g. "7b3322a (inferred)"; when it is not known, why (never the git tag's commit presented as the build).
 */
export function buildRow(build: { readonly sha: string; readonly from?: BuildSource; readonly notKnown?: string }, l10n: L10n = english): string {
  if (build.from === 'registry') {
    return l10n.t('{0} (from the registry)', shortSha(build.sha));
  }
  if (build.from === 'commits') {
    return l10n.t('{0} (inferred)', shortSha(build.sha));
  }
  return l10n.t('not known: {0}', build.notKnown ?? l10n.t('it could not be read'));
}
