import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { AppDeck, DraftRelease } from '../domain/snapshot';
import type { ReleaseFact } from '../domain/facts';
import type { NotesListing } from '../domain/releaseNotes';
import { english, type L10n } from '../domain/l10n';
import { draftChanges, tagPlacement, type ReadCommit, type ReviewedDraft } from '../domain/reviewedDraft';
import { shortSha } from '../domain/tags';
import type { GitHubClient } from '../github/client';
import { describeError } from '../github/errors';
import { findTag, getBranchHead, getRelease } from '../github/releases';
import { executeCommand } from '../executeCommand';
import type { Services } from '../services';
import { errorWords } from '../language';

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
    vscode.l10n.t('App: {0}', app.app.label),
    vscode.l10n.t('Git tag: {0}', placement),
    vscode.l10n.t('Image tag: {0}', draft.imageTag),
    draft.changeCount === 1 ? vscode.l10n.t('Changes: 1 change') : vscode.l10n.t('Changes: {0} changes', draft.changeCount),
    vscode.l10n.t('Commits: {0}', commits.compareNote),
    ...commits.commits.slice(0, 8).map((commit) => `  ${shortSha(commit.sha)} ${commit.title}`),
    ...(commits.commits.length > 8 ? [commits.compareUrl !== undefined ? vscode.l10n.t('  … and {0} more: {1}', commits.commits.length - 8, commits.compareUrl) : vscode.l10n.t('  … and {0} more', commits.commits.length - 8)] : []),
    ...(race !== undefined ? ['', `⚠ ${race}`] : []),
    '',
    vscode.l10n.t('What happens next:'),
    ...next.map((line) => `• ${line}`),
    ...variableLines,
  ].join('\n');
}

/** Asks before publishing a draft that is not the app's newest, or lists no changes; true when there is nothing to ask or it is accepted. */
export async function acceptPublishWarnings(services: Services, app: AppDeck, draft: DraftRelease): Promise<boolean> {
  const warnings: string[] = [];
  if (app.draft !== undefined && app.draft.id !== draft.id) {
    warnings.push(vscode.l10n.t("{0} is not {1}'s newest draft ({2} is).", draft.gitTag, app.app.label, app.draft.gitTag));
  }
  if (draft.changeCount === 0) {
    warnings.push(vscode.l10n.t('{0} lists no changes: publishing it releases nothing new.', draft.gitTag));
  }
  if (warnings.length === 0) {
    return true;
  }
  return services.confirmer.ask({
    message: vscode.l10n.t('Publish {0} anyway?', draft.gitTag),
    detail: warnings.join('\n'),
    confirmLabel: vscode.l10n.t('Continue'),
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
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was published: {0} could not be read again before publishing. {1}', draft.gitTag, errorWords(error)));
    return false;
  }
  const changed = reviewed.map((one) => ({ by: one.by, draft: one.draft, changes: draftChanges(one.draft, now) })).find((one) => one.changes.length > 0);
  if (changed === undefined) {
    return true;
  }
  services.log.warn(`Nothing was published: ${draft.gitTag} changed on GitHub (${changed.changes.join('; ')}).`);
  const said = draftChanges(changed.draft, now, vscode.l10n);
  void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was published: {0} changed on GitHub {1} {2} ({3}). Review it again, then publish.', draft.gitTag, when, changed.by, said.join('; ')));
  await services.store.refresh('the draft changed before publishing');
  if (now.draft) {
    await executeCommand(COMMANDS.openReleaseNotes, { appId: app.app.id, section: services.section });
  }
  return false;
}

/**
 * Where the git tag goes, read from GitHub for the confirmation: the commit the target branch points to
 * now (sent instead of the branch), or the existing tag GitHub will publish on as it is. `placement` is
 * English, for the log; `said` is in the person's language, for the confirmation.
 */
export async function placeTag(client: GitHubClient, monorepo: string, draft: DraftRelease): Promise<{ placement: string; said: string; send: string }> {
  type Read = { readonly sha: string } | { readonly error: unknown } | undefined;
  const read = async (get: () => Promise<string | undefined>): Promise<Read> => {
    try {
      const sha = await get();
      return sha !== undefined ? { sha } : undefined;
    } catch (error) {
      return { error };
    }
  };
  const target = draft.targetCommitish;
  const [head, existing] = await Promise.all([
    /^[0-9a-f]{40}$/i.test(target) ? { sha: target } : read(() => getBranchHead(client, monorepo, target)),
    read(() => findTag(client, monorepo, draft.gitTag)),
  ]);
  const inWords = (one: Read, problem: (error: unknown) => string): ReadCommit | undefined => (one === undefined || 'sha' in one ? one : { problem: problem(one.error) });
  const place = (l10n: L10n, problem: (error: unknown) => string): { placement: string; send: string } =>
    tagPlacement(draft.gitTag, target, inWords(head, problem) ?? { problem: l10n.t('{0} was not found', target) }, inWords(existing, problem), l10n);
  const log = place(english, (error) => describeError(error));
  return { placement: log.placement, said: place(vscode.l10n, errorWords).placement, send: log.send };
}
