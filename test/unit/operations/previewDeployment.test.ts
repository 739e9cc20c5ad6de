import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { findEnvironment, type AppDeck, type EnvironmentDeck } from '../../../src/domain/snapshot';
import { resolveDeployTarget, type DeployTarget } from '../../../src/domain/deployPlan';
import { previewDeployment } from '../../../src/operations/previewDeployment';
import { listCommits } from '../../../src/github/commits';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { MONOREPO } from '../../simulator/openverseWorld';
import { addFault, startHarness, type Harness } from '../github/helpers';
import { simulatedProfile } from '../github/process.test';

describe('previewing a deployment against the simulator', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  async function deck(appId: string, environmentId: string): Promise<{ app: AppDeck; environment: EnvironmentDeck; mainHead: string }> {
    const profile = simulatedProfile(harness.simulator);
    const snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    const found = findEnvironment(snapshot, appId, environmentId);
    assert.ok(found);
    const mainHead = snapshot.mainCommits[0]?.sha;
    assert.ok(mainHead !== undefined);
    return { ...found, mainHead };
  }

  function target(app: AppDeck, tag: string): DeployTarget {
    const resolved = resolveDeployTarget(app, tag);
    assert.ok(resolved.ok, resolved.ok ? '' : resolved.error);
    return resolved.value;
  }

  /** The commits of main that change the API, as GitHub lists them. */
  async function apiCommits(): Promise<Set<string>> {
    return new Set((await listCommits(harness.client, MONOREPO, 'main', { path: 'api' })).map((commit) => commit.sha));
  }

  it('forward: lists the app\'s own commits added (not other apps\'), and the env file variables they set', async () => {
    const { app, environment, mainHead } = await deck('api', 'production');
    const preview = await previewDeployment(harness.client, MONOREPO, app, environment, target(app, mainHead));
    assert.equal(preview.code.kind, 'listed');
    assert.ok(preview.code.kind === 'listed');
    assert.equal(preview.code.direction, 'added');
    assert.ok(preview.code.count > preview.code.commits.length, 'other apps\' commits lie between too');
    const ofApi = await apiCommits();
    assert.ok(preview.code.commits.length > 0);
    assert.ok(preview.code.commits.every((commit) => ofApi.has(commit.sha)), 'only commits that change api/');
    assert.match(preview.code.note, new RegExp(`^${String(preview.code.commits.length)} of the ${String(preview.code.count)} commits of the monorepo since what API production runs change api/; the other`));
    assert.match(preview.code.compareUrl, /\/compare\//);
    assert.deepEqual(preview.environmentVariables, [{ file: 'api/env.template', added: ['ELASTICSEARCH_TIMEOUT'], changed: [], removed: [], unreadable: false }]);
  });

  it('back: lists the commits taken away, and no variables', async () => {
    const { app, environment, mainHead } = await deck('api', 'staging');
    assert.equal(environment.running?.sha, mainHead, 'staging runs main');
    assert.ok(environment.rollback.ok || app.releases[0] !== undefined);
    const older = app.releases[0];
    assert.ok(older !== undefined);
    const preview = await previewDeployment(harness.client, MONOREPO, app, environment, target(app, older.imageTag));
    assert.ok(preview.code.kind === 'listed', preview.code.kind);
    assert.equal(preview.code.direction, 'takenAway');
    assert.ok(preview.code.count > preview.code.commits.length, 'other apps\' commits lie between too');
    const ofApi = await apiCommits();
    assert.ok(preview.code.commits.every((commit) => ofApi.has(commit.sha)), 'only commits that change api/');
    assert.ok(preview.code.commits.some((commit) => commit.sha === mainHead), 'what runs now is among what is taken away');
    assert.deepEqual(preview.environmentVariables, []);
  });

  it('the same commit: nothing changes, and GitHub is not asked', async () => {
    const { app, environment } = await deck('api', 'production');
    const running = environment.running?.imageTag;
    assert.ok(running !== undefined);
    const before = harness.simulator.stats.requests;
    const preview = await previewDeployment(harness.client, MONOREPO, app, environment, target(app, running));
    assert.deepEqual(preview, { code: { kind: 'same' }, environmentVariables: [] });
    assert.equal(harness.simulator.stats.requests, before);
  });

  it('an unknown running commit: says the commits cannot be listed', async () => {
    const { app, environment, mainHead } = await deck('api', 'production');
    const { running, ...unknown } = environment;
    assert.ok(running?.sha !== undefined, 'it runs a known commit until the test forgets it');
    const preview = await previewDeployment(harness.client, MONOREPO, app, unknown, target(app, mainHead));
    assert.deepEqual(preview, { code: { kind: 'unknown' }, environmentVariables: [] });
  });

  it('GitHub failing the comparison: says why, never throws', async () => {
    const { app, environment, mainHead } = await deck('api', 'production');
    await addFault(harness.simulator, { path: '/compare/', kind: 'status', status: 404, count: 5 });
    const preview = await previewDeployment(harness.client, MONOREPO, app, environment, target(app, mainHead));
    assert.ok(preview.code.kind === 'unlisted', preview.code.kind);
    assert.ok(preview.code.why.length > 0);
    assert.deepEqual(preview.environmentVariables, []);
  });
});
