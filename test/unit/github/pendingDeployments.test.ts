import { strict as assert } from 'node:assert';
import { listPendingDeployments, parsePendingDeployment, reviewPendingDeployments } from '../../../src/github/pendingDeployments';
import { DEMO_LOGIN, INFRA } from '../../simulator/openverseWorld';
import { rejection, startHarness, type Harness } from './helpers';

/** GitHub's example answer of "Get pending deployments for a workflow run" (REST docs), one entry. */
const DOCUMENTED = {
  environment: { id: 161088068, node_id: 'MDExOkVudmlyb25tZW50MTYxMDg4MDY4', name: 'staging', url: 'https://api.github.com/repos/github/hello-world/environments/staging', html_url: 'https://github.com/github/hello-world/deployments/activity_log?environments_filter=staging' },
  wait_timer: 30,
  wait_timer_started_at: '2020-11-23T22:00:40Z',
  current_user_can_approve: true,
  reviewers: [
    { type: 'User', reviewer: { login: 'octocat', id: 1, type: 'User' } },
    { type: 'Team', reviewer: { id: 1, slug: 'justice-league', name: 'Justice League', html_url: 'https://github.com/orgs/github/teams/justice-league' } },
  ],
};

describe('pending deployments of a run waiting for review', () => {
  let harness: Harness;
  const admin = async (path: string, body: unknown): Promise<{ id: number }> => (await (await fetch(`${harness.simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: number };
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('reads GitHub\'s documented answer: environment, wait, reviewers (teams as org/slug) (review)', () => {
    assert.deepEqual(parsePendingDeployment(DOCUMENTED), {
      environmentId: 161088068,
      environment: 'staging',
      waitTimer: 30,
      waitingSince: '2020-11-23T22:00:40Z',
      currentUserCanApprove: true,
      reviewers: [{ type: 'User', name: 'octocat' }, { type: 'Team', name: 'github/justice-league' }],
    });
  });

  it('lists what a waiting run waits on, approves it once, then refuses a second review (review)', async () => {
    await admin('protect-environment', { repo: INFRA, environment: 'production', reviewers: [{ type: 'User', login: DEMO_LOGIN }] });
    const { id } = await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    harness.simulator.advance(4);
    const pending = await listPendingDeployments(harness.client, INFRA, id);
    assert.equal(pending.length, 1);
    assert.equal(pending[0]?.environment, 'production');
    assert.equal(pending[0]?.currentUserCanApprove, true);
    assert.deepEqual(pending[0]?.reviewers, [{ type: 'User', name: DEMO_LOGIN }]);
    assert.equal(pending[0]?.waitingSince, '2026-11-26T09:00:03Z');
    const review = { repo: INFRA, runId: id, environmentIds: [pending[0]?.environmentId ?? 0], state: 'approved' as const, comment: 'Ship it' };
    await reviewPendingDeployments(harness.client, review);
    assert.deepEqual(await listPendingDeployments(harness.client, INFRA, id), []);
    const again = await rejection(reviewPendingDeployments(harness.client, review));
    assert.equal(again.status, 422);
  });
});
