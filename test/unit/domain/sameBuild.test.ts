import { strict as assert } from 'node:assert';
import type { FolderHistoryFact } from '../../../src/domain/facts';
import { appHistory, buildAt, compareBuilds, historyKey, type BuildFacts } from '../../../src/domain/sameBuild';
import { sha } from '../fixtures/openverseFacts';
import { GERMAN } from '../l10n/german';

/** main, newest first: m10 … m1. The frontend changed at m2, m5 and m7; the others changed other apps. */
const main = Array.from({ length: 10 }, (_, index) => `m${10 - index}`);
const dateOf = (label: string): string => new Date(Date.UTC(2026, 10, Number(label.slice(1)))).toISOString();
const frontendCommits = ['m7', 'm5', 'm2'];
const frontend = { label: 'Frontend', sourceFolders: ['frontend/'] };

function listing(at: string, changes: readonly string[], complete = true): FolderHistoryFact {
  const position = main.indexOf(at);
  return { commits: changes.filter((label) => main.indexOf(label) >= position).map((label) => ({ sha: sha(label), date: dateOf(label) })), complete };
}

function facts(histories: Record<string, FolderHistoryFact>): BuildFacts {
  return { histories, commitIndex: new Map(main.map((label, index) => [sha(label), index])) };
}

describe('same build (a running commit is a release\'s build)', () => {
  it('the same commit is the same build, without any history', () => {
    assert.deepEqual(compareBuilds(frontend, sha('m9'), sha('m9'), facts({})), { kind: 'same' });
  });

  it('a commit is the build of a release whose tag names a later commit that changes only other apps', () => {
    const known = facts({ [historyKey(sha('m9'), 'frontend')]: listing('m9', frontendCommits) });
    assert.equal(buildAt(frontend, sha('m9'), known), sha('m7'));
    assert.deepEqual(compareBuilds(frontend, sha('m7'), sha('m9'), known), { kind: 'same' });
  });

  it('one listing at the newest commit answers for the older commits of main (one request per folder)', () => {
    const known = facts({ [historyKey(sha('m10'), 'frontend/')]: listing('m10', frontendCommits) });
    assert.deepEqual(appHistory(frontend, sha('m6'), known)?.shas, [sha('m5'), sha('m2')]);
    assert.deepEqual(compareBuilds(frontend, sha('m5'), sha('m6'), known), { kind: 'same' });
  });

  it('counts a change of a build path outside the source folders (CI\'s path filter, buildPaths) as a new build', () => {
    // packages/ changed at m8: CI rebuilt the frontend's image for it, so m7's build is not rel-…'s whose tag is on m9.
    const histories = { [historyKey(sha('m9'), 'frontend')]: listing('m9', frontendCommits), [historyKey(sha('m9'), 'packages')]: listing('m9', ['m8', 'm3']) };
    const rebuiltForPackages = { ...frontend, buildPaths: ['frontend/', 'packages/'] };
    assert.equal(buildAt(rebuiltForPackages, sha('m9'), facts(histories)), sha('m8'));
    assert.deepEqual(compareBuilds(rebuiltForPackages, sha('m7'), sha('m9'), facts(histories)), { kind: 'behind', by: 1 });
    assert.deepEqual(compareBuilds(frontend, sha('m7'), sha('m9'), facts(histories)), { kind: 'same' }, 'by default only the source folders rebuild it');
  });

  it('counts only the app\'s commits between two builds, behind or ahead', () => {
    const known = facts({ [historyKey(sha('m10'), 'frontend')]: listing('m10', frontendCommits) });
    assert.deepEqual(compareBuilds(frontend, sha('m2'), sha('m9'), known), { kind: 'behind', by: 2 });
    assert.deepEqual(compareBuilds(frontend, sha('m8'), sha('m3'), known), { kind: 'ahead', by: 2 });
  });

  it('merges several source folders by date', () => {
    const app = { label: 'API', sourceFolders: ['api/', 'packages/'] };
    const known = facts({
      [historyKey(sha('m10'), 'api')]: listing('m10', ['m6', 'm3']),
      [historyKey(sha('m10'), 'packages')]: listing('m10', ['m8', 'm3', 'm1']),
    });
    assert.deepEqual(appHistory(app, sha('m10'), known)?.shas, [sha('m8'), sha('m6'), sha('m3'), sha('m1')]);
    assert.deepEqual(compareBuilds(app, sha('m6'), sha('m9'), known), { kind: 'behind', by: 1 });
  });

  it('says it cannot tell, rather than guess, when a history was not read or is cut before the other build', () => {
    const unread = compareBuilds(frontend, sha('m7'), sha('m9'), facts({}));
    assert.equal(unread.kind, 'unknown');
    assert.match(unread.kind === 'unknown' ? unread.why : '', /commits of frontend\/ before .* were not read/);
    const cut = facts({ [historyKey(sha('m10'), 'frontend')]: listing('m10', ['m7'], false), [historyKey('f'.repeat(40), 'frontend')]: listing('m10', ['m5'], false) });
    const far = compareBuilds(frontend, 'f'.repeat(40), sha('m9'), cut);
    assert.equal(far.kind, 'unknown');
    const noFolders = compareBuilds({ label: 'Docs', sourceFolders: [] }, sha('m7'), sha('m9'), facts({}));
    assert.match(noFolders.kind === 'unknown' ? noFolders.why : '', /names no source folders for Docs/);
  });

  it('says why it cannot tell in German', () => {
    const unread = compareBuilds(frontend, sha('m7'), sha('m9'), facts({}), GERMAN.l10n);
    assert.equal(unread.kind === 'unknown' ? unread.why : '', `die Commits von frontend/ vor ${sha('m7').slice(0, 7)} wurden nicht gelesen`);
    const noFolders = compareBuilds({ label: 'Docs', sourceFolders: [] }, sha('m7'), sha('m9'), facts({}), GERMAN.l10n);
    assert.equal(noFolders.kind === 'unknown' ? noFolders.why : '', 'das Profil nennt keine Quellordner für Docs, daher ist nur derselbe Commit sicher derselbe Build');
  });
});
