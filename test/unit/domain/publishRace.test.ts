import { strict as assert } from 'node:assert';
import { dispatchRaceWarning, raceWarning, recentDispatches, recentPublishes } from '../../../src/domain/publishRace';
import type { AppDeck, DeckSnapshot } from '../../../src/domain/snapshot';

const NOW = Date.parse('2026-11-25T18:30:00Z');

function app(releases: Array<{ gitTag: string; publishedAt: string }>, publishing?: { title: string; startedAt: string }): AppDeck {
  return {
    releases,
    environments: publishing !== undefined ? [{ publishingRun: { ...publishing, event: 'release' } }] : [],
  } as unknown as AppDeck;
}

const deck = (...apps: AppDeck[]): DeckSnapshot => ({ apps } as unknown as DeckSnapshot);

describe('warning before publishing within a minute of another publish (dispatch-and-wait race)', () => {
  it('names the other release published in the last minute, of any app', () => {
    const recent = recentPublishes(deck(app([{ gitTag: 'frontend-2026.11.25.18.00.00', publishedAt: '2026-11-25T18:29:35Z' }, { gitTag: 'frontend-2026.11.12.14.05.33', publishedAt: '2026-11-12T15:00:00Z' }]), app([])), NOW, 'api-2026.11.25.18.00.00');
    assert.deepEqual(recent, [{ gitTag: 'frontend-2026.11.25.18.00.00', secondsAgo: 25 }]);
    assert.match(raceWarning(recent) ?? '', /^frontend-2026\.11\.25\.18\.00\.00 was published 25 s ago: .*dispatch-and-wait .* may follow the other release's deployment run\. .*you can still publish now/);
  });

  it('counts a release run started in the last minute that the release list does not show yet', () => {
    const recent = recentPublishes(deck(app([], { title: 'catalog-2026.11.25.18.00.00', startedAt: '2026-11-25T18:29:50Z' })), NOW, 'api-2026.11.25.18.00.00');
    assert.deepEqual(recent, [{ gitTag: 'catalog-2026.11.25.18.00.00', secondsAgo: 10 }]);
  });

  it('says nothing for publishes over a minute old, or for the release being published', () => {
    const recent = recentPublishes(deck(app([{ gitTag: 'api-2026.11.25.18.00.00', publishedAt: '2026-11-25T18:29:59Z' }, { gitTag: 'api-2026.11.20.10.00.00', publishedAt: '2026-11-25T18:28:59Z' }])), NOW, 'api-2026.11.25.18.00.00');
    assert.deepEqual(recent, []);
    assert.equal(raceWarning(recent), undefined);
  });
});

describe('warning before publishing right after a repository_dispatch deployment run (CI staging)', () => {
  const environment = (id: string, label: string, repo: string, run?: { event: string; createdAt: string; startedAt?: string }): unknown => ({
    environment: { id, label, deploy: { kind: 'workflow', repo } },
    ...(run !== undefined ? { lastDeployment: run } : {}),
  });
  const withEnvironments = (label: string, id: string, environments: unknown[]): AppDeck => ({ app: { id, label }, releases: [], environments } as unknown as AppDeck);
  const target = { appId: 'api', environmentId: 'production', repo: 'WordPress/openverse-infrastructure' };

  it('names a staging deployment run dispatched 20 s ago in the same repository', () => {
    const snapshot = deck(withEnvironments('API', 'api', [
      environment('staging', 'Staging', 'WordPress/openverse-infrastructure', { event: 'repository_dispatch', createdAt: '2026-11-25T18:29:40Z', startedAt: '2026-11-25T18:29:40Z' }),
      environment('production', 'Production', 'WordPress/openverse-infrastructure'),
    ]));
    const recent = recentDispatches(snapshot, NOW, target);
    assert.deepEqual(recent, [{ label: 'API Staging', secondsAgo: 20 }]);
    assert.match(dispatchRaceWarning(recent) ?? '', /^A deployment run of API Staging started by a repository dispatch .* 20 s ago: .*may follow that run instead of the production deployment/);
  });

  it('says nothing for a dispatch two minutes ago, a workflow_dispatch run, another repository, or the environment being published', () => {
    const snapshot = deck(withEnvironments('API', 'api', [
      environment('staging', 'Staging', 'WordPress/openverse-infrastructure', { event: 'repository_dispatch', createdAt: '2026-11-25T18:28:00Z', startedAt: '2026-11-25T18:28:00Z' }),
      environment('production', 'Production', 'WordPress/openverse-infrastructure', { event: 'repository_dispatch', createdAt: '2026-11-25T18:29:55Z', startedAt: '2026-11-25T18:29:55Z' }),
    ]), withEnvironments('Frontend', 'frontend', [
      environment('staging', 'Staging', 'WordPress/openverse-infrastructure', { event: 'workflow_dispatch', createdAt: '2026-11-25T18:29:55Z', startedAt: '2026-11-25T18:29:55Z' }),
      environment('preview', 'Preview', 'acme/other', { event: 'repository_dispatch', createdAt: '2026-11-25T18:29:55Z', startedAt: '2026-11-25T18:29:55Z' }),
    ]));
    assert.deepEqual(recentDispatches(snapshot, NOW, target), []);
    assert.equal(dispatchRaceWarning([]), undefined);
  });

  it('says nothing for an older staging deployment run re-run 10 s ago: dispatch-and-wait follows runs by creation, and a re-run creates none', () => {
    const snapshot = deck(withEnvironments('API', 'api', [
      environment('staging', 'Staging', 'WordPress/openverse-infrastructure', { event: 'repository_dispatch', createdAt: '2026-11-25T17:30:00Z', startedAt: '2026-11-25T18:29:50Z' }),
    ]));
    assert.deepEqual(recentDispatches(snapshot, NOW, target), []);
  });
});
