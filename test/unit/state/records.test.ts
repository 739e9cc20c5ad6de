import { strict as assert } from 'node:assert';
import { versionKey } from '../../../src/domain/facts';
import { DEFAULT_IMAGE_SCHEME } from '../../../src/domain/tagScheme';
import { readRecord } from '../../../src/domain/recordedVersion';
import type { ManualDeploy } from '../../../src/domain/profileTypes';
import { gatherRecords } from '../../../src/state/records';
import { CATALOG_RECORD, INFRA } from '../../simulator/openverseWorld';
import { simulatedProfile } from '../github/process.test';
import { startHarness, type Harness } from '../github/helpers';

async function post(harness: Harness, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${harness.simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(response.status, 201, await response.text());
}

describe('recorded versions of manual environments', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('reads the recorded tag, shows a bump in an open pull request, then the merged bump; free when unchanged', async () => {
    const profile = simulatedProfile(harness.simulator);
    const catalog = profile.apps.find((app) => app.id === 'catalog')!.environments[0]!;
    const recordedIn = (catalog.deploy as ManualDeploy).recordedIn!;
    const key = versionKey('catalog', 'production');

    const first = await gatherRecords(harness.client, profile);
    assert.match(readRecord(recordedIn, first[key], [], DEFAULT_IMAGE_SCHEME)?.detail ?? '', /^Recorded as deployed: rel-2026\.09\.09\.23\.00\.57 \(commit \w{7} by AetherUnbound/);
    harness.simulator.resetStats();
    await gatherRecords(harness.client, profile);
    assert.equal(harness.simulator.stats.requests, 2, 'the head commit and the open pull requests of the repository, once for all three environments');
    assert.equal(harness.simulator.stats.rateLimitUnits, 0, 'both answered 304');

    // `just bump production airflow`, then an infrastructure pull request (openverse-facts §5).
    await post(harness, 'pull', { repo: INFRA, title: 'Bump the catalog', branch: 'bump-catalog', author: 'krysal', contents: { [CATALOG_RECORD]: 'airflow:\n  image_tag: "rel-2026.11.25.18.00.00"\n' } });
    const pending = readRecord(recordedIn, (await gatherRecords(harness.client, profile))[key], [], DEFAULT_IMAGE_SCHEME);
    assert.equal(pending?.running?.imageTag, 'rel-2026.09.09.23.00.57');
    assert.equal(pending?.pending, 'rel-2026.11.25.18.00.00 in open PR #1, not merged');

    await post(harness, 'pull/merge', { repo: INFRA, number: 1 });
    const merged = readRecord(recordedIn, (await gatherRecords(harness.client, profile))[key], [], DEFAULT_IMAGE_SCHEME);
    assert.equal(merged?.running?.imageTag, 'rel-2026.11.25.18.00.00');
    assert.match(merged?.detail ?? '', /by krysal/);
    assert.equal(merged?.pending, undefined);
  });
});
