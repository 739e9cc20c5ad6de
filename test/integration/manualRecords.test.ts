import { strict as assert } from 'node:assert';
import type { ReleaseDeckApi } from '../../src/extension';
import { admin, find, loadedDeck } from './support';

const INFRA = 'WordPress/openverse-infrastructure';

describe('manual environments say what they run, as the infrastructure repository records it', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
  });

  it('shows the catalog\'s recorded version, then a bump recorded in an open pull request, not merged', async () => {
    const production = find(deck.describeDeck(), 'Catalog', 'Production');
    assert.equal(production.description, 'rel-2026.09.09.23.00.57 (recorded)');
    assert.match(production.tooltip ?? '', /Recorded as deployed: rel-2026\.09\.09\.23\.00\.57 \(commit [0-9a-f]{7} by AetherUnbound, [A-Z][a-z]{2} \d{1,2}, 2026, \d{1,2}:\d\d\s[AP]M, environments\/prod\/airflow\.yml in WordPress\/openverse-infrastructure\)/);
    assert.match(production.tooltip ?? '', /the file its deployment procedure records it in/);

    // `just bump production airflow`, the playbook, then an infrastructure pull request (openverse-facts §5).
    await admin('pull', { repo: INFRA, title: 'Bump the catalog to rel-2026.11.25.18.00.00', branch: 'bump-catalog', author: 'krysal', contents: { 'environments/prod/airflow.yml': 'airflow:\n  image_tag: "rel-2026.11.25.18.00.00"\n' } });
    await deck.refresh();
    const bumped = find(deck.describeDeck(), 'Catalog', 'Production');
    assert.match(bumped.description ?? '', /^rel-2026\.09\.09\.23\.00\.57 \(recorded\) · rel-2026\.11\.25\.18\.00\.00 in open PR #\d+, not merged$/);
    assert.match(bumped.tooltip ?? '', /rel-2026\.11\.25\.18\.00\.00 is recorded in open pull request #\d+ by krysal, not yet merged/);

    const ingestion = find(deck.describeDeck(), 'Ingestion server', 'Production');
    assert.match(ingestion.description ?? '', /^rel-2024\.09\.09\.05\.40\.20 \(recorded\)/);
  });
});
