import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { AppDeck, DraftRelease } from '../domain/snapshot';
import type { ReleaseFact } from '../domain/facts';
import type { NotesListing } from '../domain/releaseNotes';
import { draftChanges, tagPlacement, type ReadCommit, type ReviewedDraft } from '../domain/reviewedDraft';
import { plural } from '../domain/words';
import { shortSha } from '../domain/tags';
import type { GitHubClient } from '../github/client';
import { describeError } from '../github/errors';
import { findTag, getBranchHead, getRelease } from '../github/releases';
import { executeCommand } from '../executeCommand';
import type { Services } from '../services';

/**
 * What a person is asked before a draft is published, and the reads around it: the warnings, the
 * confirmation's text, where the git tag goes, and that the draft on GitHub is still the one reviewed.
 */

/** What the publish confirmation shows. */
export interface PublishConfirmation {
  readonly app: AppDeck;
  readonly draft: DraftRelease;
  /** Where the git tag goes, in words (placeTag). */
  readonly tagPlacement: string;
  /** The app's commits the release ships. */
  readonly commits: NotesListing;
  /** A publish or repository dispatch of the last minute that dispatch-and-wait may take for this one's. */
  readonly race: string | undefined;
  /** What publishing sets off, one line each. */
  readonly next: readonly string[];
  /** The env-variable lines (publishVariableLines). */
  readonly variableLines: readonly string[];
}

/** The confirmation's detail text, line by line. */
export function confirmationDetail({ app, draft, tagPlacement: placement, commits, race, next, variableLines }: PublishConfirmation): string {
  return [
    `App: ${app.app.label}`,
    `Git tag: ${placement}`,
    `Image tag: ${draft.imageTag}`,
    `Changes: ${plural(draft.changeCount, 'change')}`,
    `Commits: ${commits.compareNote}`,
    ...commits.commits.slice(0, 8).map((commit) => `  ${shortSha(commit.sha)} ${commit.title}`),
    ...(commits.commits.length > 8 ? [`  … and ${String(commits.commits.length - 8)} more${commits.compareUrl !== undefined ? `: ${commits.compareUrl}` : ''}`] : []),
    ...(race !== undefined ? ['', `⚠ ${race}`] : []),
    '',
    'What happens next:',
    ...next.map((line) => `• ${line}`),
    ...variableLines,
  ].join('\n');
}

/** Asks before publishing a draft that is not the app's newest, or lists no changes; true when there is nothing to ask or it is accepted. */
export async function acceptPublishWarnings(services: Services, app: AppDeck, draft: DraftRelease): Promise<boolean> {
  const warnings: string[] = [];
  if (app.draft !== undefined && app.draft.id !== draft.id) {
    warnings.push(`${draft.gitTag} is not ${app.app.label}'s newest draft (${app.draft.gitTag} is).`);
  }
  if (draft.changeCount === 0) {
    warnings.push(`${draft.gitTag} lists no changes: publishing it releases nothing new.`);
  }
  if (warnings.length === 0) {
    return true;
  }
  return services.confirmer.ask({
    message: `Publish ${draft.gitTag} anyway?`,
    detail: warnings.join('\n'),
    confirmLabel: 'Continue',
  });
}

/** A version of the draft someone reviewed, and where they saw it. */
export interface Reviewed {
  readonly draft: ReviewedDraft;
  readonly by: string;
}

/**
 * Reads the draft fresh from GitHub: it must still be what was reviewed (git tag, target, notes), else
 * nothing is sent, the person is told what changed, and the notes are shown again.
 */
export async function stillAsReviewed(services: Services, client: GitHubClient, monorepo: string, app: AppDeck, draft: DraftRelease, reviewed: readonly Reviewed[], when: string): Promise<boolean> {
  let now: ReleaseFact;
  try {
    now = await getRelease(client, monorepo, draft.id);
  } catch (error) {
    void vscode.window.showErrorMessage(`Nothing was published: ${draft.gitTag} could not be read again before publishing. ${describeError(error)}`);
    return false;
  }
  const changed = reviewed.map((one) => ({ by: one.by, changes: draftChanges(one.draft, now) })).find((one) => one.changes.length > 0);
  if (changed === undefined) {
    return true;
  }
  const message = `Nothing was published: ${draft.gitTag} changed on GitHub ${when} ${changed.by} (${changed.changes.join('; ')}). Review it again, then publish.`;
  services.log.warn(message);
  void vscode.window.showWarningMessage(message);
  await services.store.refresh('the draft changed before publishing');
  if (now.draft) {
    await executeCommand(COMMANDS.openReleaseNotes, { appId: app.app.id, section: services.section });
  }
  return false;
}

/**
 * Where the git tag goes, read from GitHub for the confirmation: the commit the target branch points to
 * now (sent instead of the branch), or the existing tag GitHub will publish on as it is.
 */
export async function placeTag(client: GitHubClient, monorepo: string, draft: DraftRelease): Promise<{ placement: string; send: string }> {
  const read = async (get: () => Promise<string | undefined>): Promise<ReadCommit | undefined> => {
    try {
      const sha = await get();
      return sha !== undefined ? { sha } : undefined;
    } catch (error) {
      return { problem: describeError(error) };
    }
  };
  const target = draft.targetCommitish;
  const [head, existing] = await Promise.all([
    /^[0-9a-f]{40}$/i.test(target) ? { sha: target } : read(() => getBranchHead(client, monorepo, target)),
    read(() => findTag(client, monorepo, draft.gitTag)),
  ]);
  return tagPlacement(draft.gitTag, target, head ?? { problem: `${target} was not found` }, existing);
}
