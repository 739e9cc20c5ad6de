import { strict as assert } from 'node:assert';
import { DEMO_TOKEN, INFRA, openverseWorld } from '../../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

/**
 * Lists page as GitHub's REST docs give them ("Using pagination in the REST API": `per_page`, default 30, max 100,
 * `page`, a `Link` header): "List repository workflows" and "List package versions for a package owned by an
 * organization" among them, so a client that asks for too little is not served everything anyway.
 */
describe('the simulator pages the workflows and package versions lists', () => {
  let simulator: RunningSimulator;
  before(async () => {
    simulator = await startSimulator({ world: openverseWorld() });
  });
  after(async () => {
    await simulator.close();
  });
  const get = async (path: string): Promise<{ body: unknown; link: string | null }> => {
    const response = await fetch(`${simulator.url}${path}`, { headers: { authorization: `token ${DEMO_TOKEN}` } });
    assert.equal(response.status, 200);
    return { body: await response.json(), link: response.headers.get('link') };
  };

  it('workflows: one page of per_page, total_count all of them, Link to the next', async () => {
    const { body, link } = await get(`/repos/${INFRA}/actions/workflows?per_page=1`);
    const { total_count: total, workflows } = body as { total_count: number; workflows: unknown[] };
    assert.equal(workflows.length, 1);
    assert.ok(total > 1);
    assert.match(link ?? '', /[?&]page=2[^>]*>; rel="next"/);
  });

  it('package versions: one page of per_page, Link to the next', async () => {
    const all = (await get('/orgs/WordPress/packages/container/openverse-api/versions?per_page=100')).body as unknown[];
    assert.ok(all.length > 1);
    const { body, link } = await get('/orgs/WordPress/packages/container/openverse-api/versions?per_page=1');
    assert.equal((body as unknown[]).length, 1);
    assert.match(link ?? '', /[?&]page=2[^>]*>; rel="next"/);
  });
});
