import { strict as assert } from 'node:assert';
import type { DeploymentReview } from '../../../src/domain/snapshot';
import { getRun } from '../../../src/github/workflows';
import { followRun } from '../../../src/operations/follow';
import { DEMO_LOGIN, INFRA } from '../../simulator/openverseWorld';
import { startHarness, type Harness } from '../github/helpers';

/** Following a deployment run that waits on its environment's required reviewers. */
describe('following a deployment that waits for review', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('says whom it waits for, offers the review once, and keeps following past its time limit until it is reviewed (review)', async () => {
    const admin = async (path: string, body: unknown): Promise<{ id: number }> => (await (await fetch(`${harness.simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: number };
    await admin('protect-environment', { repo: INFRA, environment: 'production', reviewers: [{ type: 'User', login: DEMO_LOGIN }] });
    const { id } = await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    harness.simulator.advance(4);
    const said: string[] = [];
    const offered: DeploymentReview[] = [];
    let polls = 0;
    // The follow's own clock moves 20 ms per poll whatever the machine's load (a real clock made this flaky).
    let clock = 0;
    const outcome = await followRun(harness.client, INFRA, await getRun(harness.client, INFRA, id), {
      timeoutMs: 50,
      now: () => clock,
      sleep: async () => {
        polls += 1;
        clock += 20;
        if (polls === 5) {
          // A reviewer approves while the follow waits, well past its time limit.
          const pending = (await (await fetch(`${harness.simulator.url}/repos/${INFRA}/actions/runs/${id}/pending_deployments`, { headers: { authorization: 'token rd_demo_token_not_a_secret' } })).json()) as Array<{ environment: { id: number } }>;
          await fetch(`${harness.simulator.url}/repos/${INFRA}/actions/runs/${id}/pending_deployments`, { method: 'POST', headers: { authorization: 'token rd_demo_token_not_a_secret', 'content-type': 'application/json' }, body: JSON.stringify({ environment_ids: [pending[0]?.environment.id], state: 'approved', comment: '' }) });
        }
        if (polls > 5) {
          harness.simulator.advance(30);
        }
      },
      onUpdate: (run, review) => {
        said.push(run.status === 'waiting' && review !== undefined ? `waiting for ${review.reviewers.map((reviewer) => reviewer.name).join()}` : run.status);
      },
      onReview: (_run, review) => offered.push(review),
    });
    assert.equal(outcome.kind, 'finished');
    assert.equal(outcome.run.conclusion, 'success');
    assert.ok(said.filter((one) => one === `waiting for ${DEMO_LOGIN}`).length >= 5, said.join(' · '));
    assert.equal(offered.length, 1, 'offered once');
    assert.equal(offered[0]?.canReview, true);
    const reads = harness.simulator.stats.log.filter((entry) => entry.method === 'GET' && entry.path.endsWith('/pending_deployments')).length;
    assert.equal(reads, 2, 'whom it waits for is read once by the follow (the other read is the test\'s own)');
  });
});
