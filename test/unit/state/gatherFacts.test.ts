import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { VersionFact } from '../../../src/domain/facts';
import { validateProfile } from '../../../src/domain/profileValidation';
import { gatherFacts, MAX_CONCURRENT_PROBES } from '../../../src/state/gatherFacts';
import { SYNTHETIC_TOKEN, syntheticProfileDocument, syntheticWorld } from '../../simulator/syntheticWorld';
import { DEMO_LOGIN, INFRA } from '../../simulator/openverseWorld';
import { simulatedProfileDocument } from '../../simulator/simulatedProfile';
import { findEnvironment } from '../../../src/domain/snapshot';
import { addFault, startHarness, type Harness } from '../github/helpers';
import { GERMAN } from '../l10n/german';

describe('gathering the facts of a large profile', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.simulator.close();
  });

  it(`asks at most ${MAX_CONCURRENT_PROBES} /version endpoints at once, and every one of them`, async () => {
    const apps = 150;
    harness = await startHarness({ world: syntheticWorld(apps, 3), client: { token: SYNTHETIC_TOKEN } });
    const validation = validateProfile(syntheticProfileDocument(apps, 3, harness.simulator.url));
    assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.problems.slice(0, 3)));
    let inFlight = 0;
    let most = 0;
    const asked = new Set<string>();
    const probe = async (url: string): Promise<VersionFact> => {
      asked.add(url);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { kind: 'unreachable', reason: 'not asked in this test' };
    };
    const facts = await gatherFacts(harness.client, validation.profile, { probe });
    assert.equal(asked.size, apps * 3);
    assert.equal(Object.keys(facts.versions).length, apps * 3);
    assert.ok(most <= MAX_CONCURRENT_PROBES, `${most} at once`);
    assert.ok(most >= Math.min(MAX_CONCURRENT_PROBES, apps * 3) / 2, `still in parallel: ${most} at once`);
  });

  const unreachable = (): Promise<VersionFact> => Promise.resolve({ kind: 'unreachable', reason: 'not asked in this test' });

  it('keeps every deployment in view in a busy repository, where other runs outnumber deployments 100 to 1', async () => {
    harness = await startHarness({ world: syntheticWorld(5, 2, { otherRunsPerDeployment: 100 }), client: { token: SYNTHETIC_TOKEN } });
    const validation = validateProfile(syntheticProfileDocument(5, 2, harness.simulator.url));
    assert.ok(validation.ok);
    const deck = buildDeck(validation.profile, await gatherFacts(harness.client, validation.profile, { probe: unreachable }));
    const environments = deck.apps.flatMap((app) => app.environments);
    assert.equal(environments.length, 10);
    for (const environment of environments) {
      assert.deepEqual(environment.history.map((record) => record.imageTag), ['rel-2026.10.03.10.00.00', 'rel-2026.10.02.10.00.00'], `${environment.appId} ${environment.environment.id}: both deployments in view`);
    }
    console.log(`      (busy repository, 5 × 2: ${harness.simulator.stats.requests} GitHub requests)`);
  });

  it('keeps in view the deployments of a workflow started by push when the profile names that event (runEvents)', async () => {
    const world = syntheticWorld(2, 2);
    const infra = world.repos[1];
    assert.ok(infra);
    // The first app's production deployment workflow runs on every merge (`on: push`), not on a dispatch.
    const pushed = '.github/workflows/deploy-production-app000.yml';
    infra.runs.forEach((run, index) => {
      if (run.workflowPath === pushed) {
        infra.runs[index] = { ...run, event: 'push' };
      }
    });
    assert.ok(infra.runs.some((run) => run.workflowPath === pushed && run.event === 'push'), 'the world has push-started deployments');
    harness = await startHarness({ world, client: { token: SYNTHETIC_TOKEN } });
    const document = syntheticProfileDocument(2, 2, harness.simulator.url);
    const history = async (runEvents?: string[]): Promise<number | undefined> => {
      const validation = validateProfile({
        ...document,
        apps: document.apps.map((app) => ({ ...app, environments: app.environments.map((environment) => (environment.deploy.kind === 'workflow' && environment.deploy.workflow === 'deploy-production-app000.yml' && runEvents !== undefined ? { ...environment, deploy: { ...environment.deploy, runEvents } } : environment)) })),
      });
      assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.problems));
      const deck = buildDeck(validation.profile, await gatherFacts(harness!.client, validation.profile, { probe: unreachable }));
      return deck.apps[0]?.environments.find((environment) => environment.environment.id === 'production')?.history.length;
    };
    assert.equal(await history(), 0, 'by default only dispatch-started runs are listed');
    assert.equal(await history(['push']), 2, 'both push-started deployments in view');
  });

  it('reads the monorepo\'s default branch as GitHub reports it, not "main"', async () => {
    harness = await startHarness({ world: syntheticWorld(3, 2, { defaultBranch: 'trunk' }), client: { token: SYNTHETIC_TOKEN } });
    const validation = validateProfile(syntheticProfileDocument(3, 2, harness.simulator.url));
    assert.ok(validation.ok);
    const facts = await gatherFacts(harness.client, validation.profile, { probe: unreachable });
    const monorepo = harness.simulator.world.repos[0];
    assert.equal(facts.mainCommits[0]?.sha, monorepo?.commits[monorepo.commits.length - 1]?.sha, 'the newest commit of trunk');
  });

  it('sends as many requests per refresh for 50 apps as for 5 with runTitle {commitTitle}, registry and recordedIn on, after the first', async () => {
    const refreshes = async (apps: number): Promise<{ first: number; second: number; third: number; deck: ReturnType<typeof buildDeck> }> => {
      harness = await startHarness({ world: syntheticWorld(apps, 3, { profileOptions: true }), client: { token: SYNTHETIC_TOKEN } });
      const validation = validateProfile(syntheticProfileDocument(apps, 3, harness.simulator.url, { profileOptions: true }));
      assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.problems.slice(0, 3)));
      const counts: number[] = [];
      let facts = await gatherFacts(harness.client, validation.profile, { probe: unreachable });
      counts.push(harness.simulator.stats.requests);
      for (let refresh = 0; refresh < 2; refresh += 1) {
        harness.simulator.stats.requests = 0;
        harness.simulator.stats.rateLimitUnits = 0;
        facts = await gatherFacts(harness.client, validation.profile, { probe: unreachable });
        counts.push(harness.simulator.stats.requests);
      }
      assert.equal(harness.simulator.stats.rateLimitUnits, 0, `${apps} apps: an unchanged refresh is free`);
      const deck = buildDeck(validation.profile, facts);
      await harness.simulator.close();
      harness = undefined;
      return { first: counts[0] ?? 0, second: counts[1] ?? 0, third: counts[2] ?? 0, deck };
    };
    const few = await refreshes(5);
    const many = await refreshes(50);
    console.log(`      (5 apps: ${few.first} then ${few.second}, ${few.third}; 50 apps: ${many.first} then ${many.second}, ${many.third})`);
    assert.equal(many.second, few.second, 'a refresh after the first');
    assert.equal(many.third, few.third, 'and the one after');
    // What the options are for is still read: staging from its message titles, the builds from the registry, the records.
    for (const deck of [few.deck, many.deck]) {
      for (const app of deck.apps) {
        const [staging, , preview] = app.environments;
        assert.match(staging?.history[0]?.imageTag ?? '', /^[0-9a-f]{40}$/, `${app.app.id}: staging's title mapped to its commit`);
        assert.equal(app.releases[0]?.buildFrom, 'registry', `${app.app.id}: the build read from the registry`);
        assert.deepEqual([preview?.running?.source, preview?.running?.imageTag], ['recorded', 'rel-2026.10.03.10.00.00'], `${app.app.id}: the recorded version`);
      }
    }
  });

  it('lists a container package again only when a release tag appears, and reads a commit\'s files only when a run is newly titled with it', async () => {
    harness = await startHarness({ world: syntheticWorld(5, 3, { profileOptions: true }), client: { token: SYNTHETIC_TOKEN } });
    const world = harness.simulator.world;
    const validation = validateProfile(syntheticProfileDocument(5, 3, harness.simulator.url, { profileOptions: true }));
    assert.ok(validation.ok);
    const profile = validation.profile;
    const refresh = async (): Promise<{ deck: ReturnType<typeof buildDeck>; asked: string[] }> => {
      harness!.simulator.resetStats();
      const deck = buildDeck(profile, await gatherFacts(harness!.client, profile, { probe: unreachable }));
      return { deck, asked: harness!.simulator.stats.log.filter((entry) => entry.status !== 304).map((entry) => entry.path) };
    };
    await refresh();
    assert.deepEqual((await refresh()).asked, [], 'nothing new: nothing but 304s');

    // A new release of app000 is published and its image tagged; CI deploys app002's staging for a new push.
    const [monorepo, infra] = world.repos;
    const pushed = monorepo?.commits[102];
    assert.ok(monorepo !== undefined && infra !== undefined && pushed !== undefined);
    monorepo.releases.push({ id: 9001, tagName: 'app000-2026.10.06.10.00.00', name: 'app000-2026.10.06.10.00.00', draft: false, prerelease: false, body: '- Newer (#3) by @bench', targetCommitish: 'main', createdAt: '2026-10-06T10:00:00Z', publishedAt: '2026-10-06T10:00:00Z', author: 'bench' });
    monorepo.tags.push({ name: 'app000-2026.10.06.10.00.00', sha: pushed.sha });
    (world.images['app000'] ??= {})['rel-2026.10.06.10.00.00'] = pushed.sha;
    infra.runs.push({ id: 9002, workflowPath: '.github/workflows/deploy-staging-app002.yml', event: 'repository_dispatch', displayTitle: pushed.message, createdAt: '2026-11-01T00:00:00Z', actor: 'bench', headBranch: 'main', headSha: infra.commits[0]?.sha ?? '', outcome: 'success', queuedSeconds: 1, runningSeconds: 1, effectsApplied: true });
    // Any write makes the simulator drop the answers it kept (the world was changed behind its back).
    await fetch(`${harness.simulator.url}/_admin/faults`, { method: 'DELETE' });

    const { deck, asked } = await refresh();
    assert.deepEqual(
      asked.filter((path) => path.includes('/packages/') || /\/commits\/[0-9a-f]{40}$/.test(path)),
      ['/orgs/bench/packages/container/openverse-app000/versions?per_page=100', `/repos/bench/monorepo/commits/${pushed.sha}`].sort((a, b) => asked.indexOf(a) - asked.indexOf(b)),
      'one package listing (the app with a new tag) and one commit (the new title)',
    );
    const app000 = deck.apps.find((app) => app.app.id === 'app000');
    assert.deepEqual([app000?.releases[0]?.imageTag, app000?.releases[0]?.buildSha, app000?.releases[0]?.buildFrom], ['rel-2026.10.06.10.00.00', pushed.sha, 'registry']);
    const staging = deck.apps.find((app) => app.app.id === 'app002')?.environments[0];
    assert.equal(staging?.history[0]?.imageTag, pushed.sha, 'the new staging run names the commit that changed app002');
    assert.deepEqual((await refresh()).asked, [], 'and then nothing new again');
  });

  it('asks for the files of the commits staging runs are titled with while slower answers of the first round still come (a round trip less)', async () => {
    harness = await startHarness({ world: syntheticWorld(5, 3, { profileOptions: true }), client: { token: SYNTHETIC_TOKEN } });
    const simulator = harness.simulator;
    const validation = validateProfile(syntheticProfileDocument(5, 3, simulator.url, { profileOptions: true }));
    assert.ok(validation.ok);
    const commitReads = (): number => simulator.stats.log.filter((entry) => /\/commits\/[0-9a-f]{40}$/.test(entry.path)).length;
    // The /version endpoints answer only once a titled commit has been asked for (or, if it never is, after 3 s).
    let waitedInVain = 0;
    const probe = async (): Promise<VersionFact> => {
      const started = Date.now();
      while (commitReads() === 0 && Date.now() - started < 3000) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      waitedInVain += commitReads() === 0 ? 1 : 0;
      return { kind: 'unreachable', reason: 'not asked in this test' };
    };
    const facts = await gatherFacts(harness.client, validation.profile, { probe });
    assert.equal(waitedInVain, 0, 'the titled commits were asked for before the /version answers came');
    assert.ok(Object.keys(facts.commitFiles ?? {}).length > 0, 'and their files are in the facts');
  });

  it('says in German why the files of a commit a staging run is titled with could not be read, and in English in the log', async () => {
    harness = await startHarness({ world: syntheticWorld(5, 3, { profileOptions: true }), client: { token: SYNTHETIC_TOKEN } });
    const validation = validateProfile(syntheticProfileDocument(5, 3, harness.simulator.url, { profileOptions: true }));
    assert.ok(validation.ok);
    await addFault(harness.simulator, { path: '/commits/[0-9a-f]{40}$', kind: 'status', status: 500, count: 50 });
    const logged: string[] = [];
    const facts = await gatherFacts(harness.client, validation.profile, { probe: unreachable, language: GERMAN, onProblem: (message) => logged.push(message) });
    assert.match(facts.commitFilesProblem ?? '', /^GitHub antwortete 500 \(ein Serverfehler\) beim Versuch, /);
    assert.ok(logged.some((message) => /^Which apps the commits named by deployment run titles changed could not be read: GitHub answered 500 \(a server error\) while trying to /.test(message)), logged.join('\n'));
    assert.ok(logged.every((message) => !message.includes('antwortete')), 'the log stays English');
  });

  it('reads whom a deployment waits for only while a run waits for review, conditionally (review)', async () => {
    harness = await startHarness();
    const simulator = harness.simulator;
    const validation = validateProfile(simulatedProfileDocument(simulator.url));
    assert.ok(validation.ok);
    const profile = validation.profile;
    const pendingRequests = (): number => simulator.stats.log.filter((entry) => entry.path.endsWith('/pending_deployments')).length;
    await gatherFacts(harness.client, profile, { probe: unreachable });
    assert.equal(pendingRequests(), 0, 'no run waits: no request');
    const admin = async (path: string, body: unknown): Promise<{ id: number }> => (await (await fetch(`${simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: number };
    await admin('protect-environment', { repo: INFRA, environment: 'production', reviewers: [{ type: 'User', login: DEMO_LOGIN }] });
    const { id } = await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    simulator.advance(4);
    const facts = await gatherFacts(harness.client, profile, { probe: unreachable });
    assert.equal(pendingRequests(), 1);
    assert.equal(facts.pendingDeployments?.[id]?.[0]?.currentUserCanApprove, true);
    const production = findEnvironment(buildDeck(profile, facts), 'api', 'production')?.environment;
    assert.equal(production?.state, 'awaitingReview');
    assert.match(production?.stateDetail ?? '', /by colleague is waiting for review by octo-maintainer/);
    simulator.resetStats();
    await gatherFacts(harness.client, profile, { probe: unreachable });
    assert.equal(simulator.stats.rateLimitUnits, 0, 'unchanged: every answer a free 304');
  });

  it('a waiting run whose reviewers cannot be read (403) still reads as waiting, never queued, and says why (review)', async () => {
    harness = await startHarness();
    const simulator = harness.simulator;
    const validation = validateProfile(simulatedProfileDocument(simulator.url));
    assert.ok(validation.ok);
    const profile = validation.profile;
    const admin = async (path: string, body: unknown): Promise<{ id: number }> => (await (await fetch(`${simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: number };
    await admin('protect-environment', { repo: INFRA, environment: 'production', reviewers: [{ type: 'User', login: DEMO_LOGIN }] });
    await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    simulator.advance(4);
    await addFault(simulator, { path: '/pending_deployments$', kind: 'status', status: 403, count: 5 });
    const facts = await gatherFacts(harness.client, profile, { probe: unreachable });
    const production = findEnvironment(buildDeck(profile, facts), 'api', 'production')?.environment;
    assert.equal(production?.state, 'awaitingReview');
    assert.match(production?.stateDetail ?? '', /waiting for review or a protection rule; who may review could not be read: .*403/);
    assert.doesNotMatch(production?.stateDetail ?? '', /queued/);
  });

  it('says in German why the reviewers of a waiting run could not be read when the connection was reset (review)', async () => {
    harness = await startHarness();
    const simulator = harness.simulator;
    const validation = validateProfile(simulatedProfileDocument(simulator.url));
    assert.ok(validation.ok);
    const profile = validation.profile;
    const admin = async (path: string, body: unknown): Promise<void> => {
      await fetch(`${simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    };
    await admin('protect-environment', { repo: INFRA, environment: 'production', reviewers: [{ type: 'User', login: DEMO_LOGIN }] });
    await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    simulator.advance(4);
    await addFault(simulator, { path: '/pending_deployments$', kind: 'reset', count: 20 });
    const facts = await gatherFacts(harness.client, profile, { probe: unreachable, language: GERMAN });
    const production = findEnvironment(buildDeck(profile, facts, GERMAN.l10n, GERMAN.locale), 'api', 'production')?.environment;
    assert.equal(production?.state, 'awaitingReview');
    assert.match(production?.stateDetail ?? '', /: sie konnten nicht gelesen werden \(GitHub war nicht erreichbar/);
    assert.doesNotMatch(production?.stateDetail ?? '', /could not be read|network/);
  });
});
