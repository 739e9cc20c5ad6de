import { strict as assert } from 'node:assert';
import type { AppCommits, CommitFact } from '../../../src/domain/facts';
import { readRunTitle } from '../../../src/domain/runTitle';
import { sha } from '../fixtures/openverseFacts';
import { germanL10n } from '../l10n/german';

function commit(label: string, message: string): CommitFact {
  return { sha: sha(label), message, author: 'obulat', date: '2026-11-20T10:00:00Z', htmlUrl: `https://github.com/WordPress/openverse/commit/${sha(label)}` };
}

const apiCommits: AppCommits = {
  known: true,
  commits: [
    commit('a3', 'Update dependencies (#4120)\n\nBumps things.'),
    commit('a2', 'Add "audio" waveform endpoint (#4101)'),
    commit('a1', 'Update dependencies (#4120)'),
    commit('a0', 'Fix thumbnail redirect loop (#4102)'),
  ],
};

describe('run titles', () => {
  it('maps a staging title (the commit message\'s first line) to the commit of the app that has it', () => {
    const reading = readRunTitle('Fix thumbnail redirect loop (#4102)', '{commitTitle}', apiCommits);
    assert.deepEqual(reading, { kind: 'tag', imageTag: sha('a0'), from: 'commitTitle' });
    assert.deepEqual(readRunTitle('Add "audio" waveform endpoint (#4101)', '{commitTitle}', apiCommits), { kind: 'tag', imageTag: sha('a2'), from: 'commitTitle' }, 'quotes as in the message');
  });

  it('says so, and names no tag, when two commits of the app share the title', () => {
    const reading = readRunTitle('Update dependencies (#4120)', '{commitTitle}', apiCommits);
    assert.equal(reading.kind, 'unknown');
    assert.match(reading.kind === 'unknown' ? reading.why ?? '' : '', /2 recent commits that changed the app have the first line "Update dependencies \(#4120\)" \(\w{7}, \w{7}\)/);
  });

  it('reads a tag the title names when no commit of the app has that line (a run dispatched by hand)', () => {
    assert.deepEqual(readRunTitle('Roll back search (rel-2026.11.02.14.05.33)', '{commitTitle}', apiCommits), { kind: 'tag', imageTag: 'rel-2026.11.02.14.05.33', from: 'title' });
    const none = readRunTitle('A commit of another app', '{commitTitle}', apiCommits);
    assert.equal(none.kind, 'unknown');
    assert.match(none.kind === 'unknown' ? none.why ?? '' : '', /No recent commit that changed the app has the first line "A commit of another app"/);
  });

  it('says why when the commits of the app are not known', () => {
    const reading = readRunTitle('Fix thumbnail redirect loop (#4102)', '{commitTitle}', { known: false, why: 'GitHub answered 500' });
    assert.equal(reading.kind, 'unknown');
    assert.match(reading.kind === 'unknown' ? reading.why ?? '' : '', /not known \(GitHub answered 500\)/);
  });

  it('says in German why what a run deployed is not known (the deck\'s tooltip)', () => {
    const l10n = germanL10n();
    const unknown = readRunTitle('Fix thumbnail redirect loop (#4102)', '{commitTitle}', { known: false, why: 'GitHub antwortete 500' }, undefined, undefined, l10n);
    assert.deepEqual(unknown, { kind: 'unknown', why: 'Die Ausführung ist mit einer Commit-Nachricht betitelt, aber die Commits, die die App geändert haben, sind nicht bekannt (GitHub antwortete 500).' });
    const twice = readRunTitle('Update dependencies (#4120)', '{commitTitle}', apiCommits, undefined, undefined, l10n);
    assert.match(twice.kind === 'unknown' ? twice.why ?? '' : '', /^2 neuere Commits, die die App geändert haben, haben die erste Zeile „Update dependencies \(#4120\)“ \(\w{7}, \w{7}\); daher lässt sich am Titel der Ausführung nicht erkennen, welcher bereitgestellt wurde\.$/);
    const none = readRunTitle('A commit of another app', '{commitTitle}', apiCommits, undefined, undefined, l10n);
    assert.deepEqual(none, { kind: 'unknown', why: 'Kein neuerer Commit, der die App geändert hat, hat die erste Zeile „A commit of another app“, und der Titel nennt kein Image-Tag.' });
  });

  it('reads {imageTag} where the template puts it, and anywhere without a template', () => {
    const title = 'Hotfix after rel-2026.11.01.09.00.00 broke search: rel-2026.11.02.14.05.33 by zack';
    assert.deepEqual(readRunTitle(title, '*: {imageTag} by *'), { kind: 'tag', imageTag: 'rel-2026.11.02.14.05.33', from: 'title' });
    assert.equal(readRunTitle(title, undefined).kind, 'unknown', 'two tags, no place: never the first one');
    assert.deepEqual(readRunTitle('Deploy rel-2026.11.02.14.05.33 to production-api', undefined), { kind: 'tag', imageTag: 'rel-2026.11.02.14.05.33', from: 'title' });
  });
});

describe('run titles and time', () => {
  it('never maps a run to a commit made after the run was created', () => {
    const later: CommitFact = { ...commit('a9', 'Fix thumbnail redirect loop (#4102)'), date: '2026-11-25T10:00:00Z' };
    const commits: AppCommits = { known: true, commits: [later, ...(apiCommits.known ? apiCommits.commits : [])] };
    assert.deepEqual(readRunTitle('Fix thumbnail redirect loop (#4102)', '{commitTitle}', commits, '2026-11-21T10:00:00Z'), { kind: 'tag', imageTag: sha('a0'), from: 'commitTitle' });
    assert.equal(readRunTitle('Fix thumbnail redirect loop (#4102)', '{commitTitle}', commits, '2026-11-26T10:00:00Z').kind, 'unknown');
  });
});
