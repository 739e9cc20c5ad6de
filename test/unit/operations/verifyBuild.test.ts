import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { resolveDeployTarget } from '../../../src/domain/deployPlan';
import { findEnvironment, type AppDeck, type DraftRelease, type EnvironmentDeck } from '../../../src/domain/snapshot';
import { deployAndFollow } from '../../../src/operations/deploy';
import { publishAndFollow } from '../../../src/operations/publish';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { loadReleaseNotes } from '../../../src/state/releaseNotes';
import { fakeSha, openverseWorld } from '../../simulator/openverseWorld';
import { startHarness, type Harness } from '../github/helpers';
import { simulatedProfile } from '../github/process.test';

/**
 * The release workflow re-tags `latest`, the last commit that changed the app, while the git tag is created on
 * main's head (openverse-facts §1.3, §2): when the head changed another part of the monorepo, /version reports
 * the build's commit, not the tag's. Verification after publish and after deploy expects the build.
 */
describe('verification expects the release\'s build, not its git tag\'s commit', () => {
  let harness: Harness;
  let head: string;
  beforeEach(async () => {
    const world = openverseWorld();
    const monorepo = world.repos[0];
    assert.ok(monorepo);
    // A merged documentation change: main's head changes no app.
    head = fakeSha('docs-head');
    monorepo.commits.push({ sha: head, message: 'Document the release process (#5130)', author: 'obulat', date: '2026-11-26T08:00:00Z', files: [{ filename: 'documentation/meta/release.md' }] });
    harness = await startHarness({ world });
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  async function deck(appId: string): Promise<{ app: AppDeck; production: EnvironmentDeck; profile: ReturnType<typeof simulatedProfile> }> {
    const profile = simulatedProfile(harness.simulator);
    const snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    const found = findEnvironment(snapshot, appId, 'production');
    assert.ok(found);
    return { app: found.app, production: found.environment, profile };
  }

  // The check of /version gives up after 3 s of real time (its own default is 3 minutes).
  const moving = () => ({ intervalMs: 1, timeoutMs: 3000, sleep: () => { harness.simulator.advance(5); return Promise.resolve(); } });
  /** The last commit that changed the frontend: what `latest`, and so the new rel- tag, names. */
  const lastFrontendCommit = (): string => [...harness.simulator.world.repos[0]!.commits].reverse().find((commit) => (commit.files ?? []).some((file) => file.filename.startsWith('frontend/')))!.sha;

  /** Publishes the frontend's draft through the whole chain (its result unread). */
  async function publishFrontend(): Promise<{ draft: DraftRelease; profile: ReturnType<typeof simulatedProfile> }> {
    const { app, production, profile } = await deck('frontend');
    const draft = app.draft;
    assert.ok(draft);
    await publishAndFollow(harness.client, { profile, app: app.app, draft, deployedEnvironment: production }, () => undefined, moving());
    return { draft, profile };
  }

  it('publishing the frontend: production is checked against the build of the new rel- tag, and matches', async () => {
    const { app, production, profile } = await deck('frontend');
    const draft = app.draft;
    assert.ok(draft);
    const steps: string[] = [];
    const result = await publishAndFollow(harness.client, { profile, app: app.app, draft, deployedEnvironment: production }, (step) => steps.push(step), moving());
    assert.equal(result.tagRun?.headSha, head, 'the git tag names main\'s head');
    assert.equal(result.problem, undefined, result.problem);
    assert.equal(result.version?.kind, 'matched');
    assert.equal(result.build, lastFrontendCommit());
    assert.ok(steps.includes(`Deployed. Checking that Frontend production reports the build of ${draft.imageTag} (commit ${lastFrontendCommit().slice(0, 7)})…`), steps.join('\n'));
  });

  it('after publishing the frontend, the deck shows its staging and production running the same build, in sync', async () => {
    const { draft, profile } = await publishFrontend();
    const snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    const words = `Runs the build of ${draft.imageTag} (commit ${lastFrontendCommit().slice(0, 7)}), the newest published release.`;
    for (const id of ['staging', 'production']) {
      const environment = findEnvironment(snapshot, 'frontend', id)?.environment;
      assert.equal(environment?.running?.sha, lastFrontendCommit(), `${id} runs the frontend's last commit`);
      assert.equal(environment.state, 'inSync', `${id}: ${environment.stateDetail}`);
      assert.equal(environment.behindBy, undefined);
      assert.equal(environment.aheadBy, undefined);
      assert.equal(environment.stateDetail, words);
    }
  });

  it('the release notes of the published frontend release show its build beside the git tag\'s commit (inferred)', async () => {
    const { draft, profile } = await publishFrontend();
    const after = await deck('frontend');
    const released = after.app.releases.find((release) => release.gitTag === draft.gitTag);
    assert.ok(released);
    const view = await loadReleaseNotes(harness.client, profile, after.app, released.id, false, 'https://github.com');
    assert.equal(view.draft, false);
    assert.equal(view.target, head, 'the Commit row: the git tag\'s commit, main\'s head when it was published');
    assert.equal(view.build, `${lastFrontendCommit().slice(0, 7)} (inferred)`, 'the Build row: the frontend\'s last commit, inferred from its folders');
  });

  it('deploying a release whose git tag names a commit of another app: the check expects its build', async () => {
    const { draft, profile } = await publishFrontend();
    // Deploy the published release again: a deployment, verified on its own.
    const after = await deck('frontend');
    const target = resolveDeployTarget(after.app, draft.imageTag);
    assert.ok(target.ok);
    const result = await deployAndFollow(
      harness.client,
      { app: after.app, environment: after.production, target: target.value, reason: 'test', webUrl: 'https://github.com', profilePath: 'apps[1].environments[1]', monorepo: profile.monorepo },
      () => undefined,
      () => undefined,
      moving(),
    );
    assert.equal(result.problem, undefined, result.problem);
    assert.equal(result.version?.kind, 'matched');
    assert.equal(result.build, lastFrontendCommit());
  });

  it('publishing the frontend while CI had not built its newest commit: verified against the older build it runs, and the deck never says behind', async () => {
    await harness.simulator.close();
    // The frontend's newest commit was merged but no run built its image (CI failed or still runs): `latest` is older.
    const world = openverseWorld();
    const monorepo = world.repos[0];
    assert.ok(monorepo);
    const unbuilt = fakeSha('frontend-unbuilt');
    monorepo.commits.push({ sha: unbuilt, message: 'Lazy thumbnails (#5211)', author: 'obulat', date: '2026-11-26T07:00:00Z', files: [{ filename: 'frontend/src/components/Thumbnail.vue' }] });
    monorepo.commits.push({ sha: head, message: 'Document the release process (#5130)', author: 'obulat', date: '2026-11-26T08:00:00Z', files: [{ filename: 'documentation/meta/release.md' }] });
    const latest = world.images['frontend']?.['latest'];
    assert.ok(latest !== undefined && latest !== unbuilt);
    harness = await startHarness({ world });
    const { app, production, profile } = await deck('frontend');
    const draft = app.draft;
    assert.ok(draft);
    assert.notEqual(production.running?.sha, latest, 'production ran another build before');
    const result = await publishAndFollow(harness.client, { profile, app: app.app, draft, deployedEnvironment: production }, () => undefined, moving());
    assert.equal(result.problem, undefined, result.problem);
    assert.equal(result.build, latest, 'the build production runs');
    assert.match(result.buildNote ?? '', new RegExp(`^${draft.imageTag.replace(/\./g, '\\.')} is the build of commit ${latest.slice(0, 7)}, not of ${unbuilt.slice(0, 7)}: when ${draft.imageTag.replace(/\./g, '\\.')} was tagged, no workflow run of the push of commit ${unbuilt.slice(0, 7)} was found`));
    const after = (await deck('frontend')).production;
    assert.notEqual(after.state, 'behind', after.stateDetail);
    assert.match(after.stateDetail, /which one cannot be told from the commits/);
  });
});
