import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { newsBetween, newsDigest, readNewsDigest, snapshotNews, type NewsEvent } from '../../../src/domain/deckNews';
import type { DeckFacts, ReleaseFact, WorkflowRunFact } from '../../../src/domain/facts';
import { openverseProfile } from '../../../src/domain/openverse';
import type { DeckSnapshot } from '../../../src/domain/snapshot';
import { openverseFacts, run, sha } from '../fixtures/openverseFacts';

const INFRA = 'WordPress/openverse-infrastructure';

function deckOf(facts: DeckFacts): DeckSnapshot {
  return buildDeck(openverseProfile(), facts);
}

/**
 * Facts of a later refresh: the same world, changed by `change`. The fixture numbers its runs anew on
 * each call, so every refresh of one test starts from the same `base`.
 */
function later(base: DeckFacts, change: (facts: DeckFacts) => DeckFacts): DeckFacts {
  return change({ ...base, fetchedAt: '2026-11-26T09:05:00Z' });
}

function colleagueRun(fields: Partial<WorkflowRunFact> & Pick<WorkflowRunFact, 'id' | 'status'>): WorkflowRunFact {
  return {
    repo: INFRA,
    workflowPath: '.github/workflows/deploy-production-api.yml',
    displayTitle: 'Deploy rel-2026.11.02.14.05.33 to production-api',
    event: 'workflow_dispatch',
    conclusion: null,
    createdAt: '2026-11-26T09:01:00Z',
    updatedAt: '2026-11-26T09:01:00Z',
    actor: 'krysal',
    htmlUrl: `https://github.com/${INFRA}/actions/runs/${fields.id}`,
    headBranch: 'main',
    headSha: sha('infra-head'),
    ...fields,
  };
}

function kinds(events: readonly NewsEvent[]): string[] {
  return events.map((event) => `${event.kind} ${event.appId}${event.environmentId !== undefined ? `/${event.environmentId}` : ''}`);
}

describe('news from everyone (snapshot diff)', () => {
  it('announces nothing when nothing changed, however often the deck refreshes', () => {
    const facts = openverseFacts();
    assert.deepEqual(snapshotNews(deckOf(facts), deckOf(later(facts, (f) => f))), []);
  });

  it('says who started a deployment, to where and of what, with a link to the run', () => {
    const before = openverseFacts();
    const after = later(before, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9001, status: 'in_progress' })] }));
    const events = snapshotNews(deckOf(before), deckOf(after));
    assert.deepEqual(kinds(events), ['deploymentStarted api/production']);
    const [event] = events;
    assert.equal(event?.message, 'krysal started deploying rel-2026.11.02.14.05.33 to API production (workflow_dispatch).');
    assert.deepEqual(event?.link, { label: 'Open Run', url: `https://github.com/${INFRA}/actions/runs/9001` });
    assert.equal(event?.failure, false);
    assert.equal(event?.key, 'run:9001:started');
  });

  it('says how a deployment ended, by whom and how long it took, once it finishes', () => {
    const base = openverseFacts();
    const started = later(base, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9002, status: 'in_progress' })] }));
    const finished = later(base, (facts) => ({
      ...facts,
      deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9002, status: 'completed', conclusion: 'success', updatedAt: '2026-11-26T09:05:30Z' })],
    }));
    const events = snapshotNews(deckOf(started), deckOf(finished));
    assert.deepEqual(kinds(events), ['deploymentFinished api/production']);
    assert.equal(events[0]?.message, "krysal's deployment of rel-2026.11.02.14.05.33 to API production succeeded in 5 min.");
    assert.equal(events[0]?.key, 'run:9002:completed');
  });

  it('marks a failed deployment as a failure and says what still runs', () => {
    const base = openverseFacts();
    const started = later(base, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9003, status: 'queued', displayTitle: 'Deploy rel-2026.11.20.10.00.00 to production-api' })] }));
    const failed = later(base, (facts) => ({
      ...facts,
      deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9003, status: 'completed', conclusion: 'failure', displayTitle: 'Deploy rel-2026.11.20.10.00.00 to production-api', updatedAt: '2026-11-26T09:03:00Z' })],
    }));
    const [event, ...rest] = snapshotNews(deckOf(started), deckOf(failed));
    assert.deepEqual(rest, []);
    assert.equal(event?.failure, true);
    assert.equal(event?.message, "krysal's deployment of rel-2026.11.20.10.00.00 to API production failed after 2 min. rel-2026.11.02.14.05.33 still runs there.");
  });

  it('does not count a cancelled deployment as a failure, but says it was cancelled', () => {
    const base = openverseFacts();
    const started = later(base, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9004, status: 'in_progress' })] }));
    const cancelled = later(base, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9004, status: 'completed', conclusion: 'cancelled', updatedAt: '2026-11-26T09:01:40Z' })] }));
    const [event] = snapshotNews(deckOf(started), deckOf(cancelled));
    assert.equal(event?.failure, false);
    assert.match(event?.message ?? '', /was cancelled after 40 s\./);
  });

  it('says a deployment that started and ended between two refreshes once, as finished (CI included)', () => {
    const before = openverseFacts();
    const ci = colleagueRun({
      id: 9005,
      status: 'completed',
      conclusion: 'success',
      workflowPath: '.github/workflows/deploy-staging-api.yml',
      displayTitle: 'Commit number 20 (#4020)',
      event: 'repository_dispatch',
      actor: 'openverse-bot',
      updatedAt: '2026-11-26T09:04:00Z',
    });
    const events = snapshotNews(deckOf(before), deckOf(later(before, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, ci] }))));
    assert.deepEqual(kinds(events), ['deploymentFinished api/staging']);
    assert.match(events[0]?.message ?? '', /^openverse-bot's deployment of .+ to API staging succeeded in 3 min\.$/);
  });

  it('says a re-run of a failed deployment when it starts and when it ends, as news apart from its first attempt', () => {
    const base = openverseFacts();
    const failedRun = colleagueRun({ id: 9010, status: 'completed', conclusion: 'failure', updatedAt: '2026-11-26T09:03:00Z' });
    const failed = later(base, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, failedRun] }));
    const rerun = (fields: Partial<WorkflowRunFact>): DeckFacts => later(base, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, { ...failedRun, runAttempt: 2, runStartedAt: '2026-11-26T09:10:00Z', actor: 'obulat', ...fields }] }));
    const queued = rerun({ status: 'queued', conclusion: null, updatedAt: '2026-11-26T09:10:00Z' });
    const started = snapshotNews(deckOf(failed), deckOf(queued));
    assert.deepEqual(started.map((event) => [event.key, event.message]), [['run:9010:2:started', 'obulat started deploying rel-2026.11.02.14.05.33 to API production (workflow_dispatch).']]);
    const succeeded = rerun({ status: 'completed', conclusion: 'success', updatedAt: '2026-11-26T09:15:00Z' });
    const ended = snapshotNews(deckOf(queued), deckOf(succeeded));
    assert.deepEqual(ended.map((event) => [event.key, event.message]), [['run:9010:2:completed', "obulat's deployment of rel-2026.11.02.14.05.33 to API production succeeded in 5 min."]]);
    // Re-run and finished between two refreshes: once, as finished.
    assert.deepEqual(snapshotNews(deckOf(failed), deckOf(succeeded)).map((event) => event.key), ['run:9010:2:completed']);
    assert.deepEqual(snapshotNews(deckOf(succeeded), deckOf(succeeded)), [], 'nothing more while nothing changes');
  });

  it('says when a deployment starts waiting for review, once', () => {
    const before = openverseFacts();
    const waiting = later(before, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9006, status: 'waiting' })] }));
    const events = snapshotNews(deckOf(before), deckOf(waiting));
    assert.deepEqual(kinds(events), ['deploymentWaiting api/production']);
    assert.match(events[0]?.message ?? '', /krysal's deployment of rel-2026\.11\.02\.14\.05\.33 to API production is waiting for review/);
    assert.deepEqual(snapshotNews(deckOf(waiting), deckOf(waiting)), []);
  });

  it('says who published a release, read from the run its publishing started', () => {
    const before = openverseFacts();
    const published: ReleaseFact = {
      id: 7001,
      name: 'frontend-2026.11.26.08.00.00',
      tagName: 'frontend-2026.11.26.08.00.00',
      draft: false,
      prerelease: false,
      body: '',
      htmlUrl: 'https://github.com/WordPress/openverse/releases/tag/frontend-2026.11.26.08.00.00',
      createdAt: '2026-11-26T08:00:00Z',
      publishedAt: '2026-11-26T09:02:00Z',
      targetCommitish: 'main',
    };
    const releaseRun = { ...run('release-app.yml', 'frontend-2026.11.26.08.00.00', null, '2026-11-26T09:02:01Z', 'in_progress'), repo: 'WordPress/openverse', event: 'release', headBranch: 'frontend-2026.11.26.08.00.00', actor: 'obulat' };
    const after = later(before, (facts) => ({ ...facts, releases: [published, ...facts.releases], releaseRuns: [releaseRun] }));
    const events = snapshotNews(deckOf(before), deckOf(after));
    assert.deepEqual(kinds(events), ['releasePublished frontend']);
    assert.equal(events[0]?.message, 'obulat published frontend-2026.11.26.08.00.00 of Frontend (image tag rel-2026.11.26.08.00.00).');
    assert.deepEqual(events[0]?.link, { label: 'Open Release', url: published.htmlUrl });

    // Without its run listed, who published it is said to be unknown, not guessed.
    const unknown = later(before, (facts) => ({ ...facts, releases: [published, ...facts.releases] }));
    assert.match(snapshotNews(deckOf(before), deckOf(unknown))[0]?.message ?? '', /^Published frontend-2026\.11\.26\.08\.00\.00 of Frontend .*Who published it is not known/);
  });

  it('says a version that changed with no deployment run of it, without naming anyone', () => {
    const before = openverseFacts();
    const after = later(before, (facts) => ({ ...facts, versions: { ...facts.versions, 'frontend/production': { kind: 'answered', release: sha('c15'), environment: 'production' } } }));
    const events = snapshotNews(deckOf(before), deckOf(after));
    assert.deepEqual(kinds(events), ['versionChanged frontend/production']);
    assert.equal(events[0]?.message, 'Frontend production now runs rel-2026.11.05.16.20.00 (it ran rel-2026.10.10.11.00.00). No deployment run in the deck deployed it, so who changed it is not known.');
    assert.equal(events[0]?.link?.label, 'Open /version');
  });

  it('leaves a version change to the deployment that made it', () => {
    const base = openverseFacts();
    const started = later(base, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9007, status: 'in_progress', displayTitle: 'Deploy rel-2026.11.05.16.20.00 to production-frontend', workflowPath: '.github/workflows/deploy-production-frontend.yml' })] }));
    const deployed = later(base, (facts) => ({
      ...facts,
      deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9007, status: 'completed', conclusion: 'success', displayTitle: 'Deploy rel-2026.11.05.16.20.00 to production-frontend', workflowPath: '.github/workflows/deploy-production-frontend.yml', updatedAt: '2026-11-26T09:04:00Z' })],
      versions: { ...facts.versions, 'frontend/production': { kind: 'answered', release: sha('c15'), environment: 'production' } },
    }));
    assert.deepEqual(kinds(snapshotNews(deckOf(started), deckOf(deployed))), ['deploymentFinished frontend/production']);
    // The version changes while the run is still under way: that run says it when it ends.
    const midway = later(base, (facts) => ({
      ...facts,
      deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9007, status: 'in_progress', displayTitle: 'Deploy rel-2026.11.05.16.20.00 to production-frontend', workflowPath: '.github/workflows/deploy-production-frontend.yml' })],
      versions: { ...facts.versions, 'frontend/production': { kind: 'answered', release: sha('c15'), environment: 'production' } },
    }));
    assert.deepEqual(snapshotNews(deckOf(started), deckOf(midway)), []);
  });

  it('says nothing about a version that could not be read before or after', () => {
    const base = openverseFacts();
    const before = later(base, (facts) => ({ ...facts, versions: { ...facts.versions, 'api/staging': { kind: 'unreachable', reason: 'timed out' } } }));
    assert.deepEqual(snapshotNews(deckOf(before), deckOf(base)), []);
    assert.deepEqual(snapshotNews(deckOf(base), deckOf(before)), []);
  });

  it('says nothing when only the name of what runs changes (its release no longer recognised), not its commit', () => {
    const base = openverseFacts();
    const unnamed = later(base, (facts) => ({ ...facts, tags: facts.tags.filter((tag) => tag.name !== 'api-2026.11.02.14.05.33'), releases: facts.releases.filter((release) => release.tagName !== 'api-2026.11.02.14.05.33') }));
    const production = (facts: DeckFacts) => deckOf(facts).apps.find((app) => app.app.id === 'api')?.environments.find((environment) => environment.environment.id === 'production')?.running;
    assert.equal(production(base)?.imageTag, 'rel-2026.11.02.14.05.33');
    assert.notEqual(production(unnamed)?.imageTag, 'rel-2026.11.02.14.05.33', 'the name changes');
    assert.equal(production(unnamed)?.sha, production(base)?.sha, 'the commit does not');
    assert.deepEqual(snapshotNews(deckOf(base), deckOf(unnamed)).filter((event) => event.kind === 'versionChanged'), []);
  });

  it('says nothing of an old run or release that comes back into the listing, nor of what a new profile adds', () => {
    const facts = openverseFacts();
    const trimmed = { ...facts, deploymentRuns: facts.deploymentRuns.filter((candidate) => !candidate.displayTitle.includes('rel-2026.10.01')), releases: facts.releases.filter((release) => release.tagName !== 'api-2026.10.01.12.00.00') };
    assert.deepEqual(snapshotNews(deckOf(trimmed), deckOf(facts)), []);
    const digest = newsDigest(deckOf(facts));
    const withoutApi = { ...digest, environments: Object.fromEntries(Object.entries(digest.environments).filter(([key]) => !key.startsWith('api/'))), apps: Object.fromEntries(Object.entries(digest.apps).filter(([id]) => id !== 'api')) };
    const after = deckOf(later(facts, (f) => ({ ...f, deploymentRuns: [...f.deploymentRuns, colleagueRun({ id: 9008, status: 'in_progress' })] })));
    assert.deepEqual(newsBetween(withoutApi, after), []);
  });

  it('keeps what it knew across a reload: a saved digest gives the same news as the snapshot it came from', () => {
    const base = openverseFacts();
    const before = deckOf(base);
    const saved: unknown = JSON.parse(JSON.stringify(newsDigest(before)));
    const digest = readNewsDigest(saved);
    assert.ok(digest);
    const after = deckOf(later(base, (facts) => ({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleagueRun({ id: 9009, status: 'in_progress' })] })));
    assert.deepEqual(newsBetween(digest, after), snapshotNews(before, after));
    // Anything else saved under its key is no digest.
    for (const junk of [undefined, null, 42, 'digest', [], { version: 2, environments: {}, apps: {} }, { version: 1, environments: { x: { runs: { 1: 7 } } }, apps: {} }, { version: 1, environments: {}, apps: { api: { releases: ['1'] } } }]) {
      assert.equal(readNewsDigest(junk), undefined, JSON.stringify(junk));
    }
  });

  it('tells several changes in the order they happened', () => {
    const before = openverseFacts();
    const after = later(before, (facts) => ({
      ...facts,
      deploymentRuns: [
        ...facts.deploymentRuns,
        colleagueRun({ id: 9011, status: 'in_progress', createdAt: '2026-11-26T09:03:00Z', actor: 'zackkrida' }),
        colleagueRun({ id: 9010, status: 'completed', conclusion: 'failure', createdAt: '2026-11-26T09:01:00Z', updatedAt: '2026-11-26T09:02:00Z' }),
      ],
    }));
    const events = snapshotNews(deckOf(before), deckOf(after));
    assert.deepEqual(events.map((event) => event.key), ['run:9010:completed', 'run:9011:started']);
  });
});
