import type { DraftRelease } from './snapshot';
import type { ReleaseFact } from './facts';
import { english, type L10n } from './l10n';

/** What a person reviewed of a draft: the git tag, the target it is created on, and the notes. */
export type ReviewedDraft = Pick<DraftRelease, 'gitTag' | 'targetCommitish' | 'body'>;

/**
 * What changed in a draft between the moment the deck showed it and now (read fresh from GitHub just
 * before the confirmation). Publishing must publish what the person reviewed: the git tag, the target
 * the tag is created on, and the notes.
 */
export function draftChanges(shown: ReviewedDraft, now: ReleaseFact, l10n: L10n = english): string[] {
  const changes: string[] = [];
  if (!now.draft) {
    changes.push(now.publishedAt !== null ? l10n.t('it is no longer a draft (published {0})', now.publishedAt) : l10n.t('it is no longer a draft (published meanwhile)'));
  }
  if (now.tagName !== shown.gitTag) {
    changes.push(l10n.t('its git tag is now {0} (was {1})', now.tagName, shown.gitTag));
  }
  if (now.targetCommitish !== shown.targetCommitish) {
    changes.push(l10n.t('its target is now {0} (was {1})', now.targetCommitish, shown.targetCommitish));
  }
  if (now.body.replace(/\r\n/g, '\n') !== shown.body.replace(/\r\n/g, '\n')) {
    changes.push(l10n.t('its notes were edited'));
  }
  return changes;
}

/** A commit read from GitHub, or why it could not be read. */
export type ReadCommit = { readonly sha: string } | { readonly problem: string };

/**
 * Where the git tag will be created, said with what was actually read, and the target to send. GitHub
 * creates the tag from `target_commitish` ("any branch or commit SHA", unused if the git tag already
 * exists: REST "Update a release"); a branch's head may move while the confirmation is open, so the
 * head that was read and shown is sent instead of the branch.
 */
export function tagPlacement(gitTag: string, target: string, head: ReadCommit, existing?: ReadCommit, l10n: L10n = english): { readonly placement: string; readonly send: string } {
  if (existing !== undefined && 'sha' in existing) {
    return { placement: l10n.t('{0}, which already exists on commit {1}: GitHub publishes on that tag as it is, and {2} is not used', gitTag, existing.sha.slice(0, 12), target), send: target };
  }
  const unsure = existing !== undefined ? existing.problem : undefined;
  if (/^[0-9a-f]{40}$/i.test(target)) {
    const placement = unsure === undefined
      ? l10n.t('{0}, created on commit {1}', gitTag, target.slice(0, 12))
      : l10n.t('{0}, created on commit {1}; whether {0} already exists could not be read ({2}): if it does, GitHub publishes on it as it is', gitTag, target.slice(0, 12), unsure);
    return { placement, send: target };
  }
  if ('sha' in head) {
    const placement = unsure === undefined
      ? l10n.t('{0}, created on commit {1}, the head of {2} now (a merge to {2} meanwhile does not move it)', gitTag, head.sha.slice(0, 12), target)
      : l10n.t('{0}, created on commit {1}, the head of {2} now (a merge to {2} meanwhile does not move it); whether {0} already exists could not be read ({3}): if it does, GitHub publishes on it as it is', gitTag, head.sha.slice(0, 12), target, unsure);
    return { placement, send: head.sha };
  }
  const placement = unsure === undefined
    ? l10n.t('{0}, created by GitHub on the head of {1} at the moment of publishing (the head could not be read: {2})', gitTag, target, head.problem)
    : l10n.t('{0}, created by GitHub on the head of {1} at the moment of publishing (the head could not be read: {2}); whether {0} already exists could not be read ({3}): if it does, GitHub publishes on it as it is', gitTag, target, head.problem, unsure);
  return { placement, send: target };
}
