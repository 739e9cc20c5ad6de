import { strict as assert } from 'node:assert';
import { simulatedProfile } from '../github/process.test';
import { releaseBuild } from '../../../src/operations/releaseBuild';
import { openverseWorld } from '../../simulator/openverseWorld';
import { startHarness, type Harness } from '../github/helpers';

describe('the build a release is expected to run', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.simulator.close();
  });

  it('without a registry, the build is inferred from the app\'s folders and said to be inferred, never stated as fact', async () => {
    const world = openverseWorld();
    harness = await startHarness({ world });
    const profile = simulatedProfile(harness.simulator);
    const app = profile.apps.find((candidate) => candidate.id === 'api');
    assert.ok(app);
    const monorepo = world.repos[0];
    const tag = monorepo?.tags.filter((candidate) => candidate.name.startsWith('api-')).sort((a, b) => b.name.localeCompare(a.name))[0];
    assert.ok(tag);
    const expected = await releaseBuild(harness.client, profile.monorepo, app, tag.sha, `rel-${tag.name.slice('api-'.length)}`);
    assert.match(expected.sha, /^[0-9a-f]{40}$/);
    assert.match(expected.unsure ?? '', /inferred/);
    assert.match(expected.unsure ?? '', /latest/);
    assert.match(expected.unsure ?? '', /registry/);
  });
});
