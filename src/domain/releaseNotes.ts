import { buildPathsOf } from './buildPaths';
import { productionOf, type AppDeck, type DraftRelease, type PublishedRelease } from './snapshot';
import { shortSha } from './tags';
import { commitTitle, counts, dateTime, placeLabel } from './words';
import { english, type L10n } from './l10n';
import type { CommitFact, ReleaseFact } from './facts';
import { beforeReleaseRuns, environmentVariableAdvice, type EnvironmentFileChange } from './environmentVariables';
import { publishEffects } from './process';
import type { AppProfile, Profile } from './profileTypes';

/** The most commits the notes list; the compare note says when there were more. */
export const MAX_NOTES_COMMITS = 100;

export interface NotesCommit {
  readonly sha: string;
  readonly title: string;
  readonly author: string;
  readonly url: string;
}

export interface NotesRelease {
  readonly id: number;
  readonly gitTag: string;
  readonly draft: boolean;
}

/** Everything the release notes panel shows; plain data, no HTML but GitHub's (sanitised again in the page). */
export interface NotesView {
  readonly appId: string;
  readonly appLabel: string;
  readonly releaseId: number;
  readonly name: string;
  readonly gitTag: string;
  readonly imageTag: string;
  readonly draft: boolean;
  /** For a draft: the branch or commit the git tag will be created on; for a release: its commit. */
  readonly target: string;
  /**
   * For a published release: the commit its images were built from, and how that is known ("7b3322a
   * (inferred)", "… (from the registry)"; sameBuild.ts's buildRow) — often not the git tag's commit.
   */
  readonly build?: string;
  readonly publishedAt?: string;
  /** `publishedAt` as the person reads dates: in their locale and time zone (words.ts dateTime). */
  readonly publishedOn?: string;
  readonly htmlUrl: string;
  readonly bodyHtml: string;
  readonly changeCount: number;
  /** The commits between what production runs and this release. */
  readonly commits: readonly NotesCommit[];
  readonly compareUrl?: string;
  readonly compareNote: string;
  /** What publishing sets off for this app, one sentence a line. */
  readonly effects: readonly string[];
  /** For a draft: the environment variables it adds, changes or removes, and what to do about each, one sentence a line. */
  readonly environmentVariables: readonly string[];
  readonly releases: readonly NotesRelease[];
  readonly publishing: boolean;
}

/** The release a panel shows: one of the app's drafts, or one of its published releases. */
export type ChosenRelease =
  | { readonly draft: DraftRelease; readonly published?: undefined }
  | { readonly draft?: undefined; readonly published: PublishedRelease };

/** The release asked for (a draft or a published one), or by default the app's draft, else its newest release. */
export function chooseRelease(app: AppDeck, releaseId: number | undefined): ChosenRelease | undefined {
  const draft = releaseId === undefined ? app.draft : app.drafts.find((candidate) => candidate.id === releaseId);
  if (draft !== undefined) {
    return { draft };
  }
  const published = releaseId === undefined ? app.releases[0] : app.releases.find((candidate) => candidate.id === releaseId);
  return published !== undefined ? { published } : undefined;
}

/** Why there is nothing to show when `chooseRelease` found no release. */
export function noReleaseToShow(app: AppDeck, releaseId: number | undefined, l10n: L10n = english): string {
  return releaseId === undefined
    ? l10n.t('{0} has no drafted or published GitHub Release to show.', app.app.label)
    : l10n.t('{0} has no GitHub Release {1} to show.', app.app.label, releaseId);
}

/** Why a panel has nothing to show for an app: no deck app, profile or sign-in to load it with. */
export function noNotesFor(appId: string, l10n: L10n = english): string {
  return l10n.t('There are no release notes to show for "{0}": sign in, or check that the profile still has this app.', appId);
}

/** The two commits whose difference the notes list, and how the older one is named in the compare note. */
export interface CompareRange {
  readonly base: string;
  readonly head: string;
  readonly baseLabel: string;
}

/**
 * For a draft: from what production runs (else the newest release) to the draft's target; for a
 * published release: from the release before it to its commit. Undefined when either end is unknown.
 */
export function compareRange(app: AppDeck, chosen: ChosenRelease, draftTarget: string, l10n: L10n = english): CompareRange | undefined {
  if (chosen.draft !== undefined) {
    const production = productionOf(app);
    const base = production?.running?.sha ?? app.releases[0]?.commitSha;
    const baseLabel = production?.running?.sha !== undefined
      ? l10n.t('what {0} runs ({1})', placeLabel(app.app, production.environment), production.running.imageTag ?? shortSha(production.running.sha))
      : (app.releases[0]?.gitTag ?? l10n.t('the previous release'));
    return base !== undefined ? { base, head: draftTarget, baseLabel } : undefined;
  }
  const previous = app.releases[app.releases.indexOf(chosen.published) + 1];
  const base = previous?.commitSha;
  const head = chosen.published.commitSha;
  return base !== undefined && head !== undefined ? { base, head, baseLabel: previous?.gitTag ?? '' } : undefined;
}

/** The commits of a release's notes and the sentence that says what they are. */
export interface NotesListing {
  readonly commits: readonly NotesCommit[];
  readonly compareUrl?: string;
  readonly compareNote: string;
  /** The app's env files the range changes, with their variables. */
  readonly environmentVariables?: readonly EnvironmentFileChange[];
}

/**
 * The commits of the app's source folders (their SHAs), or why GitHub could not say which they are. `horizons`:
 * for a folder whose listing stopped at a page, the oldest commit listed: whether older commits change it is not known.
 */
export type OwnCommits = { readonly shas: ReadonlySet<string>; readonly horizons?: readonly string[] } | { readonly error: string };

/**
 * How many of a comparison's commits (newest first) can be told apart as the app's or not: those GitHub listed
 * (the comparison stops at its newest 250), down to the oldest horizon (OwnCommits) that falls among them.
 */
function knownCount(commits: readonly CommitFact[], horizons: readonly string[]): number {
  return horizons.reduce((count, sha) => {
    const at = commits.findIndex((commit) => commit.sha === sha);
    return at >= 0 ? Math.min(count, at + 1) : count;
  }, commits.length);
}

/**
 * The commits of a comparison that change the app's source folders (every app's, saying why, when the
 * profile names none or GitHub could not tell), the newest `MAX_NOTES_COMMITS` of them. Of a comparison longer
 * than GitHub's answers reach, only the newest are counted, and the note says so.
 */
export function listAppCommits(comparison: { readonly aheadBy: number; readonly commits: readonly CommitFact[] }, app: AppProfile, ownCommits: OwnCommits, baseLabel: string, l10n: L10n = english): NotesListing {
  const folders = buildPathsOf(app);
  const ofMain = l10n.t('{0} of the monorepo since {1}', counts.commit(comparison.aheadBy, l10n), baseLabel);
  const or = folders.join(l10n.t(' or '));
  let listed = comparison.commits;
  let compareNote: string;
  if (folders.length === 0) {
    compareNote = l10n.t("{0}, every app's: the profile names no source folders for {1}.", ofMain, app.label);
  } else if ('error' in ownCommits) {
    compareNote = l10n.t("{0}, every app's: which of them change {1} could not be found out ({2}).", ofMain, or, ownCommits.error);
  } else {
    const { shas } = ownCommits;
    const known = comparison.commits.slice(0, knownCount(comparison.commits, ownCommits.horizons ?? []));
    const unknown = Math.max(comparison.aheadBy - known.length, 0);
    const among = unknown > 0 ? l10n.t('newest {0} of the {1}', known.length, ofMain) : ofMain;
    listed = known.filter((commit) => shas.has(commit.sha));
    const others = known.length - listed.length;
    const changing = listed.length === 0
      ? l10n.t('None of the {0} change {1}', among, or)
      : listed.length === 1 ? l10n.t('1 of the {0} changes {1}', among, or) : l10n.t('{0} of the {1} change {2}', listed.length, among, or);
    compareNote = others > 0 ? l10n.t('{0}; the other {1} only touch other parts of the monorepo.', changing, counts.commit(others, l10n)) : `${changing}.`;
    if (unknown > 0) {
      compareNote += ` ${l10n.t('The older {0} are not counted: Release Deck reads only the newest from GitHub (the comparison on GitHub lists them all).', counts.commit(unknown, l10n))}`;
    }
  }
  if (listed.length > MAX_NOTES_COMMITS) {
    compareNote += ` ${l10n.t('The newest {0} are listed.', MAX_NOTES_COMMITS)}`;
  }
  const commits = listed.slice(0, MAX_NOTES_COMMITS).map((commit) => ({ sha: commit.sha, title: commitTitle(commit.message), author: commit.author, url: commit.htmlUrl }));
  return { commits, compareNote };
}

/** The listing when GitHub could not compare the two commits. */
export function unlistedCommits(range: CompareRange, reason: string, l10n: L10n = english): NotesListing {
  return { commits: [], compareNote: l10n.t('The commits since {0} could not be listed: {1}', range.baseLabel, reason) };
}

/**
 * The publish confirmation's lines on the app's env files, from the same comparison as its commits (one
 * request for both): the variables the release adds, changes or removes, or why they could not be read.
 */
export function publishVariableLines(app: AppProfile, listing: NotesListing, l10n: L10n = english): string[] {
  const files = app.envFiles;
  if (files.length === 0) {
    return [];
  }
  if (listing.environmentVariables === undefined) {
    return ['', l10n.t('Environment variables: the changes to {0} could not be read ({1}). Check {0} on GitHub before publishing.', files.join(', '), listing.compareNote.replace(/\.$/, ''))];
  }
  const advice = environmentVariableAdvice(listing.environmentVariables, beforeReleaseRuns(app, l10n), l10n);
  return advice.length > 0 ? ['', `⚠ ${l10n.t('Environment variables:')}`, ...advice.map((line) => `• ${line}`)] : [];
}

/** The listing when the commit a release starts from is not known. */
export function unknownBase(l10n: L10n = english): NotesListing {
  return { commits: [], compareNote: l10n.t('The commit this release starts from is not known, so its commits cannot be listed.') };
}

/**
 * The panel's data: the chosen release as GitHub renders it, its commits, and what publishing a draft sets off;
 * its sentences in the language of `l10n`, its date in `locale` and this process's time zone (the person's).
 */
export function notesView(profile: Profile, app: AppDeck, chosen: ChosenRelease, release: ReleaseFact & { readonly bodyHtml: string }, listing: NotesListing, publishing: boolean, build?: string, l10n: L10n = english, locale = 'en'): NotesView {
  const { draft, published } = chosen;
  const gitRelease = draft ?? published;
  return {
    appId: app.app.id,
    appLabel: app.app.label,
    releaseId: gitRelease.id,
    name: release.name,
    gitTag: gitRelease.gitTag,
    imageTag: gitRelease.imageTag,
    draft: draft !== undefined,
    target: draft !== undefined ? release.targetCommitish : (published.commitSha ?? release.targetCommitish),
    ...(draft === undefined && build !== undefined ? { build } : {}),
    ...(release.publishedAt !== null ? { publishedAt: release.publishedAt, publishedOn: dateTime(release.publishedAt, locale) } : {}),
    htmlUrl: release.htmlUrl,
    bodyHtml: release.bodyHtml,
    changeCount: draft?.changeCount ?? 0,
    commits: listing.commits,
    ...(listing.compareUrl !== undefined ? { compareUrl: listing.compareUrl } : {}),
    compareNote: listing.compareNote,
    effects: draft !== undefined ? publishEffects(profile, app, draft, l10n) : [],
    environmentVariables: draft !== undefined ? environmentVariableAdvice(listing.environmentVariables ?? [], beforeReleaseRuns(app.app, l10n), l10n) : [],
    releases: [...app.drafts.map((candidate) => ({ id: candidate.id, gitTag: candidate.gitTag, draft: true })), ...app.releases.slice(0, 30).map((candidate) => ({ id: candidate.id, gitTag: candidate.gitTag, draft: false }))],
    publishing,
  };
}
