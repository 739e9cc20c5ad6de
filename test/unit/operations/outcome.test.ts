import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { findEnvironment, type AppDeck, type EnvironmentDeck } from '../../../src/domain/snapshot';
import { resolveDeployTarget } from '../../../src/domain/deployPlan';
import { deployAndFollow, type DeployResult } from '../../../src/operations/deploy';
import { publishAndFollow, PublishNotDone } from '../../../src/operations/publish';
import { lookForDispatchedRun, lookForPublishedRelease, lookForRunAction, lostAnswer, outcomeUnclear } from '../../../src/operations/outcome';
import { cancelWorkflowRun, rerunFailedJobs } from '../../../src/github/runControl';
import { gitHubErrorFor, isGitHubError } from '../../../src/github/errors';
import { GitHubClient } from '../../../src/github/client';
import { dispatchWorkflow, listWorkflowRuns } from '../../../src/github/workflows';
import { baselineOf } from '../../../src/domain/dispatchedRun';
import { DEFAULT_IMAGE_SCHEME } from '../../../src/domain/tagScheme';
import { dateTime } from '../../../src/domain/words';
import { GERMAN } from '../l10n/german';
import { createServer } from 'node:net';
import { gatherFacts } from '../../../src/state/gatherFacts';
import { settlePublishOutcome } from '../../../src/operations/settlePublish';
import { FINE_GRAINED_TOKEN, INFRA, MONOREPO } from '../../simulator/openverseWorld';
import { addFault, startHarness, type Harness } from '../github/helpers';
import { simulatedProfile } from '../github/process.test';

/** A port nothing listens on (opened, then closed): connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

/**
 * A dispatch or a publish whose answer is lost (GitHub applied it, the answer never came) is reported
 * as what happened, after looking: never "nothing was started" when a run started.
 */
describe('actions whose answer is lost', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ client: { timeoutMs: 500 } });
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  async function deck(appId: string, environmentId: string): Promise<{ app: AppDeck; environment: EnvironmentDeck; profile: ReturnType<typeof simulatedProfile> }> {
    const profile = simulatedProfile(harness.simulator);
    const snapshot = buildDeck(profile, await gatherFacts(harness.client, profile));
    const found = findEnvironment(snapshot, appId, environmentId);
    assert.ok(found);
    return { ...found, profile };
  }

  /** Follows with the simulator's clock moving 5 s per poll, as GitHub's runs would in real time. */
  const moving = () => ({
    intervalMs: 1,
    sleep: () => {
      harness.simulator.advance(5);
      return Promise.resolve();
    },
  });

  const runsOf = (workflow: string): number => harness.simulator.world.repos[1]!.runs.filter((run) => run.workflowPath.endsWith(workflow)).length;

  async function deployStaging(tag = 'rel-2026.11.12.14.05.33', language?: typeof GERMAN): Promise<DeployResult> {
    const { app, environment } = await deck('api', 'staging');
    const target = resolveDeployTarget(app, tag);
    assert.ok(target.ok);
    return deployAndFollow(harness.client, { app, environment, target: target.value, reason: 'test', webUrl: 'https://github.com', profilePath: 'apps[0].environments[0]', ...(language !== undefined ? { language } : {}) }, () => undefined, () => undefined, moving());
  }

  for (const kind of ['applyThenTimeout', 'applyThenReset', 'applyThen502']) {
    it(`a dispatch applied but answered with ${kind}: the run it started is found and followed, and none is started twice`, async () => {
      const before = runsOf('deploy-staging-api.yml');
      await addFault(harness.simulator, { path: '/dispatches$', method: 'POST', kind, count: 1 });
      const result = await deployStaging();
      assert.equal(result.nothingStarted, false);
      assert.equal(result.problem, undefined, result.problem);
      assert.equal(result.run?.conclusion, 'success');
      assert.match(result.run?.displayTitle ?? '', /\(rel-2026\.11\.12\.14\.05\.33\)$/);
      assert.equal(runsOf('deploy-staging-api.yml'), before + 1, 'exactly one run');
      assert.equal(harness.client.stats.retries, 0);
    });
  }

  it('a dispatch GitHub accepted whose run appears only after Release Deck looked: unknown, with the runs page, never "try again"', async () => {
    const runsPage = `https://github.com/${INFRA}/actions/workflows/deploy-staging-api.yml`;
    await addFault(harness.simulator, { path: '/dispatches$', method: 'POST', kind: 'applyLateThenTimeout', lateSeconds: 60, count: 1 });
    const result = await deployStaging();
    assert.equal(result.nothingStarted, false, result.problem);
    assert.equal(result.unknownOutcome?.checkUrl, runsPage);
    assert.match(result.problem ?? '', /^GitHub did not answer in time while trying to dispatch deploy-staging-api\.yml in WordPress\/openverse-infrastructure, and no run of deploy-staging-api\.yml for rel-2026\.11\.12\.14\.05\.33 on main has appeared since \d{1,2}:\d\d:\d\d(?: [AP]M)?: whether GitHub started one is unknown \(it can create a run a while after accepting a dispatch\)\. Check the workflow's runs on GitHub before deploying API staging again \(https:\/\/github\.com\/WordPress\/openverse-infrastructure\/actions\/workflows\/deploy-staging-api\.yml\)\./);
    assert.doesNotMatch(result.problem ?? '', /nothing was started|try again/);
    assert.equal(result.englishProblem, result.problem, 'in English, the log\'s words are the person\'s');
    // And GitHub did start it: a second deployment now would have deployed twice.
    harness.simulator.advance(60);
    const runs = await listWorkflowRuns(harness.client, INFRA, 'deploy-staging-api.yml');
    assert.equal(runs[0]?.displayTitle, 'test (rel-2026.11.12.14.05.33)', 'the reason, naming the tag, sent as the run name the workflow file declares');
  });

  it('a dispatch whose connection was reset: a reset can come after GitHub applied it, so no run found is unknown, not "nothing was started"', async () => {
    const before = runsOf('deploy-staging-api.yml');
    await addFault(harness.simulator, { path: '/dispatches$', method: 'POST', kind: 'reset', count: 1 });
    const result = await deployStaging();
    assert.equal(result.nothingStarted, false);
    assert.equal(result.unknownOutcome?.checkUrl, `https://github.com/${INFRA}/actions/workflows/deploy-staging-api.yml`);
    assert.match(result.problem ?? '', /^the connection to GitHub failed before its answer came while trying to dispatch deploy-staging-api\.yml .*no run of deploy-staging-api\.yml for rel-2026\.11\.12\.14\.05\.33 on main has appeared since \d{1,2}:\d\d:\d\d(?: [AP]M)?: whether GitHub started one is unknown/);
    assert.equal(runsOf('deploy-staging-api.yml'), before);
  });

  it('a lost dispatch answer in the person\'s language: German for them, English for the log, every part of it', async () => {
    await addFault(harness.simulator, { path: '/dispatches$', method: 'POST', kind: 'applyLateThenTimeout', lateSeconds: 60, count: 1 });
    const result = await deployStaging('rel-2026.11.12.14.05.33', GERMAN);
    assert.equal(result.unknownOutcome?.checkUrl, `https://github.com/${INFRA}/actions/workflows/deploy-staging-api.yml`);
    assert.doesNotMatch(result.problem ?? '', /no run of|while trying|Check the workflow/, `German throughout: ${result.problem ?? ''}`);
    assert.match(result.englishProblem ?? '', /^GitHub did not answer in time while trying to dispatch deploy-staging-api\.yml in WordPress\/openverse-infrastructure, and no run of deploy-staging-api\.yml for rel-2026\.11\.12\.14\.05\.33 on main has appeared since .*Check the workflow's runs on GitHub before deploying API staging again/);
  });

  it('a dispatch whose connection could not be opened never reached GitHub: "nothing was started", without asking GitHub', async () => {
    const closed = await closedPort();
    const offline = await GitHubClient.create({ apiUrl: `http://127.0.0.1:${closed}`, token: 'x', timeoutMs: 500, sleep: () => Promise.resolve() });
    const error = await dispatchWorkflow(offline, { repo: INFRA, workflow: 'deploy-staging-api.yml', ref: 'main', inputs: { tag: 'rel-2026.11.12.14.05.33' }, profileField: 'apps[0].environments[0].deploy.workflow' }).then(() => undefined, (failure: unknown) => failure);
    assert.ok(isGitHubError(error) && error.kind === 'network', String(error));
    assert.equal(outcomeUnclear(error), true);
    const requests = harness.simulator.stats.requests;
    const outcome = await lookForDispatchedRun(harness.client, { repo: INFRA, workflow: 'deploy-staging-api.yml', ref: 'main', imageTag: 'rel-2026.11.12.14.05.33', scheme: DEFAULT_IMAGE_SCHEME, baseline: baselineOf([]), askedAt: new Date(), runsPage: 'https://github.com/x', profileField: 'f' }, error, moving());
    assert.deepEqual(outcome.kind === 'notDone' ? [outcome.evidence, outcome.said?.(GERMAN)] : outcome, ['ECONNREFUSED: the request never reached GitHub', 'ECONNREFUSED: Die Anfrage hat GitHub nie erreicht']);
    assert.equal(harness.simulator.stats.requests, requests, 'GitHub was not asked');
  });

  it('a dispatch whose runs cannot be read afterwards: the outcome is unknown, with the page to check', async () => {
    await addFault(harness.simulator, { path: '/dispatches$', method: 'POST', kind: 'applyThen502', count: 1 });
    const { app, environment } = await deck('api', 'staging');
    const target = resolveDeployTarget(app, 'rel-2026.11.12.14.05.33');
    assert.ok(target.ok);
    const result = await deployAndFollow(harness.client, { app, environment, target: target.value, reason: 'test', webUrl: 'https://github.com', profilePath: 'apps[0].environments[0]' }, (step) => {
      if (step.startsWith('Dispatching')) {
        // From the dispatch on, GitHub fails to list the workflow's runs.
        harness.simulator.faults.push({ path: '/deploy-staging-api\\.yml/runs$', method: 'GET', kind: 'status', status: 503, remaining: 1000 });
      }
    }, () => undefined, moving());
    assert.equal(result.nothingStarted, false);
    assert.equal(result.unknownOutcome?.checkUrl, `https://github.com/${INFRA}/actions/workflows/deploy-staging-api.yml`);
    assert.match(result.problem ?? '', /GitHub answered 502 \(a server error\) while trying to dispatch deploy-staging-api\.yml .*cannot be told: its runs could not be read.*Check the workflow's runs on GitHub before deploying API staging again/);
  });

  it('refuses to deploy while someone else\'s run of the workflow is in progress, naming who and when', async () => {
    const response = await fetch(`${harness.simulator.url}/repos/${INFRA}/actions/workflows/deploy-staging-api.yml/dispatches`, {
      method: 'POST',
      headers: { authorization: `token ${FINE_GRAINED_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'main', inputs: { tag: 'rel-2026.10.15.09.30.00', run_name: 'Manual deployment (rel-2026.10.15.09.30.00)' } }),
    });
    assert.equal(response.status, 204);
    const before = runsOf('deploy-staging-api.yml');
    const result = await deployStaging();
    assert.equal(result.nothingStarted, true);
    assert.match(result.problem ?? '', /^API staging is busy: "Manual deployment \(rel-2026\.10\.15\.09\.30\.00\)" is queued on GitHub, started by fine-grained-maintainer at [^"]+\. Nothing was sent/);
    assert.ok(result.problem?.includes(` at ${dateTime('2026-11-26T09:00:00Z')}. `), 'when, as the person reads dates');
    assert.equal(runsOf('deploy-staging-api.yml'), before, 'no second run');
  });

  /** A colleague published an API release a moment ago: the release workflow is still tagging, and will dispatch the production deployment next. */
  function colleagueStillTagging(): void {
    harness.simulator.world.repos[0]!.runs.push({ id: 99_998, workflowPath: '.github/workflows/tag_docker_image_and_trigger_deployment.yml', event: 'release', displayTitle: 'api-2026.11.26.08.55.00', createdAt: harness.simulator.now().toISOString().replace(/\.\d{3}Z$/, 'Z'), actor: 'colleague', headBranch: 'api-2026.11.26.08.55.00', headSha: 'c'.repeat(40), outcome: 'success', queuedSeconds: 0, runningSeconds: 600, effectsApplied: true });
  }

  it('refuses to deploy an environment deployed on publish while a colleague\'s publish of the app is still tagging, though the deck never showed it', async () => {
    const { app, environment, profile } = await deck('api', 'production');
    colleagueStillTagging();
    const target = resolveDeployTarget(app, 'rel-2026.11.12.14.05.33');
    assert.ok(target.ok);
    const before = runsOf('deploy-production-api.yml');
    const result = await deployAndFollow(harness.client, { app, environment, target: target.value, reason: 'test', webUrl: 'https://github.com', profilePath: 'apps[0].environments[1]', releaseWorkflow: { repo: profile.monorepo, workflow: profile.releaseWorkflow ?? '' } }, () => undefined, () => undefined, moving());
    assert.equal(result.nothingStarted, true);
    assert.match(result.problem ?? '', /^API production is busy: "api-2026\.11\.26\.08\.55\.00" is in progress on GitHub, started by colleague at [^"]+\. Nothing was sent/);
    assert.equal(runsOf('deploy-production-api.yml'), before, 'nothing dispatched');
  });

  it('refuses a deployment and a publish while a colleague\'s publish is tagging in the person\'s language, with the run to open', async () => {
    const { app, environment, profile } = await deck('api', 'production');
    colleagueStillTagging();
    const target = resolveDeployTarget(app, 'rel-2026.11.12.14.05.33');
    assert.ok(target.ok);
    const result = await deployAndFollow(harness.client, { app, environment, target: target.value, reason: 'test', webUrl: 'https://github.com', profilePath: 'apps[0].environments[1]', releaseWorkflow: { repo: profile.monorepo, workflow: profile.releaseWorkflow ?? '' }, language: GERMAN }, () => undefined, () => undefined, moving());
    assert.match(result.problem ?? '', /^API production ist belegt: Die Ausführung „api-2026\.11\.26\.08\.55\.00“ auf GitHub \(in Arbeit\) wurde von colleague am \d\d\.\d\d\.\d{4}, \d\d:\d\d gestartet\. Es wurde nichts gesendet: Warten Sie, bis diese Ausführung abgeschlossen ist, dann stellen Sie erneut bereit\.$/);
    assert.match(result.englishProblem ?? '', /^API production is busy: "api-2026\.11\.26\.08\.55\.00" is in progress on GitHub, started by colleague at [^"]+\. Nothing was sent/, 'the log stays English');
    const draft = app.draft;
    assert.ok(draft);
    await assert.rejects(publishAndFollow(harness.client, { profile, app: app.app, draft, deployedEnvironment: environment, language: GERMAN }, () => undefined, moving()), (error: unknown) => {
      assert.ok(error instanceof PublishNotDone);
      assert.match(error.said(GERMAN), /^API production ist belegt: .* dann veröffentlichen Sie erneut\.$/);
      assert.match(error.message, /^API production is busy: .* then publish again\.$/, 'the log stays English');
      assert.equal(error.link?.kind, 'run');
      return true;
    });
  });

  it('refuses to publish while a colleague\'s publish of the same app is still tagging (it deploys production next)', async () => {
    const { app, profile } = await deck('api', 'production');
    const production = app.environments.find((environment) => environment.environment.deployedOnPublish);
    const draft = app.draft;
    assert.ok(draft && production);
    colleagueStillTagging();
    await assert.rejects(publishAndFollow(harness.client, { profile, app: app.app, draft, deployedEnvironment: production }, () => undefined, moving()), (error: unknown) => {
      assert.ok(error instanceof PublishNotDone);
      assert.match(error.message, /^API production is busy: "api-2026\.11\.26\.08\.55\.00" is in progress on GitHub, started by colleague/);
      return true;
    });
    assert.equal(harness.simulator.world.repos[0]!.releases.find((release) => release.id === draft.id)?.draft, true, 'not published');
  });

  it('a publish applied but timed out: reported published after reading the release again, and followed', async () => {
    const { app, profile } = await deck('api', 'production');
    const production = app.environments.find((environment) => environment.environment.deployedOnPublish);
    const draft = app.draft;
    assert.ok(draft);
    await addFault(harness.simulator, { path: '/releases/\\d+$', method: 'PATCH', kind: 'applyThenTimeout', count: 1 });
    const steps: string[] = [];
    const result = await publishAndFollow(harness.client, { profile, app: app.app, draft, ...(production !== undefined ? { deployedEnvironment: production } : {}) }, (step) => steps.push(step), moving());
    assert.equal(result.published.draft, false);
    assert.equal(result.published.tagName, draft.gitTag);
    assert.equal(result.problem, undefined, result.problem);
    assert.equal(result.deployRun?.conclusion, 'success');
    assert.ok(steps.some((step) => /GitHub did not answer in time while trying to publish api-2026\.11\.25\.18\.00\.00, but GitHub published it/.test(step)), steps.join('\n'));
  });

  it('a publish answered 502 while the release still shows a draft for about 30 s: unknown (GitHub may still apply it), with the time read, never "publish it again"', async () => {
    const { app, profile } = await deck('api', 'production');
    const draft = app.draft;
    assert.ok(draft);
    await addFault(harness.simulator, { path: '/releases/\\d+$', method: 'PATCH', kind: 'status', status: 502, count: 1 });
    const waits: number[] = [];
    const reads = (): number => harness.simulator.stats.log.filter((entry) => entry.method === 'GET' && /\/releases\/\d+$/.test(entry.path)).length;
    const readsBefore = reads();
    await assert.rejects(publishAndFollow(harness.client, { profile, app: app.app, draft }, () => undefined, { sleep: (ms) => { waits.push(ms); return Promise.resolve(); } }), (error: unknown) => {
      assert.ok(error instanceof PublishNotDone);
      assert.match(error.message, /^GitHub answered 502 \(a server error\) while trying to publish api-2026\.11\.25\.18\.00\.00, and whether it was published cannot be told: GitHub still showed api-2026\.11\.25\.18\.00\.00 as a draft when read at \d{1,2}:\d\d:\d\d(?: [AP]M)?, but a lost answer is no refusal: GitHub may still publish it\. Check the release on GitHub before publishing again \(https:\/\/github\.com\/WordPress\/openverse\/releases\/.+\)\.$/);
      assert.doesNotMatch(error.message, /publish it again|was not published/);
      assert.equal(error.link?.kind, 'release', 'the release page is offered: the publish stays guarded');
      return true;
    });
    assert.deepEqual(waits, [10_000, 10_000, 10_000], 'read four times over 30 s');
    assert.equal(reads() - readsBefore, 4);
  });

  it('a publish GitHub applies only after its answer was lost and the first read: published', async () => {
    const { app } = await deck('catalog', 'production');
    const draft = app.draft;
    assert.ok(draft);
    const release = harness.simulator.world.repos[0]!.releases.find((candidate) => candidate.id === draft.id);
    assert.ok(release);
    const lost = gitHubErrorFor('server', { action: 'publish' }, { status: 502 });
    const outcome = await lookForPublishedRelease(harness.client, MONOREPO, draft.id, { tagName: draft.gitTag, targetCommitish: draft.targetCommitish, releasePage: draft.htmlUrl }, lost, {
      sleep: () => {
        // GitHub finishes applying the publish while Release Deck waits.
        release.draft = false;
        release.publishedAt = harness.simulator.now().toISOString();
        harness.simulator.advance(1);
        return Promise.resolve();
      },
    });
    assert.equal(outcome.kind, 'done');
  });

  it('a publish whose connection could not be opened never reached GitHub: "not published, publish it again", without asking GitHub', async () => {
    const closed = await closedPort();
    const offline = await GitHubClient.create({ apiUrl: `http://127.0.0.1:${closed}`, token: 'x', timeoutMs: 500, sleep: () => Promise.resolve() });
    const { app, profile } = await deck('catalog', 'production');
    const draft = app.draft;
    assert.ok(draft);
    await assert.rejects(publishAndFollow(offline, { profile, app: app.app, draft }, () => undefined, moving()), (error: unknown) => {
      assert.ok(error instanceof PublishNotDone);
      assert.match(error.message, /^the connection to GitHub could not be opened while trying to publish catalog-.+ \(ECONNREFUSED: the request never reached GitHub\), so it was not published\. You can publish it again\.$/);
      return true;
    });
  });

  it('says a publish whose outcome is unknown in the person\'s language, the log\'s English kept apart', async () => {
    const { app, profile } = await deck('api', 'production');
    const draft = app.draft;
    assert.ok(draft);
    await addFault(harness.simulator, { path: '/releases/\\d+$', method: 'PATCH', kind: 'status', status: 502, count: 1 });
    const steps: string[] = [];
    await assert.rejects(publishAndFollow(harness.client, { profile, app: app.app, draft, language: GERMAN }, (step) => steps.push(step), moving()), (error: unknown) => {
      assert.ok(error instanceof PublishNotDone);
      assert.match(
        error.said(GERMAN),
        /^GitHub antwortete 502 \(ein Serverfehler\) beim Versuch, api-2026\.11\.25\.18\.00\.00 zu veröffentlichen, und ob es veröffentlicht wurde, lässt sich nicht sagen: GitHub zeigte api-2026\.11\.25\.18\.00\.00 beim Lesen um \d\d:\d\d:\d\d noch als Entwurf, doch eine verlorene Antwort ist keine Ablehnung: GitHub kann es noch veröffentlichen\. Prüfen Sie das Release auf GitHub, bevor Sie erneut veröffentlichen \(.+\)\.$/,
      );
      assert.match(error.message, /^GitHub answered 502 \(a server error\) while trying to publish /, 'the log stays English');
      return true;
    });
    assert.deepEqual(steps.slice(0, 2), ['api-2026.11.25.18.00.00 wird veröffentlicht…', 'GitHub antwortete 502 (ein Serverfehler) beim Versuch, api-2026.11.25.18.00.00 zu veröffentlichen. Das Release wird erneut gelesen…']);
  });

  it('follows the deployment a publish set off, never a colleague\'s run whose title only mentions the tag', async () => {
    const { app, profile } = await deck('api', 'production');
    const production = app.environments.find((environment) => environment.environment.deployedOnPublish);
    const draft = app.draft;
    assert.ok(draft && production);
    const infra = harness.simulator.world.repos[1]!;
    const result = await publishAndFollow(harness.client, { profile, app: app.app, draft, deployedEnvironment: production }, (step) => {
      if (step.startsWith('Image tagged')) {
        // A colleague's hotfix, newer than the deployment the publish set off, naming its tag in passing.
        infra.runs.push({ id: 99_999, workflowPath: '.github/workflows/deploy-production-api.yml', event: 'workflow_dispatch', displayTitle: `Hotfix after ${draft.imageTag} broke search (rel-2026.11.12.14.05.33)`, createdAt: harness.simulator.now().toISOString().replace(/\.\d{3}Z$/, 'Z'), actor: 'colleague', headBranch: 'main', headSha: 'c'.repeat(40), outcome: 'failure', queuedSeconds: 0, runningSeconds: 0, effectsApplied: true });
      }
    }, moving());
    assert.equal(result.problem, undefined, result.problem);
    assert.equal(result.deployRun?.displayTitle, `Deploy ${draft.imageTag} to production-api`);
    assert.equal(result.deployRun?.conclusion, 'success');
  });

  it('publishes on the target that was reviewed, even when the draft was retargeted on GitHub meanwhile', async () => {
    const { app, profile } = await deck('catalog', 'production');
    const draft = app.draft;
    assert.ok(draft);
    assert.equal(draft.targetCommitish, 'main');
    const monorepo = harness.simulator.world.repos[0]!;
    const release = monorepo.releases.find((candidate) => candidate.id === draft.id);
    assert.ok(release);
    release.targetCommitish = 'api-2026.10.01.12.00.00';
    const published = await publishAndFollow(harness.client, { profile, app: app.app, draft }, () => undefined, { ...moving(), timeoutMs: 0 });
    assert.equal(published.published.targetCommitish, 'main');
    const mainHead = monorepo.commits.at(-1)?.sha;
    assert.equal(monorepo.tags.find((tag) => tag.name === draft.gitTag)?.sha, mainHead, 'the git tag is on the head of main, as reviewed');
  });
  it('tags the commit the confirmation showed, even when main moved between the confirmation and the publish', async () => {
    const { app, profile } = await deck('catalog', 'production');
    const draft = app.draft;
    assert.ok(draft);
    assert.equal(draft.targetCommitish, 'main');
    const monorepo = harness.simulator.world.repos[0]!;
    const shown = monorepo.commits.at(-1)!.sha;
    // A merge to main while the modal is open.
    monorepo.commits.push({ sha: 'f'.repeat(40), message: 'A change nobody reviewed', author: 'colleague', date: '2026-11-26T09:00:00Z' });
    const published = await publishAndFollow(harness.client, { profile, app: app.app, draft, target: shown }, () => undefined, { ...moving(), timeoutMs: 0 });
    assert.equal(monorepo.tags.find((tag) => tag.name === draft.gitTag)?.sha, shown, 'the git tag is on the commit shown, not on the new head of main');
    assert.equal(published.published.targetCommitish, shown);
  });
  it('after a publish whose outcome could not be told, looks until GitHub answers whether it is published, within a bound', async () => {
    const { app } = await deck('catalog', 'production');
    const draft = app.draft;
    assert.ok(draft);
    const waits: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      waits.push(ms);
      return Promise.resolve();
    };
    await addFault(harness.simulator, { path: '/releases/\\d+$', method: 'GET', kind: 'reset', count: 1000 });
    assert.equal(await settlePublishOutcome(harness.client, MONOREPO, draft.id, { sleep, firstIntervalMs: 1000, maxIntervalMs: 4000, boundMs: 15_000 }), undefined, 'no answer: unknown at the bound');
    assert.deepEqual(waits, [1000, 2000, 4000, 4000, 4000], 'waits grow, and stop at the bound');
    harness.simulator.faults.length = 0;
    waits.length = 0;
    const settled = await settlePublishOutcome(harness.client, MONOREPO, draft.id, { sleep, firstIntervalMs: 1000 });
    assert.equal(settled?.draft, true, 'GitHub answers: still a draft, so it was not published');
    assert.deepEqual(waits, [1000]);
  });
});

/**
 * Cancel Run and Re-run Failed Jobs whose answer is lost (applied, then a 502 or a reset; or not applied at all):
 * the run is read again and says what happened — never "GitHub refused" (Re-run: run_attempt + 1; Cancel: completed,
 * cancelled, as GitHub's REST description of a workflow run and of "Cancel a workflow run" say).
 */
describe('a cancel or re-run whose answer is lost', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ client: { timeoutMs: 500 } });
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  async function adminPost(path: string, body: Record<string, unknown>): Promise<{ id: number }> {
    const response = await fetch(`${harness.simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok(response.status < 300, await response.clone().text());
    return (await response.json()) as { id: number };
  }

  /** A deployment of API staging: failed (at its Deploy step), or still running. */
  async function stagingRun(failed: boolean): Promise<number> {
    if (failed) {
      await adminPost('fail-next-run', { workflowPath: '.github/workflows/deploy-staging-api.yml' });
    }
    const { id } = await adminPost('dispatch', { repo: INFRA, workflow: 'deploy-staging-api.yml', inputs: { tag: 'rel-2026.11.12.14.05.33' } });
    harness.simulator.advance(failed ? 300 : 1);
    return id;
  }

  const acted = (runId: number, action: 'cancel' | 'rerun') => ({ repo: INFRA, runId, action, attemptBefore: 1, runPage: `https://github.com/${INFRA}/actions/runs/${runId}` });
  const still = (waits: number[]) => ({ sleep: (ms: number) => { waits.push(ms); return Promise.resolve(); } });

  it('a re-run applied but answered 502: done, the run on its second attempt', async () => {
    const runId = await stagingRun(true);
    await addFault(harness.simulator, { path: '/rerun-failed-jobs$', method: 'POST', kind: 'applyThen502', count: 1 });
    const error = await rerunFailedJobs(harness.client, INFRA, runId).then(() => undefined, (failure: unknown) => failure);
    assert.ok(outcomeUnclear(error), String(error));
    const outcome = await lookForRunAction(harness.client, acted(runId, 'rerun'), error, still([]));
    assert.equal(outcome.kind, 'done');
    assert.equal(outcome.kind === 'done' ? outcome.value.runAttempt : 0, 2);
  });

  it('a re-run answered 502 whose run still shows its attempt for about 30 s: unknown with the time read, never "refused" nor "not done"', async () => {
    const runId = await stagingRun(true);
    await addFault(harness.simulator, { path: '/rerun-failed-jobs$', method: 'POST', kind: 'status', status: 502, count: 1 });
    const error = await rerunFailedJobs(harness.client, INFRA, runId).then(() => undefined, (failure: unknown) => failure);
    const waits: number[] = [];
    const outcome = await lookForRunAction(harness.client, acted(runId, 'rerun'), error, still(waits));
    assert.equal(outcome.kind, 'unknown');
    assert.match(outcome.kind === 'unknown' ? outcome.why : '', /^the run still showed attempt 1 when read at \d{1,2}:\d\d:\d\d(?: [AP]M)?, but a lost answer is no refusal: GitHub may still re-run it$/);
    assert.equal(outcome.kind === 'unknown' ? outcome.checkUrl : '', `https://github.com/${INFRA}/actions/runs/${runId}`);
    assert.deepEqual(waits, [10_000, 10_000, 10_000]);
  });

  it('a cancel applied but its connection reset: done, the run cancelled', async () => {
    const runId = await stagingRun(false);
    await addFault(harness.simulator, { path: '/cancel$', method: 'POST', kind: 'applyThenReset', count: 1 });
    const error = await cancelWorkflowRun(harness.client, INFRA, runId).then(() => undefined, (failure: unknown) => failure);
    assert.ok(outcomeUnclear(error), String(error));
    const outcome = await lookForRunAction(harness.client, acted(runId, 'cancel'), error, still([]));
    assert.equal(outcome.kind, 'done');
    assert.equal(outcome.kind === 'done' ? outcome.value.conclusion : '', 'cancelled');
  });

  it('a cancel answered 502 while the run goes on: unknown; a run that ended otherwise meanwhile: not cancelled', async () => {
    const runId = await stagingRun(false);
    await addFault(harness.simulator, { path: '/cancel$', method: 'POST', kind: 'status', status: 502, count: 1 });
    const error = await cancelWorkflowRun(harness.client, INFRA, runId).then(() => undefined, (failure: unknown) => failure);
    const unknown = await lookForRunAction(harness.client, acted(runId, 'cancel'), error, still([]));
    assert.match(unknown.kind === 'unknown' ? unknown.why : unknown.kind, /^the run was still (queued|in_progress) when read at .+: whether GitHub stops it is unknown$/);
    harness.simulator.advance(600);
    const ended = await lookForRunAction(harness.client, acted(runId, 'cancel'), error, still([]));
    assert.deepEqual(ended.kind === 'notDone' ? ended.evidence : ended.kind, 'the run ended in success, so there was nothing left to cancel');
  });

  it('a connection never opened: not done, without asking GitHub', async () => {
    const closed = await closedPort();
    const offline = await GitHubClient.create({ apiUrl: `http://127.0.0.1:${closed}`, token: 'x', timeoutMs: 500, sleep: () => Promise.resolve() });
    const error = await rerunFailedJobs(offline, INFRA, 1).then(() => undefined, (failure: unknown) => failure);
    const requests = harness.simulator.stats.requests;
    const outcome = await lookForRunAction(harness.client, acted(1, 'rerun'), error, still([]));
    assert.equal(outcome.kind === 'notDone' ? outcome.evidence : outcome.kind, 'ECONNREFUSED: the request never reached GitHub');
    assert.equal(harness.simulator.stats.requests, requests, 'GitHub was not asked');
  });
});

describe('which failed actions may still have been applied', () => {
  const context = { action: 'dispatch deploy-production-api.yml in WordPress/openverse-infrastructure' };

  it('an answer over the size cap is no refusal: GitHub answered, so it may have acted, and the outcome is looked for', () => {
    const error = gitHubErrorFor('tooLarge', context, { limitBytes: 20 * 1024 * 1024 });
    assert.equal(outcomeUnclear(error), true);
    assert.equal(lostAnswer(error), "GitHub's answer could not be read (it was larger than any answer of its REST API)");
  });

  it('a plain 4xx refusal is clear: GitHub did nothing', () => {
    assert.equal(outcomeUnclear(gitHubErrorFor('validation', context, { status: 422 })), false);
  });
});
