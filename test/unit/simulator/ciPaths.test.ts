import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { validateProfile } from '../../../src/domain/profileValidation';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { releaseBuild } from '../../../src/operations/releaseBuild';
import { openverseWorld } from '../../simulator/openverseWorld';
import { simulatedProfileDocument } from '../../simulator/simulatedProfile';
import type { CiPaths } from '../../simulator/openverseWorkflows';
import { startHarness, type Harness } from '../github/helpers';

/**
 * CI's path filter is the world's data (openverseWorkflows.ts: NOT FOUND in openverse-facts), and the product
 * reads it from the profile's buildPaths: a world whose CI rebuilds the frontend's image for `packages/` too.
 */
describe('CI\'s path filter, as data of the world and as the profile\'s buildPaths', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.simulator.close();
  });

  const pushPackages = async (ciPaths: CiPaths): Promise<{ sha: string; latest: string | undefined }> => {
    harness = await startHarness({ world: openverseWorld({ ciPaths }) });
    const admin = (path: string, body: unknown): Promise<Response> => fetch(`${harness!.simulator.url}/_admin/${path}`, { method: 'POST', body: JSON.stringify(body) });
    const pushed = (await (await admin('push', { message: 'Shared UI: a new button (#5300)', files: ['packages/js/ui/button.ts'] })).json()) as { sha: string };
    await admin('clock', { advanceSeconds: 120 });
    return { sha: pushed.sha, latest: harness.simulator.world.images['frontend']?.latest };
  };

  it('builds the frontend\'s image for a packages/ change only in a world whose CI filter names packages/', async () => {
    const byDefault = await pushPackages({});
    assert.notEqual(byDefault.latest, byDefault.sha, 'default: only frontend/ rebuilds it');
    await harness?.simulator.close();
    const withPackages = await pushPackages({ frontend: ['frontend/', 'packages/'] });
    assert.equal(withPackages.latest, withPackages.sha, 'latest is the packages/ commit\'s build');
  });

  it('expects the packages/ commit as the frontend release\'s build when the profile names packages/ in buildPaths', async () => {
    const { sha } = await pushPackages({ frontend: ['frontend/', 'packages/'] });
    const document = simulatedProfileDocument(harness!.simulator.url);
    const withBuildPaths = { ...document, apps: document.apps.map((app) => (app.id === 'frontend' ? { ...app, buildPaths: ['frontend/', 'packages/'] } : app)) };
    const validation = validateProfile(withBuildPaths);
    assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.problems));
    const frontend = validation.profile.apps.find((app) => app.id === 'frontend');
    assert.ok(frontend);
    const expected = await releaseBuild(harness!.client, validation.profile.monorepo, frontend, sha, 'rel-2026.11.26.12.00.00');
    assert.equal(expected.sha, sha);
    // And the deck offers it as a staging candidate commit (an image exists for it): the titled staging run maps to it.
    const deck = buildDeck(validation.profile, await gatherFacts(harness!.client, validation.profile));
    const staging = deck.apps.find((app) => app.app.id === 'frontend')?.environments.find((environment) => environment.environment.id === 'staging');
    assert.equal(staging?.history[0]?.imageTag, sha, 'CI deployed staging for the packages/ commit, titled with its message');
  });
});
