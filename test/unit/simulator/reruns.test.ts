import { strict as assert } from 'node:assert';
import { DEMO_TOKEN, INFRA, MONOREPO, openverseWorld } from '../../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

/**
 * "Re-run failed jobs from a workflow run" in the simulator (test/simulator/reruns.ts): GitHub re-runs "all of
 * the failed jobs and their dependent jobs" (the jobs that `needs:` them), in the same run with `run_attempt` one
 * more; the other jobs keep their results. CI's jobs and their `needs` are those of ci_cd.yml (openverse-facts §1.4).
 */

interface Run { id: number; status: string; conclusion: string | null; run_attempt: number; display_title: string; created_at: string; run_started_at: string; updated_at: string }
interface Job { name: string; status: string; conclusion: string | null; started_at: string; completed_at: string | null }

describe('the simulator\'s re-run of failed jobs', () => {
  let simulator: RunningSimulator;
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${simulator.url}${path}`, { method, headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  };
  const admin = async (path: string, body: unknown): Promise<unknown> => (await call('POST', `/_admin/${path}`, body)).body;
  const ciRun = async (title: string): Promise<Run> => {
    const run = (await call<{ workflow_runs: Run[] }>('GET', `/repos/${MONOREPO}/actions/workflows/ci_cd.yml/runs`)).body.workflow_runs.find((candidate) => candidate.display_title === title);
    assert.ok(run, `the CI run "${title}"`);
    return run;
  };
  /** The jobs of the run's latest attempt: what each did and when. */
  const jobs = async (id: number): Promise<Map<string, Job>> => new Map((await call<{ jobs: Job[] }>('GET', `/repos/${MONOREPO}/actions/runs/${id}/jobs`)).body.jobs.map((job) => [job.name, { name: job.name, status: job.status, conclusion: job.conclusion, started_at: job.started_at, completed_at: job.completed_at }]));
  const stagingRuns = async (title: string): Promise<Array<{ name: string; conclusion: string | null }>> => (await call<{ workflow_runs: Array<Run & { name: string }> }>('GET', `/repos/${INFRA}/actions/runs?per_page=100`)).body.workflow_runs.filter((run) => run.display_title === title);

  beforeEach(async () => {
    simulator = await startSimulator({ world: openverseWorld(), clock: 'manual' });
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('a failed staging deployment job does not stop the independent one; re-run, only it runs again and the run succeeds (needs)', async () => {
    const title = 'Touch both apps (#7001)';
    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-staging-frontend.yml', step: 'Deploy' });
    await admin('push', { message: title, files: ['frontend/src/a.vue', 'api/api/b.py'] });
    simulator.advance(600);
    const failed = await ciRun(title);
    assert.equal(failed.conclusion, 'failure');
    const before = await jobs(failed.id);
    assert.equal(before.get('Deploy staging frontend')?.conclusion, 'failure');
    // deploy-api needs publish-images, not deploy-frontend (openverse-facts §1.4): it runs and succeeds.
    assert.equal(before.get('Deploy staging API')?.conclusion, 'success');
    assert.deepEqual((await stagingRuns(title)).map((run) => `${run.name} ${String(run.conclusion)}`).sort(), ['Deployment - staging-api success', 'Deployment - staging-nuxt failure']);

    assert.equal((await call('POST', `/repos/${MONOREPO}/actions/runs/${failed.id}/rerun-failed-jobs`)).status, 201);
    const rerun = await ciRun(title);
    assert.deepEqual([rerun.status, rerun.conclusion, rerun.run_attempt], ['queued', null, 2]);
    simulator.advance(600);
    const done = await ciRun(title);
    assert.deepEqual([done.status, done.conclusion, done.run_attempt], ['completed', 'success', 2]);
    const after = await jobs(done.id);
    assert.equal(after.get('Deploy staging frontend')?.conclusion, 'success');
    assert.notEqual(after.get('Deploy staging frontend')?.started_at, before.get('Deploy staging frontend')?.started_at, 'the failed job ran again');
    for (const kept of ['Get image tag', 'Build images', 'Publish images', 'Deploy staging API']) {
      assert.deepEqual(after.get(kept), before.get(kept), `${kept} keeps its result`);
    }
    assert.equal((await stagingRuns(title)).filter((run) => run.name === 'Deployment - staging-api').length, 1, 'API staging is not deployed again');
  });

  it('a failed job re-runs with the jobs that need it, not the jobs it needs (needs)', async () => {
    const title = 'Touch the API (#7002)';
    // CI's main step: "Push latest and the SHA tag" in "Publish images".
    await admin('fail-next-run', { workflowPath: '.github/workflows/ci_cd.yml' });
    await admin('push', { message: title, files: ['api/api/c.py'] });
    simulator.advance(600);
    const failed = await ciRun(title);
    const before = await jobs(failed.id);
    assert.equal(before.get('Publish images')?.conclusion, 'failure');
    assert.equal(before.get('Deploy staging API')?.conclusion, 'skipped', 'it needs Publish images');
    assert.equal((await call('POST', `/repos/${MONOREPO}/actions/runs/${failed.id}/rerun-failed-jobs`)).status, 201);
    simulator.advance(600);
    const done = await ciRun(title);
    assert.equal(done.conclusion, 'success');
    const after = await jobs(done.id);
    assert.deepEqual(after.get('Get image tag'), before.get('Get image tag'));
    assert.deepEqual(after.get('Build images'), before.get('Build images'));
    assert.equal(after.get('Publish images')?.conclusion, 'success');
    assert.equal(after.get('Deploy staging API')?.conclusion, 'success');
    assert.equal(after.get('Deploy staging frontend')?.conclusion, 'skipped', 'the push did not change the frontend');
  });

  it('a re-run keeps the run\'s created_at; its run_started_at is the new attempt\'s (REST description: "Resets on re-run.")', async () => {
    const title = 'Touch the frontend (#7003)';
    await admin('fail-next-run', { workflowPath: '.github/workflows/ci_cd.yml' });
    await admin('push', { message: title, files: ['frontend/src/d.vue'] });
    simulator.advance(600);
    const failed = await ciRun(title);
    assert.equal(failed.conclusion, 'failure');
    simulator.advance(3600);
    assert.equal((await call('POST', `/repos/${MONOREPO}/actions/runs/${failed.id}/rerun-failed-jobs`)).status, 201);
    const queued = await ciRun(title);
    assert.equal(queued.status, 'queued');
    assert.equal(queued.created_at, failed.created_at);
    assert.ok(Date.parse(queued.run_started_at) >= Date.parse(failed.updated_at) + 3_600_000, `the attempt started at the re-run (${queued.run_started_at}), not when the run was created (${failed.created_at})`);
    simulator.advance(600);
    const done = await ciRun(title);
    assert.equal(done.created_at, failed.created_at);
    assert.ok(Date.parse(done.run_started_at) >= Date.parse(queued.run_started_at));
  });
});
