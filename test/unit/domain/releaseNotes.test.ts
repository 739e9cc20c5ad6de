import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { AppDeck } from '../../../src/domain/snapshot';
import type { CommitFact, DeckFacts, ReleaseFact } from '../../../src/domain/facts';
import { openverseProfile } from '../../../src/domain/openverse';
import { chooseRelease, compareRange, listAppCommits, MAX_NOTES_COMMITS, noReleaseToShow, notesView, unlistedCommits, unknownBase, type ChosenRelease } from '../../../src/domain/releaseNotes';
import { mainCommits, openverseFacts, sha } from '../fixtures/openverseFacts';

function appOf(appId: string, facts: DeckFacts = openverseFacts()): AppDeck {
  const app = buildDeck(openverseProfile(), facts).apps.find((candidate) => candidate.app.id === appId);
  assert.ok(app, `${appId} is on the deck`);
  return app;
}

function chosen(app: AppDeck, releaseId?: number): ChosenRelease {
  const choice = chooseRelease(app, releaseId);
  assert.ok(choice, 'a release is chosen');
  return choice;
}

function commit(label: string): CommitFact {
  return { sha: sha(label), message: `Title of ${label}\n\nBody of ${label}.`, author: 'obulat', date: '2026-11-01T00:00:00Z', htmlUrl: `https://github.com/WordPress/openverse/commit/${sha(label)}` };
}

describe('release notes', () => {
  describe('which release a panel shows', () => {
    it('shows the app\'s draft by default', () => {
      const api = appOf('api');
      assert.equal(chosen(api).draft?.gitTag, 'api-2026.11.20.10.00.00');
    });

    it('shows the published release asked for', () => {
      const api = appOf('api');
      const asked = api.releases[1];
      assert.ok(asked);
      assert.equal(chosen(api, asked.id).published?.gitTag, 'api-2026.10.28.08.00.00');
    });

    it('shows the newest published release of an app without a draft', () => {
      const facts = openverseFacts();
      const api = appOf('api', { ...facts, releases: facts.releases.filter((release) => !release.draft) });
      assert.equal(chosen(api).published?.gitTag, 'api-2026.11.02.14.05.33');
    });

    it('shows nothing, and says so, for a release the app does not have', () => {
      const api = appOf('api');
      assert.equal(chooseRelease(api, 1), undefined);
      assert.equal(noReleaseToShow(api, 1), 'API has no GitHub Release 1 to show.');
      assert.equal(noReleaseToShow(api, undefined), 'API has no drafted or published GitHub Release to show.');
    });
  });

  describe('which commits the notes compare', () => {
    it('compares a draft from what production runs to the draft\'s target', () => {
      const api = appOf('api');
      assert.deepEqual(compareRange(api, chosen(api), 'main'), { base: sha('c14'), head: 'main', baseLabel: 'what API production runs (rel-2026.11.02.14.05.33)' });
    });

    it('compares a draft from the newest release when what production runs is not known', () => {
      const facts = openverseFacts();
      const versions = Object.fromEntries(Object.entries(facts.versions).filter(([key]) => key !== 'api/production'));
      const api = appOf('api', { ...facts, versions, deploymentRuns: facts.deploymentRuns.filter((run) => !run.workflowPath.endsWith('deploy-production-api.yml')) });
      assert.deepEqual(compareRange(api, chosen(api), 'main'), { base: sha('c14'), head: 'main', baseLabel: 'api-2026.11.02.14.05.33' });
    });

    it('compares a published release from the release before it', () => {
      const api = appOf('api');
      const asked = api.releases[0];
      assert.ok(asked);
      assert.deepEqual(compareRange(api, chosen(api, asked.id), 'main'), { base: sha('c12'), head: sha('c14'), baseLabel: 'api-2026.10.28.08.00.00' });
    });

    it('compares nothing for the oldest release, whose start is not known', () => {
      const api = appOf('api');
      const oldest = api.releases.at(-1);
      assert.ok(oldest);
      assert.equal(compareRange(api, chosen(api, oldest.id), 'main'), undefined);
      assert.match(unknownBase().compareNote, /^The commit this release starts from is not known/);
    });
  });

  describe('the commits listed and the sentence about them', () => {
    const api = openverseProfile().apps.find((app) => app.id === 'api');
    assert.ok(api);
    const comparison = { aheadBy: 3, commits: [commit('a'), commit('b'), commit('c')] };

    it('lists only the app\'s own commits, newest titles first line only, and counts the others', () => {
      const listing = listAppCommits(comparison, api, { shas: new Set([sha('a'), sha('c')]) }, 'api-1');
      assert.deepEqual(listing.commits.map((listed) => listed.title), ['Title of a', 'Title of c']);
      assert.deepEqual(listing.commits[0], { sha: sha('a'), title: 'Title of a', author: 'obulat', url: `https://github.com/WordPress/openverse/commit/${sha('a')}` });
      assert.equal(listing.compareNote, '2 of the 3 commits of the monorepo since api-1 change api/; the other 1 commit only touch other parts of the monorepo.');
    });

    it('says "None" and "changes" as the counts ask', () => {
      assert.equal(listAppCommits(comparison, api, { shas: new Set() }, 'api-1').compareNote, 'None of the 3 commits of the monorepo since api-1 change api/; the other 3 commits only touch other parts of the monorepo.');
      assert.equal(listAppCommits({ aheadBy: 1, commits: [commit('a')] }, api, { shas: new Set([sha('a')]) }, 'api-1').compareNote, '1 of the 1 commit of the monorepo since api-1 changes api/.');
    });

    it('lists every app\'s commits, saying why, when the profile names no source folders', () => {
      const listing = listAppCommits(comparison, { ...api, sourceFolders: [] }, { shas: new Set() }, 'api-1');
      assert.equal(listing.commits.length, 3);
      assert.equal(listing.compareNote, '3 commits of the monorepo since api-1, every app\'s: the profile names no source folders for API.');
    });

    it('lists every app\'s commits, saying what failed, when GitHub could not tell which are the app\'s', () => {
      const listing = listAppCommits(comparison, api, { error: 'GitHub answered 404' }, 'api-1');
      assert.equal(listing.commits.length, 3);
      assert.equal(listing.compareNote, '3 commits of the monorepo since api-1, every app\'s: which of them change api/ could not be found out (GitHub answered 404).');
    });

    it(`lists the newest ${MAX_NOTES_COMMITS} and says so when there are more`, () => {
      const many = Array.from({ length: MAX_NOTES_COMMITS + 5 }, (_, index) => commit(`m${index}`));
      const listing = listAppCommits({ aheadBy: many.length, commits: many }, api, { shas: new Set(many.map((listed) => listed.sha)) }, 'api-1');
      assert.equal(listing.commits.length, MAX_NOTES_COMMITS);
      assert.equal(listing.commits[0]?.sha, sha('m0'));
      assert.match(listing.compareNote, / The newest 100 are listed\.$/);
    });

    it('says why the commits could not be listed', () => {
      assert.deepEqual(unlistedCommits({ base: sha('a'), head: 'main', baseLabel: 'api-1' }, 'GitHub is down.'), { commits: [], compareNote: 'The commits since api-1 could not be listed: GitHub is down.' });
    });
  });

  describe('what the panel shows', () => {
    const profile = openverseProfile();
    function gitHubRelease(tagName: string, draft: boolean): ReleaseFact & { bodyHtml: string } {
      return { id: 1, name: tagName, tagName, draft, prerelease: false, body: '', bodyHtml: '<h2>Bug Fixes</h2>', htmlUrl: `https://github.com/WordPress/openverse/releases/tag/${tagName}`, createdAt: '2026-11-20T10:00:00Z', publishedAt: draft ? null : '2026-11-02T14:05:33Z', targetCommitish: 'main' };
    }

    it('shows a draft with what publishing it sets off and where its git tag will be created', () => {
      const api = appOf('api');
      const choice = chosen(api);
      const view = notesView(profile, api, choice, gitHubRelease('api-2026.11.20.10.00.00', true), { commits: [], compareUrl: 'https://github.com/compare', compareNote: 'note' }, true);
      assert.equal(view.draft, true);
      assert.equal(view.releaseId, choice.draft?.id);
      assert.equal(view.imageTag, 'rel-2026.11.20.10.00.00');
      assert.equal(view.target, 'main');
      assert.equal(view.publishedAt, undefined);
      assert.equal(view.changeCount, 3);
      assert.equal(view.compareUrl, 'https://github.com/compare');
      assert.equal(view.publishing, true);
      assert.ok(view.effects.some((effect) => effect.includes('API production is deployed automatically: rel-2026.11.02.14.05.33 → rel-2026.11.20.10.00.00')), view.effects.join('\n'));
      assert.deepEqual(view.releases.slice(0, 2).map((release) => [release.gitTag, release.draft]), [['api-2026.11.20.10.00.00', true], ['api-2026.11.02.14.05.33', false]]);
    });

    it('shows a published release at its commit, with nothing left to set off', () => {
      const api = appOf('api');
      const view = notesView(profile, api, chosen(api, api.releases[0]?.id), gitHubRelease('api-2026.11.02.14.05.33', false), unknownBase(), false);
      assert.equal(view.draft, false);
      assert.equal(view.target, sha('c14'));
      assert.equal(view.publishedAt, '2026-11-02T14:05:33Z');
      assert.equal(view.changeCount, 0);
      assert.equal(view.compareUrl, undefined);
      assert.deepEqual(view.effects, []);
    });
  });

  it('takes commit titles from the first line of the message', () => {
    const listed = listAppCommits({ aheadBy: 1, commits: mainCommits.slice(0, 1) }, { ...openverseProfile().apps[0]!, sourceFolders: [] }, { shas: new Set() }, 'x').commits[0];
    assert.equal(listed?.title, 'Commit number 20 (#4020)');
  });
});
