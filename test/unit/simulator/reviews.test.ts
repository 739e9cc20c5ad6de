import { strict as assert } from 'node:assert';
import { DEMO_LOGIN, DEMO_TOKEN, INFRA, openverseWorld } from '../../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

/** The simulator's environments with required reviewers ("Reviewing deployments"; test/simulator/reviews.ts). */
describe('the simulator\'s deployments waiting for review', () => {
  let simulator: RunningSimulator;
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${simulator.url}${path}`, { method, headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  };
  const run = async (id: number): Promise<{ status: string; conclusion: string | null }> => (await call<{ status: string; conclusion: string | null }>('GET', `/repos/${INFRA}/actions/runs/${id}`)).body;
  const version = async (): Promise<string> => ((await (await fetch(`${simulator.url}/live/frontend/production/version`)).json()) as { release: string }).release;

  /** A colleague's deployment of frontend production, reviewed by `reviewers` (and held by a wait timer of `waitTimer` minutes); waiting once queued. */
  async function waitingDeployment(reviewers: unknown[], waitTimer?: number): Promise<{ id: number; environmentId: number }> {
    await call('POST', '/_admin/protect-environment', { repo: INFRA, environment: 'production', reviewers, ...(waitTimer !== undefined ? { waitTimer } : {}) });
    const started = (await call<{ id: number }>('POST', '/_admin/dispatch', { repo: INFRA, workflow: 'deploy-production-frontend.yml', actor: 'colleague', inputs: { tag: 'rel-2026.11.05.16.20.00' } })).body;
    simulator.advance(4);
    const pending = (await call<Array<{ environment: { id: number } }>>('GET', `/repos/${INFRA}/actions/runs/${started.id}/pending_deployments`)).body;
    return { id: started.id, environmentId: pending[0]?.environment.id ?? -1 };
  }

  beforeEach(async () => {
    simulator = await startSimulator({ world: openverseWorld() });
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('a job of a protected environment waits, however long, then deploys once approved (review)', async () => {
    const before = await version();
    const { id, environmentId } = await waitingDeployment([{ type: 'User', login: DEMO_LOGIN }]);
    simulator.advance(3600);
    assert.equal((await run(id)).status, 'waiting');
    assert.equal(await version(), before, 'nothing deployed while waiting');
    assert.equal((await call('POST', `/repos/${INFRA}/actions/runs/${id}/pending_deployments`, { environment_ids: [environmentId], state: 'approved', comment: '' })).status, 200);
    simulator.advance(60);
    assert.deepEqual(await run(id), { ...(await run(id)), status: 'completed', conclusion: 'success' });
    assert.notEqual(await version(), before);
  });

  it('a rejected deployment fails its run; an unreviewed one fails after 30 days (review)', async () => {
    const rejected = await waitingDeployment([{ type: 'Team', slug: 'maintainers', members: [DEMO_LOGIN] }]);
    assert.equal((await call('POST', `/repos/${INFRA}/actions/runs/${rejected.id}/pending_deployments`, { environment_ids: [rejected.environmentId], state: 'rejected', comment: 'Not tonight' })).status, 200);
    assert.equal((await run(rejected.id)).conclusion, 'failure');
    const forgotten = await waitingDeployment([{ type: 'User', login: 'someone-else' }]);
    simulator.advance(30 * 24 * 3600);
    assert.equal((await run(forgotten.id)).conclusion, 'failure');
  });

  it('a wait timer alone holds the job that many minutes, listed as a pending deployment, then it deploys by itself (wait timer)', async () => {
    const before = await version();
    const { id } = await waitingDeployment([], 10);
    assert.equal((await run(id)).status, 'waiting');
    const pending = (await call<Array<Record<string, unknown>>>('GET', `/repos/${INFRA}/actions/runs/${id}/pending_deployments`)).body;
    assert.equal(pending.length, 1);
    assert.equal(pending[0]?.wait_timer, 10);
    assert.equal(typeof pending[0]?.wait_timer_started_at, 'string');
    assert.deepEqual(pending[0]?.reviewers, []);
    assert.equal(pending[0]?.current_user_can_approve, false);
    const jobs = (await call<{ jobs: Array<{ status: string }> }>('GET', `/repos/${INFRA}/actions/runs/${id}/jobs`)).body.jobs;
    assert.equal(jobs[0]?.status, 'waiting');
    simulator.advance(9 * 60);
    assert.equal((await run(id)).status, 'waiting', 'still waiting a minute before the timer ends');
    assert.equal(await version(), before);
    simulator.advance(60 + 60);
    assert.deepEqual(await run(id), { ...(await run(id)), status: 'completed', conclusion: 'success' });
    assert.notEqual(await version(), before);
    assert.deepEqual((await call('GET', `/repos/${INFRA}/actions/runs/${id}/pending_deployments`)).body, []);
  });

  it('a wait timer with required reviewers: the job starts once approved and the timer has ended, whichever comes last (wait timer)', async () => {
    const late = await waitingDeployment([{ type: 'User', login: DEMO_LOGIN }], 10);
    simulator.advance(20 * 60);
    assert.equal((await run(late.id)).status, 'waiting', 'the timer has ended; the reviewers have not approved');
    assert.equal((await call('POST', `/repos/${INFRA}/actions/runs/${late.id}/pending_deployments`, { environment_ids: [late.environmentId], state: 'approved', comment: '' })).status, 200);
    simulator.advance(60);
    assert.equal((await run(late.id)).conclusion, 'success');
    const early = await waitingDeployment([{ type: 'User', login: DEMO_LOGIN }], 10);
    assert.equal((await call('POST', `/repos/${INFRA}/actions/runs/${early.id}/pending_deployments`, { environment_ids: [early.environmentId], state: 'approved', comment: '' })).status, 200);
    simulator.advance(5 * 60);
    assert.equal((await run(early.id)).status, 'waiting', 'approved, the timer still runs');
    simulator.advance(6 * 60);
    assert.equal((await run(early.id)).conclusion, 'success');
  });

  it('a deleted run answers 404 to a review (review)', async () => {
    const { id, environmentId } = await waitingDeployment([{ type: 'User', login: DEMO_LOGIN }]);
    await call('POST', '/_admin/delete-run', { repo: INFRA, runId: id });
    assert.equal((await call('POST', `/repos/${INFRA}/actions/runs/${id}/pending_deployments`, { environment_ids: [environmentId], state: 'approved', comment: '' })).status, 404);
  });
});
