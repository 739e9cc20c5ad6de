import { strict as assert } from 'node:assert';
import { baselineOf } from '../../../src/domain/dispatchedRun';
import { buildDeck } from '../../../src/domain/buildDeck';
import { findEnvironment } from '../../../src/domain/snapshot';
import type { Profile } from '../../../src/domain/profileTypes';
import { validateProfile } from '../../../src/domain/profileValidation';
import { DEFAULT_IMAGE_SCHEME } from '../../../src/domain/tagScheme';
import { GitHubError } from '../../../src/github/errors';
import { compareCommits } from '../../../src/github/commits';
import { listPullRequests } from '../../../src/github/pulls';
import { listReleases, publishRelease } from '../../../src/github/releases';
import { dispatchWorkflow, findDispatchedRun, getRun, listWorkflowRuns } from '../../../src/github/workflows';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { API_CHANGELOG_PULL, DEMO_LOGIN, DEMO_TOKEN, FINE_GRAINED_TOKEN, INFRA, MONOREPO, TAG_AND_DEPLOY_PATH } from '../../simulator/openverseWorld';
import type { RunningSimulator } from '../../simulator/server';
import { simulatedProfileDocument } from '../../simulator/simulatedProfile';
import { addFault, startHarness, type Harness } from './helpers';

/** The Openverse profile with its /version endpoints served by the simulator. */
export function simulatedProfile(simulator: RunningSimulator): Profile {
  const validation = validateProfile(simulatedProfileDocument(simulator.url));
  assert.ok(validation.ok);
  return validation.profile;
}

describe('the release process against the simulator', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('refreshes the whole deck with 8 GitHub requests, and for free when nothing changed', async () => {
    const profile = simulatedProfile(harness.simulator);
    const facts = await gatherFacts(harness.client, profile);
    // 6, plus the infrastructure's head and open pull requests (the manual environments' recorded versions); the
    // first time only, each of the 3 record files and the last commit that changed it; the files of each of the 17
    // commits of main that an API or frontend staging run is titled with (which app each built: kept, a commit's
    // files never change); one history of the API's and the frontend's folder: their staging runs newer commits
    // than their releases' tags name, so which build runs is read (kept: a commit's history never changes).
    assert.equal(harness.simulator.stats.requests, 8 + 6 + 17 + 2);
    assert.equal(harness.simulator.stats.versionRequests, 4);
    const snapshot = buildDeck(profile, facts);

    const apiProduction = findEnvironment(snapshot, 'api', 'production')?.environment;
    assert.equal(apiProduction?.state, 'inSync');
    assert.equal(apiProduction?.running?.imageTag, 'rel-2026.11.12.14.05.33');
    assert.ok(apiProduction?.rollback.ok);
    assert.equal(apiProduction?.rollback.ok && apiProduction.rollback.imageTag, 'rel-2026.10.15.09.30.00');
    const apiStaging = findEnvironment(snapshot, 'api', 'staging')?.environment;
    assert.equal(apiStaging?.state, 'inSync');
    assert.ok((apiStaging?.aheadBy ?? 0) > 0, 'staging runs newer commits than production');
    const frontendProduction = findEnvironment(snapshot, 'frontend', 'production')?.environment;
    assert.equal(frontendProduction?.state, 'failed');
    const catalog = findEnvironment(snapshot, 'catalog', 'production')?.environment;
    assert.equal(catalog?.state, 'inSync', 'the version the infrastructure repository records');
    assert.equal(catalog?.running?.imageTag, 'rel-2026.09.09.23.00.57');
    assert.match(catalog?.stateDetail ?? '', /^Recorded as deployed: rel-2026\.09\.09\.23\.00\.57 \(commit [0-9a-f]{7} by AetherUnbound, [A-Z][a-z]{2} \d{1,2}, 2026, \d{1,2}:\d\d\s[AP]M, environments\/prod\/airflow\.yml in WordPress\/openverse-infrastructure\)\./);
    assert.equal(findEnvironment(snapshot, 'indexer_worker', 'production')?.environment.state, 'alwaysLatest');
    assert.equal(snapshot.apps.find((app) => app.app.id === 'api')?.draft?.gitTag, 'api-2026.11.25.18.00.00');

    harness.simulator.resetStats();
    await gatherFacts(harness.client, profile);
    assert.equal(harness.simulator.stats.requests, 8);
    assert.equal(harness.simulator.stats.notModified, 8, 'every request answered 304');
    assert.equal(harness.simulator.stats.rateLimitUnits, 0);
  });

  it('shows a changelog pull request opened elsewhere under its app until it is closed', async () => {
    const profile = simulatedProfile(harness.simulator);
    const changelogPulls = async () => buildDeck(profile, await gatherFacts(harness.client, profile)).apps.map((app) => app.changelogPulls.map((pull) => `${app.app.id} #${pull.number} ${pull.gitTag ?? ''}`)).flat();
    assert.deepEqual(await changelogPulls(), [`api #${API_CHANGELOG_PULL.number} api-2026.11.12.14.05.33`]);

    const closed = await fetch(`${harness.simulator.url}/repos/${MONOREPO}/pulls/${API_CHANGELOG_PULL.number}`, { method: 'PATCH', headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ state: 'closed' }) });
    assert.equal(closed.status, 200);
    assert.equal(((await closed.json()) as { state: string }).state, 'closed');
    assert.deepEqual(await changelogPulls(), []);
  });

  it('sees an unreachable /version as unreachable and recovers when it answers again', async () => {
    const profile = simulatedProfile(harness.simulator);
    await addFault(harness.simulator, { path: '/live/api/staging/version', kind: 'status', status: 503, count: 1 });
    let snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    assert.equal(findEnvironment(snapshot, 'api', 'staging')?.environment.state, 'unreachable');
    assert.match(findEnvironment(snapshot, 'api', 'staging')?.environment.stateDetail ?? '', /answered HTTP 503/);
    snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    assert.equal(findEnvironment(snapshot, 'api', 'staging')?.environment.state, 'inSync');
  });

  it('publishing the API draft runs the whole chain to production', async () => {
    const profile = simulatedProfile(harness.simulator);
    const draft = (await listReleases(harness.client, MONOREPO)).find((release) => release.draft && release.tagName.startsWith('api-'));
    assert.ok(draft);
    const published = await publishRelease(harness.client, MONOREPO, { id: draft.id, tagName: draft.tagName, targetCommitish: draft.targetCommitish });
    assert.equal(published.draft, false);
    assert.ok(published.publishedAt);

    const tagRuns = await listWorkflowRuns(harness.client, MONOREPO, 'tag_docker_image_and_trigger_deployment.yml', { event: 'release' });
    const tagRun = tagRuns[0];
    assert.equal(tagRun?.headBranch, draft.tagName);
    assert.equal(tagRun?.status, 'queued');
    assert.equal(tagRun?.workflowPath, TAG_AND_DEPLOY_PATH);

    // The release run tags the image, then dispatches the production deployment and waits for it (openverse-facts §1.3).
    harness.simulator.advance(20);
    assert.equal((await getRun(harness.client, MONOREPO, tagRun.id)).status, 'in_progress');
    const deployRuns = await listWorkflowRuns(harness.client, INFRA, 'deploy-production-api.yml', { event: 'repository_dispatch' });
    const imageTag = `rel-${draft.tagName.slice('api-'.length)}`;
    assert.equal(deployRuns[0]?.displayTitle, `Deploy ${imageTag} to production-api`);
    assert.notEqual(deployRuns[0]?.status, 'completed');
    assert.deepEqual(await listPullRequests(harness.client, MONOREPO, `changelog/${draft.tagName}`), [], 'no changelog pull request before the deployment ends');

    harness.simulator.advance(120);
    assert.equal((await getRun(harness.client, INFRA, deployRuns[0].id)).conclusion, 'success');
    assert.equal((await getRun(harness.client, MONOREPO, tagRun.id)).conclusion, 'success');
    const pulls = await listPullRequests(harness.client, MONOREPO, `changelog/${draft.tagName}`);
    assert.equal(pulls[0]?.title, `Publish changelog for ${draft.tagName}`);
    const snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    const production = findEnvironment(snapshot, 'api', 'production')?.environment;
    assert.equal(production?.state, 'inSync');
    assert.equal(production?.running?.imageTag, imageTag);
    assert.equal(production?.running?.release?.gitTag, draft.tagName);
  });

  it('publishing a draft whose git tag already exists publishes it on that tag as it is, the target unused', async () => {
    // "Update a release": target_commitish "Unused if the Git tag already exists" (docs.github.com/rest/releases/releases).
    const draft = (await listReleases(harness.client, MONOREPO)).find((release) => release.draft && release.tagName.startsWith('api-'));
    assert.ok(draft);
    const repo = harness.simulator.world.repos.find((candidate) => candidate.fullName === MONOREPO);
    const older = repo?.commits[repo.commits.length - 3];
    assert.ok(repo && older);
    repo.tags.push({ name: draft.tagName, sha: older.sha });
    const published = await publishRelease(harness.client, MONOREPO, { id: draft.id, tagName: draft.tagName, targetCommitish: draft.targetCommitish });
    assert.equal(published.draft, false);
    assert.deepEqual(repo.tags.filter((tag) => tag.name === draft.tagName).map((tag) => tag.sha), [older.sha], 'the tag is not moved');
    const tagRun = (await listWorkflowRuns(harness.client, MONOREPO, 'tag_docker_image_and_trigger_deployment.yml', { event: 'release' }))[0];
    assert.equal(tagRun?.headBranch, draft.tagName);
    assert.equal(tagRun.headSha, older.sha, 'the release workflow runs on the tag\'s commit');
  });

  it('dispatches a deployment, gets its run id, and the environment follows', async () => {
    const staging = (await compareCommits(harness.client, MONOREPO, 'api-2026.10.01.12.00.00', 'main'));
    assert.ok(staging.aheadBy > 0);
    const sha = staging.commits[0]!.sha;
    const runId = await dispatchWorkflow(harness.client, { repo: INFRA, workflow: 'deploy-staging-api.yml', ref: 'main', inputs: { tag: sha, run_name: `Check staging (${sha})` }, profileField: 'apps[0].environments[0].deploy.workflow' });
    assert.ok(runId !== undefined);
    const run = await getRun(harness.client, INFRA, runId);
    assert.equal(run.actor, DEMO_LOGIN);
    assert.match(run.displayTitle, new RegExp(sha));
    harness.simulator.advance(30);
    assert.equal((await getRun(harness.client, INFRA, runId)).conclusion, 'success');
    const version = await (await fetch(`${harness.simulator.url}/live/api/staging/version`)).json() as { release: string };
    assert.equal(version.release, sha);
  });

  it('finds the dispatched run by its inputs when GitHub returns no run id, not by the actor or a colleague\'s run', async () => {
    const baseline = baselineOf(await listWorkflowRuns(harness.client, INFRA, 'deploy-production-api.yml', { perPage: 30 }));
    const dispatch = (token: string, tag: string) =>
      fetch(`${harness.simulator.url}/repos/${INFRA}/actions/workflows/deploy-production-api.yml/dispatches`, {
        method: 'POST',
        headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ref: 'main', inputs: { tag } }),
      });
    // Ours (answered 204, as an older GitHub Enterprise Server does), then a colleague's, in the same second.
    assert.equal((await dispatch(DEMO_TOKEN, 'rel-2026.10.15.09.30.00')).status, 204);
    assert.equal((await dispatch(FINE_GRAINED_TOKEN, 'rel-2026.11.12.14.05.33')).status, 204);
    // A token from the environment has no login: the actor cannot be used to tell the runs apart.
    const match = await findDispatchedRun(harness.client, { repo: INFRA, workflow: 'deploy-production-api.yml', ref: 'main', imageTag: 'rel-2026.10.15.09.30.00', scheme: DEFAULT_IMAGE_SCHEME, baseline, profileField: 'x' }, { sleep: () => Promise.resolve() });
    assert.equal(match.kind, 'found');
    assert.equal(match.kind === 'found' && match.run.displayTitle, 'Deploy rel-2026.10.15.09.30.00 to production-api');
    assert.equal(match.kind === 'found' && match.run.event, 'workflow_dispatch');
  });

  it('reports GitHub\'s reason for a 422 on a dispatch with a wrong input', async () => {
    try {
      await dispatchWorkflow(harness.client, { repo: INFRA, workflow: 'deploy-staging-api.yml', ref: 'main', inputs: { image_tag: 'rel-2026.10.15.09.30.00' }, profileField: 'apps[0].environments[0].deploy.tagInput' });
      assert.fail('expected a 422');
    } catch (error) {
      assert.ok(error instanceof GitHubError);
      assert.equal(error.kind, 'validation');
      assert.match(error.message, /Unexpected inputs provided: \["image_tag"\]/);
      assert.match(error.message, /Nothing was changed/);
    }
  });

  it('fails a deployment of an image tag that does not exist, and the environment keeps its version', async () => {
    const before = await (await fetch(`${harness.simulator.url}/live/api/production/version`)).json() as { release: string };
    const runId = await dispatchWorkflow(harness.client, { repo: INFRA, workflow: 'deploy-production-api.yml', ref: 'main', inputs: { tag: 'rel-2020.01.01.00.00.00' }, profileField: 'x' });
    harness.simulator.advance(60);
    assert.equal((await getRun(harness.client, INFRA, runId!)).conclusion, 'failure');
    const after = await (await fetch(`${harness.simulator.url}/live/api/production/version`)).json() as { release: string };
    assert.equal(after.release, before.release);
  });

  it('never retries a POST: a 502 on a dispatch is reported once', async () => {
    await addFault(harness.simulator, { path: '/dispatches$', method: 'POST', kind: 'status', status: 502, count: 1 });
    const runsBefore = harness.simulator.world.repos[1]!.runs.length;
    await assert.rejects(dispatchWorkflow(harness.client, { repo: INFRA, workflow: 'deploy-staging-api.yml', ref: 'main', inputs: { tag: 'rel-2026.10.15.09.30.00' }, profileField: 'x' }), (error: unknown) => error instanceof GitHubError && error.kind === 'server');
    assert.equal(harness.client.stats.retries, 0);
    assert.equal(harness.simulator.world.repos[1]!.runs.length, runsBefore);
  });

  it('names the profile field when a deployment workflow does not exist', async () => {
    try {
      await dispatchWorkflow(harness.client, { repo: INFRA, workflow: 'deploy-staging-apii.yml', ref: 'main', inputs: { tag: 'rel-2026.10.15.09.30.00' }, profileField: 'apps[0].environments[0].deploy.workflow' });
      assert.fail('expected a 404');
    } catch (error) {
      assert.ok(error instanceof GitHubError);
      assert.equal(error.kind, 'notFound');
      assert.match(error.message, /while trying to dispatch deploy-staging-apii\.yml in WordPress\/openverse-infrastructure.*Check "apps\[0\]\.environments\[0\]\.deploy\.workflow" in the profile/);
    }
  });
});
