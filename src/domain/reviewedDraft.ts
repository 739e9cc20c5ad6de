import type { DraftRelease } from './snapshot';
import type { ReleaseFact } from './facts';

/** What a person reviewed of a draft: the git tag, the target it is created on, and the notes. */
export type ReviewedDraft = Pick<DraftRelease, 'gitTag' | 'targetCommitish' | 'body'>;

/**
 * What changed in a draft between the moment the deck showed it and now (read fresh from GitHub just
 * before the confirmation). Publishing must publish what the person reviewed: the git tag, the target
 * the tag is created on, and the notes.
 */
export function draftChanges(shown: ReviewedDraft, now: ReleaseFact): string[] {
  const changes: string[] = [];
  if (!now.draft) {
    changes.push(`it is no longer a draft (published ${now.publishedAt ?? 'meanwhile'})`);
  }
  if (now.tagName !== shown.gitTag) {
    changes.push(`its git tag is now ${now.tagName} (was ${shown.gitTag})`);
  }
  if (now.targetCommitish !== shown.targetCommitish) {
    changes.push(`its target is now ${now.targetCommitish} (was ${shown.targetCommitish})`);
  }
  if (now.body.replace(/\r\n/g, '\n') !== shown.body.replace(/\r\n/g, '\n')) {
    changes.push('its notes were edited');
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
export function tagPlacement(gitTag: string, target: string, head: ReadCommit, existing?: ReadCommit): { readonly placement: string; readonly send: string } {
  if (existing !== undefined && 'sha' in existing) {
    return { placement: `${gitTag}, which already exists on commit ${existing.sha.slice(0, 12)}: GitHub publishes on that tag as it is, and ${target} is not used`, send: target };
  }
  const unsure = existing !== undefined ? `; whether ${gitTag} already exists could not be read (${existing.problem}): if it does, GitHub publishes on it as it is` : '';
  if (/^[0-9a-f]{40}$/i.test(target)) {
    return { placement: `${gitTag}, created on commit ${target.slice(0, 12)}${unsure}`, send: target };
  }
  if ('sha' in head) {
    return { placement: `${gitTag}, created on commit ${head.sha.slice(0, 12)}, the head of ${target} now (a merge to ${target} meanwhile does not move it)${unsure}`, send: head.sha };
  }
  return { placement: `${gitTag}, created by GitHub on the head of ${target} at the moment of publishing (the head could not be read: ${head.problem})${unsure}`, send: target };
}
