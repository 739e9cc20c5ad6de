import { strict as assert } from 'node:assert';
import { DEMO_TOKEN, INFRA, MONOREPO, openverseWorld, TAG_AND_DEPLOY_PATH } from '../../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import type { World } from '../../simulator/world';
import type { WorldWorkflow } from '../../simulator/worldWorkflows';

/**
 * The simulator's release chain, driven over HTTP on the manual clock as GitHub and the real workflow
 * files would run it (openverse-facts §1.1–1.5, §2).
 */

/** Replaces an infrastructure workflow of the world by a changed copy. */
function changeWorkflow(built: World, file: string, change: (workflow: WorldWorkflow) => WorldWorkflow): void {
  const infra = built.repos[1];
  assert.ok(infra);
  built.repos[1] = { ...infra, workflows: infra.workflows.map((workflow) => (workflow.path.endsWith(`/${file}`) ? change(workflow) : workflow)) };
}

interface Run { id: number; status: string; conclusion: string | null; display_title: string; head_branch: string; run_started_at: string; created_at: string; event: string }
interface Job { name: string; status: string; conclusion: string | null; steps: Array<{ name: string; status: string; conclusion: string | null; number: number }> }

describe('the simulator\'s release chain', () => {
  let simulator: RunningSimulator;

  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${simulator.url}${path}`, {
      method,
      headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  };
  const admin = async (path: string, body?: unknown, method = 'POST'): Promise<unknown> => (await call(method, `/_admin/${path}`, body)).body;
  const world = async (): Promise<World> => (await admin('world', undefined, 'GET')) as World;

  const publish = async (app: string): Promise<string> => {
    const draft = (await call<Array<{ id: number; tag_name: string; draft: boolean }>>('GET', `/repos/${MONOREPO}/releases?per_page=100`)).body.find((release) => release.draft && release.tag_name.startsWith(`${app}-`));
    assert.ok(draft, `a ${app} draft`);
    assert.equal((await call('PATCH', `/repos/${MONOREPO}/releases/${draft.id}`, { draft: false })).status, 200);
    return draft.tag_name;
  };
  const releaseRun = async (gitTag: string): Promise<Run> => {
    const runs = (await call<{ workflow_runs: Run[] }>('GET', `/repos/${MONOREPO}/actions/workflows/tag_docker_image_and_trigger_deployment.yml/runs`)).body.workflow_runs;
    const run = runs.find((candidate) => candidate.head_branch === gitTag);
    assert.ok(run, `the release run of ${gitTag}`);
    return run;
  };
  const infraRuns = async (): Promise<Run[]> => (await call<{ workflow_runs: Run[] }>('GET', `/repos/${INFRA}/actions/runs?per_page=100`)).body.workflow_runs;
  const jobOf = async (repo: string, runId: number): Promise<Job> => {
    const answer = await call<{ total_count: number; jobs: Job[] }>('GET', `/repos/${repo}/actions/runs/${runId}/jobs`);
    assert.equal(answer.status, 200);
    const job = answer.body.jobs[0];
    assert.ok(job);
    return job;
  };
  const step = (job: Job, name: string): Job['steps'][number] => {
    const found = job.steps.find((candidate) => candidate.name === name);
    assert.ok(found, `step "${name}" in ${job.steps.map((candidate) => candidate.name).join(', ')}`);
    return found;
  };
  const changelogPulls = async (gitTag: string): Promise<unknown[]> => (await call<unknown[]>('GET', `/repos/${MONOREPO}/pulls?head=WordPress:changelog/${gitTag}`)).body;
  const version = async (app: string, environment: string): Promise<string> => ((await (await fetch(`${simulator.url}/live/${app}/${environment}/version`)).json()) as { release: string }).release;

  const start = async (change?: (world: World) => void): Promise<void> => {
    const built = openverseWorld();
    change?.(built);
    simulator = await startSimulator({ world: built, clock: 'manual' });
  };
  afterEach(async () => {
    await simulator.close();
  });

  it('the release run stays in progress at "Deploy production application" while the deployment it dispatched runs, then writes the changelog', async () => {
    await start();
    const gitTag = await publish('api');
    const imageTag = `rel-${gitTag.slice('api-'.length)}`;
    simulator.advance(25);
    const run = await releaseRun(gitTag);
    assert.equal(run.status, 'in_progress');
    const deployment = (await infraRuns()).find((candidate) => candidate.display_title === `Deploy ${imageTag} to production-api`);
    assert.ok(deployment, 'the production deployment was dispatched');
    assert.equal(deployment.event, 'repository_dispatch');
    let job = await jobOf(MONOREPO, run.id);
    assert.equal(job.name, 'Release app');
    assert.equal(step(job, 'Tag latest with release tag').conclusion, 'success');
    assert.equal(step(job, 'Deploy production application').status, 'in_progress');
    assert.equal(step(job, 'Open changelog PR').status, 'queued');
    assert.deepEqual(await changelogPulls(gitTag), [], 'no changelog PR while deploying');

    // The deployment ends about 25 s after the dispatch; dispatch-and-wait sees it at its next check, 60 s in.
    simulator.advance(35);
    assert.equal((await call<Run>('GET', `/repos/${INFRA}/actions/runs/${deployment.id}`)).body.conclusion, 'success');
    assert.equal((await releaseRun(gitTag)).status, 'in_progress', 'still waiting for the next check');
    simulator.advance(60);
    job = await jobOf(MONOREPO, run.id);
    assert.equal(step(job, 'Deploy production application').conclusion, 'success');
    assert.equal((await releaseRun(gitTag)).conclusion, 'success');
    assert.equal((await changelogPulls(gitTag)).length, 1, 'the changelog PR once everything succeeded');
    assert.equal(await version('api', 'production'), (await world()).images.api?.[imageTag]);
  });

  it('a failed deployment fails the release run at "Deploy production application": later steps skipped, no changelog PR', async () => {
    await start();
    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-production-api.yml' });
    const before = await version('api', 'production');
    const gitTag = await publish('api');
    simulator.advance(200);
    const run = await releaseRun(gitTag);
    assert.equal(run.conclusion, 'failure');
    const job = await jobOf(MONOREPO, run.id);
    assert.equal(job.conclusion, 'failure');
    assert.equal(step(job, 'Tag latest with release tag').conclusion, 'success');
    assert.equal(step(job, 'Deploy production application').conclusion, 'failure');
    assert.equal(step(job, 'Add new changelog file to documentation').conclusion, 'skipped');
    assert.equal(step(job, 'Open changelog PR').conclusion, 'skipped');
    assert.deepEqual(await changelogPulls(gitTag), []);
    const deployment = (await infraRuns())[0];
    assert.ok(deployment);
    const deployJob = await jobOf(INFRA, deployment.id);
    assert.equal(step(deployJob, 'Check the image tag').conclusion, 'success');
    assert.equal(step(deployJob, 'Deploy').conclusion, 'failure');
    assert.equal(await version('api', 'production'), before);
  });

  it('a failure at the tag step fails the release run there: nothing dispatched, no rel- image', async () => {
    await start();
    assert.equal((await call('POST', '/_admin/fail-next-run', { workflowPath: TAG_AND_DEPLOY_PATH, step: 'No such step' })).status, 422);
    await admin('fail-next-run', { workflowPath: TAG_AND_DEPLOY_PATH, step: 'Tag latest with release tag' });
    const infraBefore = (await infraRuns()).length;
    const gitTag = await publish('frontend');
    simulator.advance(120);
    const run = await releaseRun(gitTag);
    assert.equal(run.conclusion, 'failure');
    const job = await jobOf(MONOREPO, run.id);
    assert.equal(step(job, 'Calculate tag name').conclusion, 'success');
    assert.equal(step(job, 'Tag latest with release tag').conclusion, 'failure');
    assert.equal(step(job, 'Deploy production application').conclusion, 'skipped');
    assert.equal((await infraRuns()).length, infraBefore, 'no deployment dispatched');
    assert.equal((await world()).images.frontend?.[`rel-${gitTag.slice('frontend-'.length)}`], undefined);
  });

  it('a second publish waits, pending, in the concurrency group until the first release run ends', async () => {
    await start();
    const first = await publish('api');
    simulator.advance(1);
    const second = await publish('catalog');
    simulator.advance(30);
    assert.equal((await releaseRun(first)).status, 'in_progress');
    assert.equal((await releaseRun(second)).status, 'pending');
    assert.equal((await jobOf(MONOREPO, (await releaseRun(second)).id)).steps.every((candidate) => candidate.status === 'queued'), true);
    simulator.advance(100);
    const firstDone = await releaseRun(first);
    assert.equal(firstDone.conclusion, 'success');
    const started = await releaseRun(second);
    assert.notEqual(started.status, 'pending');
    assert.ok(Date.parse(started.run_started_at) >= Date.parse((await call<{ updated_at: string }>('GET', `/repos/${MONOREPO}/actions/runs/${firstDone.id}`)).body.updated_at), 'its run time starts when the group is free');
    simulator.advance(60);
    assert.equal((await releaseRun(second)).conclusion, 'success');

  });

  it('cancels the older pending run of the group when a newer one is queued', async () => {
    await start();
    const first = await publish('api');
    simulator.advance(1);
    const second = await publish('catalog');
    simulator.advance(1);
    const third = await publish('ingestion_server');
    simulator.advance(1);
    assert.equal((await releaseRun(first)).status, 'in_progress');
    assert.equal((await releaseRun(second)).conclusion, 'cancelled');
    assert.equal((await releaseRun(third)).status, 'pending');
    simulator.advance(200);
    assert.equal((await releaseRun(third)).conclusion, 'success');
  });

  it('rel- is an alias of what latest is when the tag step runs, not the git tag\'s commit', async () => {
    await start();
    const latest = (await world()).images.api?.latest;
    await admin('push', { message: 'Fix a typo in the README' });
    const gitTag = await publish('api');
    simulator.advance(200);
    const after = await world();
    const tagCommit = after.repos[0]?.tags.find((tag) => tag.name === gitTag)?.sha;
    assert.notEqual(tagCommit, latest, 'the git tag is on main\'s head, a commit that changed no app');
    assert.equal(after.images.api?.[`rel-${gitTag.slice('api-'.length)}`], latest);
    assert.equal(await version('api', 'production'), latest, '/version reports the image\'s build commit');
  });

  it('follows the newest repository_dispatch run created within 10 s, even another one (the dispatch-and-wait race)', async () => {
    await start();
    const gitTag = await publish('api');
    // Queued 3 s, then 14 s of steps before "Deploy production application" dispatches, at 17 s.
    simulator.advance(18);
    const ours = (await infraRuns())[0];
    assert.match(ours?.display_title ?? '', /^Deploy rel-/);
    assert.equal((await call('POST', `/repos/${INFRA}/dispatches`, { event_type: 'deploy_staging_api', client_payload: { tag: (await world()).images.api?.latest, run_name: 'A colleague' } })).status, 204);
    simulator.advance(200);
    const releaseProgress = (await world()).repos[0]?.runs.find((run) => run.headBranch === gitTag)?.progress;
    const staging = (await infraRuns()).find((run) => run.display_title.startsWith('A colleague'));
    assert.equal(releaseProgress?.followed?.runId, staging?.id, 'it followed the colleague\'s staging run');
  });

  it('fails the deploy step when the deployment is still running after max_time (30 min)', async () => {
    await start((built) => {
      changeWorkflow(built, 'deploy-production-api.yml', (workflow) => ({ ...workflow, jobs: [{ name: 'Deploy', steps: [{ name: 'Deploy', seconds: 3600, does: 'deployImage' }] }] }));
    });
    const gitTag = await publish('api');
    simulator.advance(1700);
    assert.equal((await releaseRun(gitTag)).status, 'in_progress');
    simulator.advance(200);
    const run = await releaseRun(gitTag);
    assert.equal(run.conclusion, 'failure');
    assert.equal(step(await jobOf(MONOREPO, run.id), 'Deploy production application').conclusion, 'failure');
  });

  it('a deployment workflow reads its image tag from the input or payload key its definition declares', async () => {
    await start((built) => {
      changeWorkflow(built, 'deploy-staging-api.yml', (workflow) =>
        workflow.role?.kind === 'deploy'
          ? { ...workflow, runName: 'Deploy ${{ inputs.image_tag || github.event.client_payload.image }}', on: { ...workflow.on, workflowDispatch: { image_tag: { required: true } } }, role: { ...workflow.role, tagFrom: { input: 'image_tag', payload: 'image' } } }
          : workflow,
      );
    });
    const target = (await world()).repos[0]?.commits.at(-3)?.sha ?? '';
    assert.equal((await call('POST', `/repos/${INFRA}/actions/workflows/deploy-staging-api.yml/dispatches`, { ref: 'main', inputs: { image_tag: target } })).status, 204);
    simulator.advance(30);
    assert.equal((await infraRuns())[0]?.conclusion, 'success');
    assert.equal(await version('api', 'staging'), target);

    assert.equal((await call('POST', `/repos/${INFRA}/dispatches`, { event_type: 'deploy_staging_api', client_payload: { image: 'rel-2026.10.15.09.30.00' } })).status, 204);
    simulator.advance(30);
    assert.equal((await infraRuns())[0]?.conclusion, 'success');
    assert.equal(await version('api', 'staging'), (await world()).images.api?.['rel-2026.10.15.09.30.00']);

    // An image tag that does not exist fails the run at its check step.
    await call('POST', `/repos/${INFRA}/actions/workflows/deploy-staging-api.yml/dispatches`, { ref: 'main', inputs: { image_tag: 'rel-2020.01.01.00.00.00' } });
    simulator.advance(30);
    const failed = (await infraRuns())[0];
    assert.equal(failed?.conclusion, 'failure');
    assert.equal(step(await jobOf(INFRA, failed.id), 'Check the image tag').conclusion, 'failure');
  });

  it('a push builds latest and SHA images of the apps it touches, dispatches their staging with run_name, and re-drafts every app', async () => {
    await start();
    const before = await world();
    const pushed = (await admin('push', { message: 'Fix the header on small screens (#6001)\n\nLonger description.', files: ['frontend/src/header.vue', 'documentation/changelog.md'], author: 'obulat' })) as { sha: string; runs: Array<{ workflowPath: string }> };
    assert.deepEqual(pushed.runs.map((run) => run.workflowPath).sort(), ['.github/workflows/ci_cd.yml', '.github/workflows/draft_releases.yml']);
    simulator.advance(20);
    assert.equal((await world()).images.frontend?.latest, before.images.frontend?.latest, 'no image before CI has built it');
    const drafts = (await world()).repos[0]?.releases.filter((release) => release.draft) ?? [];
    assert.deepEqual(drafts.map((release) => release.tagName.replace(/-\d{4}(\.\d\d){5}$/, '')).sort(), ['api', 'catalog', 'frontend', 'ingestion_server']);
    const stamp = /^(?:api|frontend|catalog|ingestion_server)-(\d{4}\.\d\d\.\d\d\.\d\d\.\d\d\.\d\d)$/;
    for (const draft of drafts) {
      const date = stamp.exec(draft.tagName)?.[1] ?? '';
      assert.ok(date > '2026.11.26.09.00.00' && date < '2026.11.26.09.01.00', `${draft.tagName}: dated when the drafting run ran`);
      assert.equal(draft.name, draft.tagName);
    }
    assert.match(drafts.find((release) => release.tagName.startsWith('frontend-'))?.body ?? '', /- Fix the header on small screens \(#6001\) by @obulat$/);
    assert.doesNotMatch(drafts.find((release) => release.tagName.startsWith('api-'))?.body ?? '', /Fix the header/);

    simulator.advance(100);
    const after = await world();
    assert.equal(after.images.frontend?.latest, pushed.sha);
    assert.equal(after.images.frontend?.[pushed.sha], pushed.sha);
    assert.equal(after.images.api?.latest, before.images.api?.latest, 'the API was not rebuilt');
    assert.equal(after.images.api?.[pushed.sha], undefined);
    const staging = (await infraRuns()).filter((run) => Date.parse(run.created_at) >= Date.parse('2026-11-26T09:00:00Z'));
    assert.deepEqual(staging.map((run) => run.display_title), ['Fix the header on small screens (#6001)'], 'frontend staging only, titled with the message (its run_name), not the SHA');
    assert.equal(staging[0]?.conclusion, 'success');
    assert.equal(await version('frontend', 'staging'), pushed.sha);
    const ci = (await call<{ workflow_runs: Run[] }>('GET', `/repos/${MONOREPO}/actions/workflows/ci_cd.yml/runs`)).body.workflow_runs[0];
    assert.equal(ci?.display_title, 'Fix the header on small screens (#6001)');
    assert.equal(ci?.conclusion, 'success');
  });

  it('a push with a message only changes no app: no image, no staging deployment, drafts re-dated', async () => {
    await start();
    const before = await world();
    await admin('push', { message: 'Merged a README change' });
    simulator.advance(120);
    const after = await world();
    assert.deepEqual(after.images, before.images);
    assert.equal((await infraRuns()).filter((run) => Date.parse(run.created_at) >= Date.parse('2026-11-26T09:00:00Z')).length, 0);
    assert.ok(after.repos[0]?.releases.filter((release) => release.draft).every((release) => release.tagName.includes('-2026.11.26.')));
  });

  it('a publish right after a push waits for the drafting run (same concurrency group)', async () => {
    await start();
    const previousBuild = (await world()).images.catalog?.latest;
    await admin('push', { message: 'Merged something', files: ['catalog/dags/a.py'] });
    const gitTag = await publish('catalog');
    simulator.advance(5);
    assert.equal((await releaseRun(gitTag)).status, 'pending');
    simulator.advance(60);
    assert.equal((await releaseRun(gitTag)).conclusion, 'success');
    const after = await world();
    assert.equal(after.repos[0]?.tags.find((tag) => tag.name === gitTag)?.sha, after.repos[0]?.commits.at(-1)?.sha, 'the git tag is on the pushed commit');
    // The tag step ran before CI had pushed the new catalog image: rel- aliases the build `latest` was then.
    assert.equal(after.images.catalog?.[`rel-${gitTag.slice('catalog-'.length)}`], previousBuild);
    assert.equal(after.images.catalog?.latest, after.repos[0]?.commits.at(-1)?.sha, 'CI built the new image afterwards');
  });

  it('CI deploys staging only after its images are published, and waits for the deployment (dispatch-and-wait): the CI run ends with it, and fails with it', async () => {
    await start();
    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-staging-api.yml', step: 'Deploy' });
    const pushed = (await admin('push', { message: 'Speed up the search (#6002)', files: ['api/api/views/search.py'] })) as { sha: string };
    const ciRun = async (): Promise<Run> => {
      const run = (await call<{ workflow_runs: Run[] }>('GET', `/repos/${MONOREPO}/actions/workflows/ci_cd.yml/runs`)).body.workflow_runs.find((candidate) => candidate.display_title === 'Speed up the search (#6002)');
      assert.ok(run);
      return run;
    };
    const ciJobs = async (): Promise<Job[]> => (await call<{ jobs: Job[] }>('GET', `/repos/${MONOREPO}/actions/runs/${String((await ciRun()).id)}/jobs`)).body.jobs;
    const stagingRuns = async (): Promise<Run[]> => (await infraRuns()).filter((run) => run.display_title === 'Speed up the search (#6002)');
    // needs: publish-images (openverse-facts §1.4): nothing is dispatched before the images are pushed.
    simulator.advance(30);
    assert.equal((await stagingRuns()).length, 0, 'no staging deployment before the images exist');
    simulator.advance(30);
    const [staging] = await stagingRuns();
    assert.ok(staging, 'staging dispatched once the images are published');
    assert.equal((await world()).images.api?.[pushed.sha], pushed.sha);
    const jobs = await ciJobs();
    assert.deepEqual(jobs.map((job) => job.name).slice(-2), ['Deploy staging frontend', 'Deploy staging API']);
    assert.equal(jobs.find((job) => job.name === 'Deploy staging frontend')?.conclusion, 'skipped', 'the push did not change the frontend');
    assert.equal(jobs.find((job) => job.name === 'Deploy staging API')?.status, 'in_progress', 'CI waits for the staging deployment');
    assert.equal((await ciRun()).status, 'in_progress');
    simulator.advance(120);
    assert.equal((await stagingRuns())[0]?.conclusion, 'failure');
    const ended = await ciRun();
    assert.equal(ended.conclusion, 'failure', 'dispatch-and-wait fails the step unless the run it follows succeeds');
    assert.equal(step((await ciJobs()).find((job) => job.name === 'Deploy staging API') ?? (await jobOf(MONOREPO, ended.id)), 'Deploy staging API').conclusion, 'failure');
  });

  it('CI runs of pushes share the group CI + CD-refs/heads/main, not cancelled: a push while CI runs waits, and a newer push cancels the waiting one (no images for it)', async () => {
    await start();
    const first = (await admin('push', { message: 'First (#6010)', files: ['api/a.py'] })) as { sha: string };
    simulator.advance(5);
    const second = (await admin('push', { message: 'Second (#6011)', files: ['api/b.py'] })) as { sha: string };
    const ciRuns = async (): Promise<Run[]> => (await call<{ workflow_runs: Run[] }>('GET', `/repos/${MONOREPO}/actions/workflows/ci_cd.yml/runs`)).body.workflow_runs;
    const ciOf = async (title: string): Promise<Run | undefined> => (await ciRuns()).find((run) => run.display_title === title);
    assert.equal((await ciOf('First (#6010)'))?.status, 'in_progress');
    assert.equal((await ciOf('Second (#6011)'))?.status, 'pending', 'waits for the first CI run of main');
    const third = (await admin('push', { message: 'Third (#6012)', files: ['api/c.py'] })) as { sha: string };
    assert.equal((await ciOf('Second (#6011)'))?.conclusion, 'cancelled', 'GitHub keeps one pending run per group');
    simulator.advance(600);
    const images = (await world()).images.api ?? {};
    assert.equal(images[first.sha], first.sha);
    assert.equal(images[second.sha], undefined, 'the cancelled run built nothing');
    assert.equal(images[third.sha], third.sha);
    assert.equal(images.latest, third.sha);
  });

  it('Draft releases runs one matrix job per app ("Draft {app} release"), each drafting its app', async () => {
    await start();
    const pushed = (await admin('push', { message: 'Merged a README change' })) as { runs: Array<{ id: number; workflowPath: string }> };
    simulator.advance(60);
    const run = pushed.runs.find((candidate) => candidate.workflowPath.endsWith('draft_releases.yml'));
    assert.ok(run);
    const jobs = (await call<{ jobs: Job[] }>('GET', `/repos/${MONOREPO}/actions/runs/${String(run.id)}/jobs`)).body.jobs;
    assert.deepEqual(jobs.map((job) => job.name), ['Draft api release', 'Draft frontend release', 'Draft catalog release', 'Draft ingestion_server release']);
    for (const job of jobs) {
      assert.equal(job.conclusion, 'success');
      assert.deepEqual(job.steps.map((candidate) => candidate.name).slice(-2), ['Calculate tag name', 'Run release-drafter/release-drafter@v6']);
    }
    assert.ok((await world()).repos[0]?.releases.filter((release) => release.draft).every((release) => release.tagName.includes('-2026.11.26.09.00.')));
  });

  it('serves the _nginx images only for the API and the frontend (the only apps with one, openverse-facts §1.3, §1.4)', async () => {
    await start();
    for (const name of ['openverse-api', 'openverse-api_nginx', 'openverse-frontend_nginx', 'openverse-catalog']) {
      assert.equal((await call('GET', `/orgs/WordPress/packages/container/${name}/versions`)).status, 200, name);
    }
    for (const name of ['openverse-catalog_nginx', 'openverse-ingestion_server_nginx']) {
      assert.equal((await call('GET', `/orgs/WordPress/packages/container/${name}/versions`)).status, 404, name);
    }
  });

  it('keeps images consistent with the history: latest and SHA tags for the commits that changed each app', async () => {
    await start();
    const built = await world();
    const commits = built.repos[0]?.commits ?? [];
    for (const app of ['api', 'frontend', 'catalog']) {
      const changed = commits.filter((commit) => commit.files?.some((file) => file.filename.startsWith(`${app}/`)));
      assert.equal(built.images[app]?.latest, changed.at(-1)?.sha, `${app}: latest is its last commit`);
      assert.deepEqual(Object.keys(built.images[app] ?? {}).filter((tag) => /^[0-9a-f]{40}$/.test(tag)).sort(), changed.map((commit) => commit.sha).sort());
    }
    const frontendStaging = built.environments.find((environment) => environment.app === 'frontend' && environment.environment === 'staging');
    assert.equal(frontendStaging?.release, built.images.frontend?.latest, 'frontend staging runs the last frontend build');
  });
});
