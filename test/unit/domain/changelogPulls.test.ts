import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { changelogBranchFor, changelogPullsOf, matchChangelogBranch } from '../../../src/domain/changelogPulls';
import type { PullRequestFact } from '../../../src/domain/facts';
import { openverseProfile } from '../../../src/domain/openverse';
import { openverseFacts } from '../fixtures/openverseFacts';

const API = { id: 'api', gitTagPrefix: 'api-' };
const INGESTION = { id: 'ingestion_server', gitTagPrefix: 'ingestion_server-' };
const WEB = { id: 'web', gitTagPrefix: 'web@', releaseTags: { git: '{app}@{version}', image: '{version}' } };
const SUFFIXED = { id: 'api', gitTagPrefix: '', releaseTags: { git: '{version}-{app}', image: 'sha-{sha7}' } };

function pull(number: number, headRef: string, state = 'open'): PullRequestFact {
  return { number, title: `Publish changelog for ${headRef}`, htmlUrl: `https://github.com/WordPress/openverse/pull/${number}`, state, headRef };
}

describe('changelog pull requests', () => {
  it('names the branch of a release with every placeholder, each wherever it appears', () => {
    assert.equal(changelogBranchFor('changelog/{gitTag}', API, 'api-2026.11.25.18.00.00', '2026.11.25.18.00.00'), 'changelog/api-2026.11.25.18.00.00');
    assert.equal(changelogBranchFor('notes/{app}/{date}/{app}', API, 'api-2026.11.25.18.00.00', '2026.11.25.18.00.00'), 'notes/api/2026.11.25.18.00.00/api');
  });

  it('recognises the app\'s changelog branches per the template, and only the app\'s', () => {
    assert.deepEqual(matchChangelogBranch('changelog/{gitTag}', API, 'changelog/api-2026.11.25.18.00.00'), { gitTag: 'api-2026.11.25.18.00.00' });
    assert.deepEqual(matchChangelogBranch('changelog/{app}-{date}', INGESTION, 'changelog/ingestion_server-2026.11.25.18.00.00'), { gitTag: 'ingestion_server-2026.11.25.18.00.00' });
    assert.deepEqual(matchChangelogBranch('docs/{app}/{date}', API, 'docs/api/2026.01.02.03.04.05'), { gitTag: 'api-2026.01.02.03.04.05' });
    assert.equal(matchChangelogBranch('changelog/{gitTag}', API, 'changelog/frontend-2026.11.25.18.00.00'), undefined);
    assert.equal(matchChangelogBranch('changelog/{gitTag}', API, 'changelog/api-2026.11.25.18.00.00-fix'), undefined);
    assert.equal(matchChangelogBranch('changelog/{gitTag}', API, 'changelog/api-2026.13.25.18.00.00'), undefined, 'month 13 is no release date');
    assert.equal(matchChangelogBranch('changelog/{gitTag}', API, 'feature/api-thing'), undefined);
    // The template's own dots and brackets are literal text, not patterns.
    assert.equal(matchChangelogBranch('log.{gitTag}', API, 'logXapi-2026.11.25.18.00.00'), undefined);
    assert.equal(matchChangelogBranch('{gitTag}/{date}', API, 'api-2026.11.25.18.00.00/2026.11.25.18.00.01'), undefined, 'two dates of different releases');
    assert.deepEqual(matchChangelogBranch('changelog/{app}', API, 'changelog/api'), {}, 'a template without a date names no git tag');
  });

  it('recognises a semantic-version app\'s changelog branches by its own tag scheme, never a date', () => {
    assert.deepEqual(matchChangelogBranch('changelog/{gitTag}', WEB, 'changelog/web@1.4.2'), { gitTag: 'web@1.4.2' });
    assert.deepEqual(matchChangelogBranch('changelog/{gitTag}', WEB, 'changelog/web@1.5.0-rc.1'), { gitTag: 'web@1.5.0-rc.1' });
    assert.deepEqual(matchChangelogBranch('notes/{app}/{date}', WEB, 'notes/web/2.0.0'), { gitTag: 'web@2.0.0' }, '{date} is the release\'s version under a semantic-version scheme');
    assert.deepEqual(matchChangelogBranch('changelog/{gitTag}', SUFFIXED, 'changelog/2.3.0-api'), { gitTag: '2.3.0-api' }, 'a template whose app comes after the version');
    assert.equal(matchChangelogBranch('changelog/{gitTag}', WEB, 'changelog/web@2026.11.25.18.00.00'), undefined, 'a date is no version');
    assert.equal(matchChangelogBranch('changelog/{gitTag}', WEB, 'changelog/web@01.4.2'), undefined, 'leading zeros are no semantic version');
    assert.equal(matchChangelogBranch('changelog/{gitTag}', WEB, 'changelog/api/v1.4.2'), undefined, 'another app\'s tag');
    assert.equal(matchChangelogBranch('{gitTag}/{date}', WEB, 'web@1.4.2/1.4.3'), undefined, 'two versions of different releases');
    assert.deepEqual(changelogPullsOf('changelog/{gitTag}', WEB, [pull(3, 'changelog/web@1.4.2'), pull(4, 'changelog/web-2026.11.25.18.00.00')]).map((found) => found.gitTag), ['web@1.4.2']);
  });

  it('lists the open ones, newest first', () => {
    const pulls = [pull(7, 'changelog/api-2026.11.01.00.00.00'), pull(9, 'changelog/api-2026.11.20.00.00.00'), pull(8, 'changelog/api-2026.11.10.00.00.00', 'closed'), pull(10, 'main-fix')];
    assert.deepEqual(changelogPullsOf('changelog/{gitTag}', API, pulls).map((found) => found.number), [9, 7]);
  });

  it('shows each app its own, and none when the listing had none', () => {
    const facts = { ...openverseFacts(), openPulls: [pull(4101, 'changelog/api-2026.11.02.14.05.33'), pull(4102, 'changelog/frontend-2026.11.05.16.20.00'), pull(4103, 'add-search-filter')] };
    const deck = buildDeck(openverseProfile(), facts);
    const of = (id: string) => deck.apps.find((app) => app.app.id === id)?.changelogPulls.map((found) => `#${found.number} ${found.gitTag ?? ''}`);
    assert.deepEqual(of('api'), ['#4101 api-2026.11.02.14.05.33']);
    assert.deepEqual(of('frontend'), ['#4102 frontend-2026.11.05.16.20.00']);
    assert.deepEqual(of('catalog'), []);
    assert.deepEqual(buildDeck(openverseProfile(), openverseFacts()).apps.find((app) => app.app.id === 'api')?.changelogPulls, []);
  });
});
