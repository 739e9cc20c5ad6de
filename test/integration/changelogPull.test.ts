import { strict as assert } from 'node:assert';
import type { ReleaseDeckApi } from '../../src/extension';
import { DEMO_TOKEN, admin, find, loadedDeck, simulatorUrl } from './support';

/** The simulator's request log (the last 200 requests). */
async function requestLog(): Promise<Array<{ method: string; path: string; status: number }>> {
  return ((await admin('stats', undefined, 'GET')) as { log: Array<{ method: string; path: string; status: number }> }).log;
}

describe('the changelog pull request', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
  });

  it('stays under its app, found on every refresh, until it is closed, whoever published the release', async () => {
    // Opened by the release workflow after api-2026.11.12.14.05.33 was published elsewhere (the world holds it).
    const item = find(deck.describeDeck(), 'API', 'Changelog PR #4990 to review');
    assert.equal(item.description, 'api-2026.11.12.14.05.33');
    assert.equal(item.spoken, 'API changelog pull request #4990 to review, opened after api-2026.11.12.14.05.33 was published');
    assert.match(item.tooltip ?? '', /Publish changelog for api-2026\.11\.12\.14\.05\.33/);
    assert.match(item.tooltip ?? '', /until it is merged or closed/);
    assert.ok(!find(deck.describeDeck(), 'Frontend').children.some((child) => child.label.startsWith('Changelog PR')), 'the frontend has none');

    // Found again on every refresh by one conditional listing: unchanged, it is a 304.
    await admin('stats/reset');
    await deck.refresh();
    const listings = (await requestLog()).filter((entry) => entry.method === 'GET' && /^\/repos\/WordPress\/openverse\/pulls\b/.test(entry.path));
    assert.deepEqual(listings.map((entry) => entry.status), [304]);
    assert.ok(find(deck.describeDeck(), 'API', 'Changelog PR #4990 to review'));

    // Closed on GitHub (reviewed elsewhere): the next refresh no longer shows it.
    const closed = await fetch(`${simulatorUrl()}/repos/WordPress/openverse/pulls/4990`, {
      method: 'PATCH',
      headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'closed' }),
    });
    assert.equal(closed.status, 200);
    await deck.refresh();
    assert.deepEqual(find(deck.describeDeck(), 'API').children.filter((child) => child.label.startsWith('Changelog PR')), []);
  });
});
