import { strict as assert } from 'node:assert';
import type { JobFact, WorkflowRunFact } from '../../../src/domain/facts';
import { blockingRun, chainPhase, isReleaseRunOf, phaseWords, publishingDetail, stepMarker } from '../../../src/domain/releaseChain';
import { judgeChain, type ChainEnd } from '../../../src/domain/releaseVerdict';
import { germanL10n } from '../l10n/german';

/** The steps of "Release app" in tag_docker_image_and_trigger_deployment.yml (openverse-facts §1.3), as GitHub lists them. */
const STEPS = [
  'Set up job',
  'Run actions/checkout@v4',
  'Calculate tag name',
  'Log in to GitHub Docker Registry',
  'Tag latest with release tag',
  'Deploy production application',
  'Add new changelog file to documentation',
  'Setup CI env',
  'Cache pre-commit envs',
  'Lint the changelog file so that it passes CI',
  'Open changelog PR',
  'Complete job',
];

/** A job whose steps before `at` succeeded, `at` is in `state`, and the rest are queued (in progress) or skipped (failed). */
function job(at: string | undefined, state: 'in_progress' | 'failure' | 'cancelled' | 'success'): JobFact {
  const index = at === undefined ? STEPS.length : STEPS.indexOf(at);
  assert.ok(index >= 0, at);
  const steps = STEPS.map((name, number) => {
    if (number < index || state === 'success') {
      return { name, number: number + 1, status: 'completed', conclusion: 'success' };
    }
    if (number === index) {
      return state === 'in_progress' ? { name, number: number + 1, status: 'in_progress', conclusion: null } : { name, number: number + 1, status: 'completed', conclusion: state };
    }
    return state === 'in_progress' ? { name, number: number + 1, status: 'queued', conclusion: null } : { name, number: number + 1, status: 'completed', conclusion: 'skipped' };
  });
  const done = state !== 'in_progress';
  return { id: 7, name: 'Release app', status: done ? 'completed' : 'in_progress', conclusion: done ? (state === 'success' ? 'success' : state) : null, startedAt: '2026-11-25T18:10:00Z', completedAt: done ? '2026-11-25T18:20:00Z' : null, htmlUrl: 'https://github.com/WordPress/openverse/actions/runs/1/job/7', steps };
}

function run(overrides: Partial<WorkflowRunFact> = {}): WorkflowRunFact {
  return {
    id: 1,
    repo: 'WordPress/openverse',
    workflowPath: '.github/workflows/tag_docker_image_and_trigger_deployment.yml',
    displayTitle: 'api-2026.11.25.18.00.00',
    event: 'release',
    status: 'completed',
    conclusion: 'failure',
    createdAt: '2026-11-25T18:10:00Z',
    updatedAt: '2026-11-25T18:20:00Z',
    actor: 'maintainer',
    htmlUrl: 'https://github.com/WordPress/openverse/actions/runs/1',
    headBranch: 'api-2026.11.25.18.00.00',
    headSha: 'a'.repeat(40),
    ...overrides,
  };
}

const deployment = (status: WorkflowRunFact['status'], conclusion: string | null): WorkflowRunFact =>
  run({ id: 2, repo: 'WordPress/openverse-infrastructure', workflowPath: '.github/workflows/deploy-production-api.yml', displayTitle: 'Deploy rel-2026.11.25.18.00.00 to production-api', event: 'repository_dispatch', status, conclusion, headBranch: 'main' });

const WORDS = { gitTag: 'api-2026.11.25.18.00.00', imageTag: 'rel-2026.11.25.18.00.00', place: 'API production' };
const STILL = ' API production still runs rel-2026.11.12.14.05.33.';
const end = (jobs: ChainEnd['jobs'], extra: Partial<ChainEnd> = {}): ChainEnd => ({ run: run(), jobs, sawWaiting: false, ...extra });

describe('the release chain read from the release run and its steps', () => {
  it('places the release workflow steps in their parts by their names', () => {
    assert.deepEqual(STEPS.map(stepMarker), [undefined, undefined, undefined, undefined, 'tag', 'deploy', 'changelog', undefined, undefined, 'changelog', 'changelog', undefined]);
  });

  it('tells the phase from the step in progress', () => {
    const inProgress = run({ status: 'in_progress', conclusion: null });
    assert.equal(phaseWords(chainPhase(inProgress, [job('Calculate tag name', 'in_progress')]), WORDS), 'preparing');
    assert.equal(phaseWords(chainPhase(inProgress, [job('Tag latest with release tag', 'in_progress')]), WORDS), 'tagging the image rel-2026.11.25.18.00.00');
    assert.equal(phaseWords(chainPhase(inProgress, [job('Deploy production application', 'in_progress')]), WORDS), 'deploying rel-2026.11.25.18.00.00 to API production');
    assert.equal(phaseWords(chainPhase(inProgress, [job('Setup CI env', 'in_progress')]), WORDS), 'writing the changelog');
    assert.equal(phaseWords(chainPhase(inProgress, undefined), WORDS), 'in progress', 'unreadable jobs: no guess');
    assert.equal(phaseWords(chainPhase(run({ conclusion: 'success' }), [job(undefined, 'success')]), WORDS), 'done');
  });

  it('names the release run a queued run waits for, and nothing it does not know', () => {
    const ours = run({ id: 5, status: 'queued', conclusion: null, createdAt: '2026-11-25T18:12:00Z', headBranch: 'frontend-2026.11.25.18.00.00' });
    const first = run({ id: 4, status: 'in_progress', conclusion: null, createdAt: '2026-11-25T18:10:00Z' });
    const newer = run({ id: 6, status: 'queued', conclusion: null, createdAt: '2026-11-25T18:13:00Z', headBranch: 'catalog-2026.11.25.18.00.00' });
    const blocker = blockingRun(ours, [newer, ours, first, run({ id: 3 })]);
    assert.equal(blocker?.id, 4);
    assert.equal(phaseWords(chainPhase(ours, []), WORDS, blocker), "queued: waiting for api-2026.11.25.18.00.00's release run to finish (one release at a time)");
    assert.equal(blockingRun(ours, [ours, newer]), undefined);
    assert.match(phaseWords(chainPhase(ours, []), WORDS, undefined), /^queued: waiting for a runner, or for another run of its concurrency group to finish/);
    assert.equal(phaseWords(chainPhase({ status: 'waiting' }, []), WORDS, first), 'waiting for an approval on GitHub (a deployment protection rule)', 'an approval is not the concurrency group');
  });
});

const API = { id: 'api', gitTagPrefix: 'api-' };

describe('the deck while a publish is under way', () => {
  it('says a semantic-version release and its image tag per the app\'s scheme, never a date', () => {
    const web = { id: 'web', gitTagPrefix: 'web@', releaseTags: { git: '{app}@{version}', image: '{version}' } };
    const deploying = run({ status: 'in_progress', conclusion: null, headBranch: 'web@1.4.2' });
    assert.equal(publishingDetail(deploying, [job('Deploy production application', 'in_progress')], [deploying], 'Web production', web), 'web@1.4.2 was published; its release workflow run: deploying 1.4.2 to Web production.');
    const bySha = { ...web, releaseTags: { git: '{app}@{version}', image: 'sha-{sha7}' } };
    const tagging = run({ status: 'in_progress', conclusion: null, headBranch: 'web@1.4.2', headSha: 'abcdef0123456789abcdef0123456789abcdef01' });
    assert.match(publishingDetail(tagging, [job('Deploy production application', 'in_progress')], [tagging], 'Web production', bySha), /deploying sha-abcdef0 to Web production/);
  });

  it('takes only the app\'s own release runs, wherever its template puts the app', () => {
    const web = { id: 'web', gitTagPrefix: '', releaseTags: { git: '{version}-{app}', image: 'sha-{sha7}' } };
    assert.ok(isReleaseRunOf(run({ headBranch: '1.4.2-web' }), web));
    assert.ok(!isReleaseRunOf(run({ headBranch: '1.4.2-api' }), web), 'the same (empty) prefix, another app');
    assert.ok(isReleaseRunOf(run({ headBranch: 'api-2026.11.25.18.00.00' }), API));
    assert.ok(!isReleaseRunOf(run({ headBranch: 'api-fix-search' }), API), 'a branch that only starts like a tag');
  });

  it('says the publishing phase of the environment deployed on publish, from the refresh', () => {
    const deploying = run({ status: 'in_progress', conclusion: null });
    assert.equal(publishingDetail(deploying, [job('Deploy production application', 'in_progress')], [deploying], 'API production', API), 'api-2026.11.25.18.00.00 was published; its release workflow run: deploying rel-2026.11.25.18.00.00 to API production.');
    const waiting = run({ id: 9, status: 'pending', conclusion: null, headBranch: 'api-2026.11.26.09.00.00', createdAt: '2026-11-25T18:15:00Z' });
    const other = run({ id: 8, status: 'in_progress', conclusion: null, headBranch: 'frontend-2026.11.25.18.00.00' });
    assert.equal(publishingDetail(waiting, undefined, [waiting, other], 'API production', API), "api-2026.11.26.09.00.00 was published; its release workflow run: queued: waiting for frontend-2026.11.25.18.00.00's release run to finish (one release at a time).");
  });
});

describe('diagnosing a finished release run by the step that failed', () => {
  it('a failed tag step: the image was not tagged, production still runs the old version; never a failed deployment', () => {
    const verdict = judgeChain(end([job('Tag latest with release tag', 'failure')]), WORDS, STILL);
    assert.equal(verdict.kind, 'problem');
    const message = verdict.kind === 'problem' ? verdict.message : '';
    assert.match(message, /failed at step "Tag latest with release tag": the image was not tagged rel-2026\.11\.25\.18\.00\.00, so nothing was deployed\. API production still runs rel-2026\.11\.12\.14\.05\.33\. Do not simply re-run the release workflow/);
    assert.doesNotMatch(message, /deployment .*failed|may not be tagged/);
  });

  it('a failed step of a release workflow whose steps name no image tagging: says which step failed, never that nothing was tagged', () => {
    const steps = ['Set up job', 'Push image', 'Roll out', 'Complete job'].map((name, number) => ({ name, number: number + 1, status: 'completed', conclusion: number < 2 ? 'success' : number === 2 ? 'failure' : 'skipped' }));
    const other: JobFact = { ...job('Tag latest with release tag', 'failure'), name: 'Ship', steps };
    const verdict = judgeChain(end([other]), WORDS, STILL);
    assert.equal(verdict.kind, 'problem');
    const message = verdict.kind === 'problem' ? verdict.message : '';
    assert.match(message, /at step "Roll out"/);
    assert.match(message, /not known/);
    assert.doesNotMatch(message, /the image was not tagged|nothing was deployed/);
  });

  it('a failed deploy step with the deployment run failed: the deployment failed, the image is tagged', () => {
    const verdict = judgeChain(end([job('Deploy production application', 'failure')], { deployRun: deployment('completed', 'failure') }), WORDS, STILL);
    const message = verdict.kind === 'problem' ? verdict.message : '';
    assert.match(message, /^api-2026\.11\.25\.18\.00\.00 is published and the image tagged rel-2026\.11\.25\.18\.00\.00, but the deployment of rel-2026\.11\.25\.18\.00\.00 to API production failed: its run ended in failure/);
    assert.match(message, /opened no changelog pull request\. API production still runs rel-2026\.11\.12\.14\.05\.33\./);
    assert.doesNotMatch(message, /not tagged|may not be tagged/);
  });

  it('says each verdict on a release run in German in a German editor, whole sentences, GitHub\'s own words and names kept', () => {
    const de = germanL10n();
    const still = ` ${de.t('{0} still runs {1}.', 'API production', 'rel-2026.11.12.14.05.33')}`;
    const said = (verdict: ReturnType<typeof judgeChain>): string => (verdict.kind === 'problem' ? verdict.message : '');
    assert.equal(
      said(judgeChain(end([job('Tag latest with release tag', 'failure')]), WORDS, still, de)),
      'api-2026.11.25.18.00.00 ist veröffentlicht, aber sein Release-Workflow schlug bei Schritt "Tag latest with release tag" fehl: Das Image wurde nicht als rel-2026.11.25.18.00.00 getaggt, daher wurde nichts bereitgestellt. Auf API production läuft weiterhin rel-2026.11.12.14.05.33. Führen Sie den Release-Workflow nicht einfach erneut aus: Er taggt das Image, das in diesem Moment das neueste ist, und das kann ein neuerer Build sein als der dieses Release. Öffnen Sie seinen Lauf, um zu sehen, warum er fehlschlug.',
    );
    const failedDeployment = said(judgeChain(end([job('Deploy production application', 'failure')], { deployRun: deployment('completed', 'failure') }), WORDS, still, de));
    assert.match(failedDeployment, /^api-2026\.11\.25\.18\.00\.00 ist veröffentlicht und das Image als rel-2026\.11\.25\.18\.00\.00 getaggt, aber die Bereitstellung von rel-2026\.11\.25\.18\.00\.00 auf API production schlug fehl: Ihr Lauf endete mit failure/);
    assert.match(failedDeployment, /Auf API production läuft weiterhin rel-2026\.11\.12\.14\.05\.33\. Öffnen Sie den Bereitstellungslauf/);
    const stillDeploying = said(judgeChain(end([job('Deploy production application', 'failure')], { deployRun: deployment('in_progress', null) }), WORDS, still, de));
    assert.match(stillDeploying, /der Bereitstellungslauf von rel-2026\.11\.25\.18\.00\.00 auf API production ist noch in Arbeit: Er kann noch gelingen\./);
    const unread = said(judgeChain(end({ unreadable: 'GitHub antwortete 503' }, { deployRun: deployment('completed', 'failure') }), WORDS, still, de));
    assert.match(unread, /Inzwischen endete der Bereitstellungslauf von rel-2026\.11\.25\.18\.00\.00 auf API production mit failure\. Auf API production läuft weiterhin .*Öffnen Sie den Lauf des Release-Workflows, um zu sehen, wo er anhielt\.$/);
    assert.doesNotMatch([failedDeployment, stillDeploying, unread].join(' '), / is published| the image | Open the /, 'no English sentence left');
  });

  it('a deploy step that gave up while the deployment still runs says so', () => {
    const verdict = judgeChain(end([job('Deploy production application', 'failure')], { deployRun: deployment('in_progress', null) }), WORDS, STILL);
    const message = verdict.kind === 'problem' ? verdict.message : '';
    assert.match(message, /stopped waiting for the deployment .*but the deployment run of rel-2026\.11\.25\.18\.00\.00 to API production is still in progress: it may still succeed/);
    assert.doesNotMatch(message, /still runs rel-2026\.11\.12/, 'what production runs is about to change: not asserted');
  });

  it('a deploy step that failed though its deployment run succeeded is not a failed deployment', () => {
    assert.deepEqual(judgeChain(end([job('Deploy production application', 'failure')], { deployRun: deployment('completed', 'success') }), WORDS, STILL), { kind: 'deployStepFailedRunSucceeded', step: 'Deploy production application' });
  });

  it('a failed deploy step with no deployment run found: unknown, said as unknown', () => {
    const verdict = judgeChain(end([job('Deploy production application', 'failure')]), WORDS, STILL);
    assert.match(verdict.kind === 'problem' ? verdict.message : '', /no deployment run of rel-2026\.11\.25\.18\.00\.00 to API production was found: whether a deployment was started is not known\. When last seen, API production still runs/);
  });

  it('changelog steps failing after a successful deployment: production runs the new version, only the changelog is missing', () => {
    assert.deepEqual(judgeChain(end([job('Lint the changelog file so that it passes CI', 'failure')], { deployRun: deployment('completed', 'success') }), WORDS, STILL), { kind: 'changelogFailed', step: 'Lint the changelog file so that it passes CI', deployed: true });
    assert.deepEqual(judgeChain(end([job('Open changelog PR', 'failure')]), WORDS, STILL), { kind: 'changelogFailed', step: 'Open changelog PR', deployed: true }, 'the deploy step succeeded');
  });

  it('unreadable jobs: says what is known without guessing', () => {
    const verdict = judgeChain(end({ unreadable: 'GitHub answered 503' }, { deployRun: deployment('completed', 'failure') }), WORDS, STILL);
    const message = verdict.kind === 'problem' ? verdict.message : '';
    assert.match(message, /which step failed could not be read \(GitHub answered 503\): whether the image was tagged rel-2026\.11\.25\.18\.00\.00 is not known\. Meanwhile the deployment run of rel-2026\.11\.25\.18\.00\.00 to API production ended in failure\. API production still runs/);
  });

  it('a run GitHub cancelled while it waited in the concurrency group: nothing tagged or deployed, re-run it', () => {
    const queuedJob: JobFact = { ...job('Set up job', 'in_progress'), status: 'completed', conclusion: 'cancelled', startedAt: null, steps: [] };
    const verdict = judgeChain(end([queuedJob], { run: run({ conclusion: 'cancelled' }), sawWaiting: true }), WORDS, STILL);
    const message = verdict.kind === 'problem' ? verdict.message : '';
    assert.match(message, /GitHub cancelled its release workflow run before it started: it was waiting for another run of its concurrency group, and GitHub keeps one waiting run per group/);
    assert.match(message, /Nothing was tagged or deployed\. API production still runs rel-2026\.11\.12\.14\.05\.33\. Re-run that release workflow run/);
  });

  it('success: deployed when the deploy step succeeded', () => {
    assert.deepEqual(judgeChain(end([job(undefined, 'success')], { run: run({ conclusion: 'success' }) }), WORDS, STILL), { kind: 'succeeded', deployed: true });
  });

  it('names the release run queued before a re-run as the one it waits for, though that run was created after it (the group queues attempts)', () => {
    // Re-run at 18:20 of a release run created at 18:00; another release run, created at 18:10, runs since.
    const ours = run({ id: 5, status: 'queued', conclusion: null, createdAt: '2026-11-25T18:00:00Z', runStartedAt: '2026-11-25T18:20:00Z', runAttempt: 2, headBranch: 'frontend-2026.11.25.18.00.00' });
    const running = run({ id: 6, status: 'in_progress', conclusion: null, createdAt: '2026-11-25T18:10:00Z', headBranch: 'catalog-2026.11.25.18.10.00' });
    assert.equal(blockingRun(ours, [running, ours])?.id, 6);
  });
});
