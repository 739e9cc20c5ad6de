import { plural, productionOf, type AppDeck } from '../domain/deck';
import { publishEffects } from '../domain/process';
import type { Profile } from '../domain/profile';
import type { GitHubClient } from '../github/client';
import { compareCommits, listCommits } from '../github/commits';
import { describeError } from '../github/errors';
import { getReleaseWithHtml } from '../github/releases';
import type { NotesView } from '../ui/releaseNotes/messages';

const MAX_COMMITS = 100;

/**
 * The commits reachable from `head` that change one of the app's source folders (the newest 100 per
 * folder, enough for any comparison that lists 100), or the error that kept GitHub from saying.
 */
async function appCommitShas(client: GitHubClient, repo: string, head: string, folders: readonly string[]): Promise<Set<string> | Error> {
  if (folders.length === 0) {
    return new Set();
  }
  try {
    const lists = await Promise.all(folders.map((folder) => listCommits(client, repo, head, { path: folder })));
    return new Set(lists.flat().map((commit) => commit.sha));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * What the release notes panel shows for one release of an app (its draft by default): GitHub's
 * rendered notes, the commits between what production runs and the release, and what publishing sets off.
 */
export async function loadReleaseNotes(client: GitHubClient, profile: Profile, app: AppDeck, releaseId: number | undefined, publishing: boolean): Promise<NotesView> {
  const draft = releaseId === undefined ? app.draft : app.drafts.find((candidate) => candidate.id === releaseId);
  const published = draft === undefined ? (releaseId === undefined ? app.releases[0] : app.releases.find((candidate) => candidate.id === releaseId)) : undefined;
  const chosen = draft ?? published;
  if (chosen === undefined) {
    throw new Error(`${app.app.label} has no ${releaseId === undefined ? 'drafted or published GitHub Release' : `GitHub Release ${releaseId}`} to show.`);
  }
  const release = await getReleaseWithHtml(client, profile.monorepo, chosen.id);

  let base: string | undefined;
  let head: string | undefined;
  let baseLabel = '';
  const production = productionOf(app);
  if (draft !== undefined) {
    base = production?.running?.sha ?? app.releases[0]?.commitSha;
    baseLabel = production?.running?.sha !== undefined ? `what ${app.app.label} ${production.environment.label.toLowerCase()} runs (${production.running.imageTag ?? production.running.sha.slice(0, 7)})` : (app.releases[0]?.gitTag ?? 'the previous release');
    head = release.targetCommitish;
  } else if (published !== undefined) {
    const index = app.releases.indexOf(published);
    const previous = app.releases[index + 1];
    base = previous?.commitSha;
    baseLabel = previous?.gitTag ?? '';
    head = published.commitSha;
  }

  let commits: NotesView['commits'] = [];
  let compareUrl: string | undefined;
  let compareNote: string;
  if (base !== undefined && head !== undefined) {
    try {
      const folders = app.app.sourceFolders;
      const [comparison, ownShas] = await Promise.all([compareCommits(client, profile.monorepo, base, head), appCommitShas(client, profile.monorepo, head, folders)]);
      const ofMain = `${plural(comparison.aheadBy, 'commit')} of main since ${baseLabel}`;
      let listed = comparison.commits;
      if (folders.length === 0) {
        compareNote = `${ofMain}, every app's: the profile names no source folders for ${app.app.label}.`;
      } else if (ownShas instanceof Error) {
        compareNote = `${ofMain}, every app's: which of them change ${folders.join(' or ')} could not be found out (${describeError(ownShas)}).`;
      } else {
        listed = comparison.commits.filter((commit) => ownShas.has(commit.sha));
        const others = comparison.commits.length - listed.length;
        compareNote = `${listed.length === 0 ? 'None' : String(listed.length)} of the ${ofMain} change${listed.length === 1 ? 's' : ''} ${folders.join(' or ')}${others > 0 ? `; the other ${plural(others, 'commit')} only touch other parts of the monorepo` : ''}.`;
      }
      if (listed.length > MAX_COMMITS) {
        compareNote += ` The newest ${MAX_COMMITS} are listed.`;
      }
      commits = listed.slice(0, MAX_COMMITS).map((commit) => ({ sha: commit.sha, title: commit.message.split(/\r?\n/, 1)[0] ?? '', author: commit.author, url: commit.htmlUrl }));
      compareUrl = comparison.htmlUrl;
    } catch (error) {
      compareNote = `The commits since ${baseLabel} could not be listed: ${describeError(error)}`;
    }
  } else {
    compareNote = 'The commit this release starts from is not known, so its commits cannot be listed.';
  }

  return {
    appId: app.app.id,
    appLabel: app.app.label,
    releaseId: chosen.id,
    name: release.name,
    gitTag: chosen.gitTag,
    imageTag: chosen.imageTag,
    draft: draft !== undefined,
    target: draft !== undefined ? release.targetCommitish : (published?.commitSha ?? release.targetCommitish),
    ...(release.publishedAt !== null ? { publishedAt: release.publishedAt } : {}),
    htmlUrl: release.htmlUrl,
    bodyHtml: release.bodyHtml,
    changeCount: draft?.changeCount ?? 0,
    commits,
    ...(compareUrl !== undefined ? { compareUrl } : {}),
    compareNote,
    effects: draft !== undefined ? publishEffects(profile, app, draft) : [],
    releases: [...app.drafts.map((candidate) => ({ id: candidate.id, gitTag: candidate.gitTag, draft: true })), ...app.releases.slice(0, 30).map((candidate) => ({ id: candidate.id, gitTag: candidate.gitTag, draft: false }))],
    publishing,
  };
}
