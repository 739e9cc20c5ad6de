import { strict as assert } from 'node:assert';
import { versionKey } from '../../../src/domain/facts';
import { DEFAULT_IMAGE_SCHEME } from '../../../src/domain/tagScheme';
import { readRecord } from '../../../src/domain/recordedVersion';
import type { ManualDeploy } from '../../../src/domain/profileTypes';
import { gatherRecords } from '../../../src/state/records';
import { CATALOG_RECORD, INFRA } from '../../simulator/openverseWorld';
import { simulatedProfile } from '../github/process.test';
import { addFault, startHarness, type Harness } from '../github/helpers';
import { GERMAN } from '../l10n/german';

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

describe('recorded versions that could not be read, in the person\'s language', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('says in German why the open pull requests of the recording repository could not be listed', async () => {
    const profile = simulatedProfile(harness.simulator);
    await addFault(harness.simulator, { path: `/repos/${INFRA}/pulls$`, kind: 'status', status: 500, count: 20 });
    const fact = (await gatherRecords(harness.client, profile, GERMAN))[versionKey('catalog', 'production')];
    assert.equal(fact?.problem, `die offenen Pull-Requests des Repositorys konnten nicht aufgelistet werden (GitHub antwortete 500 (ein Serverfehler) beim Versuch, die offenen Pull-Requests von ${INFRA} aufzulisten. Das ist meist nur kurz: Versuchen Sie es in einer Minute erneut.)`);
    // Without a language: English, as before.
    const english = (await gatherRecords(harness.client, profile))[versionKey('catalog', 'production')];
    assert.match(english?.problem ?? '', /^its open pull requests could not be listed \(GitHub answered 500 \(a server error\) while trying to list the open pull requests of /);
  });

  it('says in German, as the deck shows it, why the recorded file could not be read when the repository\'s head cannot be', async () => {
    const profile = simulatedProfile(harness.simulator);
    const catalog = profile.apps.find((app) => app.id === 'catalog')!.environments[0]!;
    await addFault(harness.simulator, { path: `^/repos/${INFRA}/commits$`, kind: 'status', status: 500, count: 20 });
    const fact = (await gatherRecords(harness.client, profile, GERMAN))[versionKey('catalog', 'production')];
    const detail = readRecord((catalog.deploy as ManualDeploy).recordedIn!, fact, [], DEFAULT_IMAGE_SCHEME, GERMAN.l10n, GERMAN.locale)?.detail;
    assert.equal(detail, `${CATALOG_RECORD} in ${INFRA} konnte nicht gelesen werden: GitHub antwortete 500 (ein Serverfehler) beim Versuch, den neuesten Commit von ${INFRA} zu lesen. Das ist meist nur kurz: Versuchen Sie es in einer Minute erneut; daher ist nicht bekannt, was dort läuft.`);
  });
});
