import { buildPathsOf } from '../domain/buildPaths';
import type { AppDeck, DraftRelease } from '../domain/snapshot';
import type { Profile } from '../domain/profileTypes';
import type { ReviewedDraft } from '../domain/reviewedDraft';
import { chooseRelease, compareRange, listAppCommits, noNotesFor, noReleaseToShow, notesView, unknownBase, unlistedCommits, type CompareRange, type NotesListing, type NotesView } from '../domain/releaseNotes';
import { environmentVariableChanges } from '../domain/environmentVariables';
import { withCheckedNotesLinks } from '../domain/githubLinks';
import type { GitHubClient } from '../github/client';
import { appCommitShas } from '../github/appHistory';
import { compareCommits } from '../github/commits';
import { describeError, ENGLISH, type Language } from '../github/errors';
import { getReleaseWithHtml } from '../github/releases';
import { buildRow } from '../domain/sameBuild';
import { releaseBuild } from '../operations/releaseBuild';

/** The app's commits between the two ends of a release's range, or why GitHub could not list them. */
async function commitsBetween(client: GitHubClient, profile: Profile, app: AppDeck, range: CompareRange, language: Language): Promise<NotesListing> {
  const { l10n } = language;
  const repo = profile.monorepo;
  try {
    const [comparison, own] = await Promise.all([compareCommits(client, repo, range.base, range.head), appCommitShas(client, repo, range.head, buildPathsOf(app.app), language)]);
    return {
      ...listAppCommits(comparison, app.app, own, range.baseLabel, l10n),
      compareUrl: comparison.htmlUrl,
      environmentVariables: environmentVariableChanges(app.app.envFiles, comparison.files, comparison.patches),
    };
  } catch (error) {
    return unlistedCommits(range, describeError(error, language), l10n);
  }
}

/** The app's commits a draft would publish (from what production runs to `target`), as the notes panel lists them (in `language`). */
export async function draftCommits(client: GitHubClient, profile: Profile, app: AppDeck, draft: DraftRelease, target: string, language: Language = ENGLISH): Promise<NotesListing> {
  const range = compareRange(app, { draft }, target, language.l10n);
  return range !== undefined ? commitsBetween(client, profile, app, range, language) : unknownBase(language.l10n);
}

/**
 * What the release notes panel shows for one release of an app (its draft by default): GitHub's
 * rendered notes, the commits between what production runs and the release, and what publishing sets off.
 * Links from GitHub's answers are kept only when safe and on `webUrl`, the web host in force ('' otherwise).
 */
export async function loadReleaseNotes(client: GitHubClient, profile: Profile, app: AppDeck, releaseId: number | undefined, publishing: boolean, webUrl: string, language: Language = ENGLISH): Promise<NotesView> {
  return (await loadShownNotes(client, profile, app, releaseId, publishing, webUrl, language)).view;
}


/** The panel's view, and the release as read for it (what a Publish from the panel was reviewed against). */
async function loadShownNotes(client: GitHubClient, profile: Profile, app: AppDeck, releaseId: number | undefined, publishing: boolean, webUrl: string, language: Language): Promise<{ view: NotesView; reviewed: ReviewedDraft }> {
  const { l10n, locale } = language;
  const chosen = chooseRelease(app, releaseId);
  if (chosen === undefined) {
    throw new Error(noReleaseToShow(app, releaseId, l10n));
  }
  const release = await getReleaseWithHtml(client, profile.monorepo, (chosen.draft ?? chosen.published).id);
  const range = compareRange(app, chosen, release.targetCommitish, l10n);
  const tagCommit = chosen.published?.commitSha;
  const [listing, build] = await Promise.all([
    range !== undefined ? commitsBetween(client, profile, app, range, language) : unknownBase(l10n),
    // A published release's build: the git tag's commit is main's head when it was published, rarely the build.
    chosen.published !== undefined && tagCommit !== undefined ? releaseBuild(client, profile.monorepo, app.app, tagCommit, chosen.published.imageTag, undefined, language) : undefined,
  ]);
  return {
    view: withCheckedNotesLinks(notesView(profile, app, chosen, release, listing, publishing, build !== undefined ? buildRow(build, l10n) : undefined, l10n, locale), webUrl),
    reviewed: { gitTag: release.tagName, targetCommitish: release.targetCommitish, body: release.body },
  };
}

/**
 * The notes of a release, or why they could not be loaded: `unavailable` when there is no profile or
 * sign-in to load them with, `failed` when GitHub could not give them (a message a user can act on).
 */
export type NotesLoad =
  /** `reviewed`: the release's tag, target and notes as read for the view, what a Publish from it was reviewed against. */
  | { readonly ok: true; readonly view: NotesView; readonly reviewed: ReviewedDraft }
  /** `message` in the person's language; `logged` the same in English, for the log. */
  | { readonly ok: false; readonly reason: 'unavailable' | 'failed'; readonly message: string; readonly logged?: string };

/** What loading the notes needs: the GitHub client of the current sign-in, the profile and web host in force. */
export interface NotesInputs {
  readonly gitHub: () => Promise<GitHubClient | undefined>;
  readonly profile: () => Profile | undefined;
  /** The web root links from GitHub's answers must be on (undefined while no GitHub host is in force). */
  readonly webUrl: () => string | undefined;
  /** The editor's language for the notes' sentences and dates (English without it). */
  readonly language?: Language;
}

/** Loads the notes of a release of an app from GitHub; errors come back as a message, never thrown. */
export function notesLoader(inputs: NotesInputs): (app: AppDeck, releaseId: number | undefined, publishing: boolean) => Promise<NotesLoad> {
  return async (app, releaseId, publishing) => {
    const client = await inputs.gitHub();
    const profile = inputs.profile();
    if (client === undefined || profile === undefined) {
      return { ok: false, reason: 'unavailable', message: noNotesFor(app.app.id, inputs.language?.l10n) };
    }
    try {
      return { ok: true, ...(await loadShownNotes(client, profile, app, releaseId, publishing, inputs.webUrl() ?? '', inputs.language ?? ENGLISH)) };
    } catch (error) {
      return { ok: false, reason: 'failed', message: describeError(error, inputs.language ?? ENGLISH), logged: describeError(error) };
    }
  };
}
