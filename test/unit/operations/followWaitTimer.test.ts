import { strict as assert } from 'node:assert';
import type { DeploymentReview } from '../../../src/domain/snapshot';
import { getRun } from '../../../src/github/workflows';
import { followRun } from '../../../src/operations/follow';
import { INFRA } from '../../simulator/openverseWorld';
import { startHarness, type Harness } from '../github/helpers';

/** Following a deployment run held only by its environment's wait timer: nobody to ask, it starts by itself. */
describe('following a deployment held by a wait timer', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('says it waits for the timer, offers no review, and follows it to its end (wait timer)', async () => {
    const admin = async (path: string, body: unknown): Promise<{ id: number }> => (await (await fetch(`${harness.simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: number };
    await admin('protect-environment', { repo: INFRA, environment: 'production', reviewers: [], waitTimer: 5 });
    const { id } = await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    harness.simulator.advance(4);
    const said: string[] = [];
    const offered: DeploymentReview[] = [];
    const outcome = await followRun(harness.client, INFRA, await getRun(harness.client, INFRA, id), {
      sleep: () => {
        harness.simulator.advance(60);
        return Promise.resolve();
      },
      onUpdate: (run, review) => said.push(run.status === 'waiting' && review !== undefined ? `waiting ${String(review.waitTimer)} min, ${review.reviewers.length} reviewers` : run.status),
      onReview: (_run, review) => offered.push(review),
    });
    assert.equal(outcome.kind, 'finished');
    assert.equal(outcome.run.conclusion, 'success');
    assert.ok(said.includes('waiting 5 min, 0 reviewers'), said.join(' · '));
    assert.deepEqual(offered, [], 'a wait timer needs nobody: no review offered');
  });
});
