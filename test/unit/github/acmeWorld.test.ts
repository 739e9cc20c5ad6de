import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { resolveDeployTarget } from '../../../src/domain/deployPlan';
import type { Profile } from '../../../src/domain/profileTypes';
import { validateProfile } from '../../../src/domain/profileValidation';
import { deployCandidates } from '../../../src/domain/rollback';
import { findEnvironment } from '../../../src/domain/snapshot';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { ACME_MONOREPO, ACME_TOKEN, acmeProfileDocument, acmeWorld, withWorlds } from '../../simulator/acmeWorld';
import { openverseWorld } from '../../simulator/openverseWorld';
import { startHarness, type Harness } from './helpers';

describe('the acme/shop world (semantic versions, trunk, deployments in two repositories)', () => {
  let harness: Harness;
  let profile: Profile;
  beforeEach(async () => {
    harness = await startHarness({ world: withWorlds(openverseWorld(), acmeWorld()), client: { token: ACME_TOKEN } });
    const validation = validateProfile(acmeProfileDocument(harness.simulator.url));
    assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.problems));
    profile = validation.profile;
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('shows each app\'s releases newest first by semver, the pre-release marked, and what runs where', async () => {
    const snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    const web = snapshot.apps.find((app) => app.app.id === 'web');
    assert.deepEqual(web?.releases.map((release) => `${release.gitTag}${release.prerelease ? ' (pre-release)' : ''}`), ['web@1.5.0-rc.1 (pre-release)', 'web@1.4.2', 'web@1.4.0', 'web@1.3.0']);
    assert.deepEqual(web?.releases.map((release) => release.imageTag), ['1.5.0-rc.1', '1.4.2', '1.4.0', '1.3.0']);
    assert.equal(web?.draft?.gitTag, 'web@1.5.0');
    assert.equal(web?.draft?.imageTag, '1.5.0');

    const webProduction = findEnvironment(snapshot, 'web', 'production')?.environment;
    assert.equal(webProduction?.running?.imageTag, '1.4.2');
    assert.equal(webProduction?.state, 'inSync', 'the newest release that is not a pre-release runs there');
    assert.ok(webProduction?.rollback.ok);
    assert.equal(webProduction?.rollback.ok && webProduction.rollback.imageTag, '1.4.0');
    const webStaging = findEnvironment(snapshot, 'web', 'staging')?.environment;
    assert.equal(webStaging?.running?.imageTag, '1.5.0-rc.1');
    assert.equal(webStaging?.running?.release?.prerelease, true);

    const api = snapshot.apps.find((app) => app.app.id === 'api');
    assert.deepEqual(api?.releases.map((release) => release.imageTag), ['v2.3.0', 'v2.2.0']);
    const apiProduction = findEnvironment(snapshot, 'api', 'production')?.environment;
    assert.equal(apiProduction?.running?.imageTag, 'v2.2.0');
    assert.equal(apiProduction?.state, 'behind');
    assert.match(apiProduction?.stateDetail ?? '', /behind v2\.3\.0/);
  });

  it('checks a typed image tag with the app\'s scheme and offers pre-releases as such', async () => {
    const snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    const found = findEnvironment(snapshot, 'web', 'production');
    assert.ok(found);
    const resolved = resolveDeployTarget(found.app, '1.4.0');
    assert.ok(resolved.ok);
    assert.equal(resolved.value.gitTag, 'web@1.4.0');
    const refused = resolveDeployTarget(found.app, 'rel-2026.11.20.10.00.00');
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.error : '', /expected MAJOR\.MINOR\.PATCH or a 40-character commit SHA/);
    const newer = resolveDeployTarget(found.app, '9.0.0');
    assert.match(!newer.ok ? newer.error : '', /newer than Web's newest published release/);
    const candidates = deployCandidates(found.app, found.environment, []);
    assert.match(candidates.find((candidate) => candidate.imageTag === '1.5.0-rc.1')?.detail ?? '', /^Pre-release web@1\.5\.0-rc\.1/);
  });

  it('serves both worlds at once: the shop\'s token does not need Openverse, its repositories default to trunk', async () => {
    const response = await fetch(`${harness.simulator.url}/repos/${ACME_MONOREPO}`, { headers: { authorization: `token ${ACME_TOKEN}` } });
    const repo = (await response.json()) as { default_branch: string };
    assert.equal(repo.default_branch, 'trunk');
  });
});
