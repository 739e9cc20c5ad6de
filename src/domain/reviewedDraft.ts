import type { DraftRelease } from './snapshot';
import type { ReleaseFact } from './facts';

/**
 * What changed in a draft between the moment the deck showed it and now (read fresh from GitHub just
 * before the confirmation). Publishing must publish what the person reviewed: the git tag, the target
 * the tag is created on, and the notes.
 */
export function draftChanges(shown: Pick<DraftRelease, 'gitTag' | 'targetCommitish' | 'body'>, now: ReleaseFact): string[] {
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

/** Where the git tag will be created, said with what was actually read. */
export function tagPlacement(gitTag: string, target: string, head: { sha: string } | { problem: string }): string {
  if (/^[0-9a-f]{40}$/i.test(target)) {
    return `${gitTag}, created on commit ${target.slice(0, 12)}`;
  }
  if ('sha' in head) {
    return `${gitTag}, created on the head of ${target} when publishing (now ${head.sha.slice(0, 12)})`;
  }
  return `${gitTag}, created by GitHub on the head of ${target} at the moment of publishing (the head could not be read: ${head.problem})`;
}
