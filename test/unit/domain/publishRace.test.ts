import { strict as assert } from 'node:assert';
import { raceWarning, recentPublishes } from '../../../src/domain/publishRace';
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
