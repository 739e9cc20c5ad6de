import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { resolveDeployTarget } from '../../../src/domain/deployPlan';
import type { VersionFact } from '../../../src/domain/facts';
import { validateProfile } from '../../../src/domain/profileValidation';
import { findEnvironment } from '../../../src/domain/snapshot';
import { deployAndFollow } from '../../../src/operations/deploy';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { SYNTHETIC_TOKEN, syntheticProfileDocument, syntheticWorld } from '../../simulator/syntheticWorld';
import { startHarness, type Harness } from '../github/helpers';

/** A monorepo and an infrastructure repository whose default branch is `trunk`, with a profile that names no branch. */
describe('a world whose default branch is trunk', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ world: syntheticWorld(2, 2, { defaultBranch: 'trunk' }), client: { token: SYNTHETIC_TOKEN } });
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('dispatches a deployment on the repository\'s default branch as GitHub reports it', async () => {
    const validation = validateProfile(syntheticProfileDocument(2, 2, harness.simulator.url));
    assert.ok(validation.ok);
    const probe = (): Promise<VersionFact> => Promise.resolve({ kind: 'unreachable', reason: 'not asked in this test' });
    const found = findEnvironment(buildDeck(validation.profile, await gatherFacts(harness.client, validation.profile, { probe })), 'app000', 'staging');
    assert.ok(found);
    const target = resolveDeployTarget(found.app, 'rel-2026.10.02.10.00.00');
    assert.ok(target.ok);
    // The clock moves 5 s per poll; the /version check after the run is not what this test is about (1 s).
    const moving = { intervalMs: 1, timeoutMs: 1000, sleep: () => { harness.simulator.advance(5); return Promise.resolve(); } };
    const result = await deployAndFollow(harness.client, { ...found, target: target.value, reason: '', webUrl: 'https://github.com', profilePath: 'apps[0].environments[0]' }, () => undefined, () => undefined, moving);
    assert.equal(result.nothingStarted, false, result.problem);
    assert.equal(result.run?.headBranch, 'trunk');
    assert.equal(result.run?.conclusion, 'success');
  });
});
