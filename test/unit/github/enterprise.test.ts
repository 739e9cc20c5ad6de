import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { listReleases } from '../../../src/github/releases';
import { dispatchWorkflow } from '../../../src/github/workflows';
import { DEMO_TOKEN, INFRA, MONOREPO, openverseWorld } from '../../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

/**
 * A GitHub Enterprise Server answers its REST API under /api/v3 on its own host, and links to itself. The
 * simulator serves the same world that way under /api/v3; the GitHub layer reads it with a token, as on github.com.
 */
describe('a GitHub Enterprise Server (REST API under /api/v3)', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startSimulator({ world: openverseWorld() });
  });

  after(async () => {
    await simulator.close();
  });

  it('is read by the GitHub layer with a token at <server>/api/v3, its links on the server itself', async () => {
    const client = await GitHubClient.create({ apiUrl: `${simulator.url}/api/v3`, token: DEMO_TOKEN, timeoutMs: 2000 });
    const releases = await listReleases(client, MONOREPO);
    assert.ok(releases.length > 0, 'the releases are read');
    for (const release of releases) {
      assert.ok(release.htmlUrl.startsWith(`${simulator.url}/${MONOREPO}/releases/`), `${release.htmlUrl} is on the server`);
    }
    assert.ok(simulator.stats.log.some((entry) => entry.path.startsWith(`/repos/${MONOREPO}/releases`)), 'the request reached the releases route');
  });

  it('pages with Link headers under /api/v3, and github.com-style paths keep github.com links', async () => {
    const enterprise = await fetch(`${simulator.url}/api/v3/repos/${MONOREPO}/releases?per_page=1`, { headers: { authorization: `token ${DEMO_TOKEN}` } });
    assert.equal(enterprise.status, 200);
    assert.match(enterprise.headers.get('link') ?? '', new RegExp(`<${simulator.url}/api/v3/repos/${MONOREPO}/releases\\?[^>]*page=2[^>]*>; rel="next"`));
    const dotCom = (await (await fetch(`${simulator.url}/repos/${MONOREPO}/releases?per_page=1`, { headers: { authorization: `token ${DEMO_TOKEN}` } })).json()) as Array<{ html_url: string }>;
    assert.match(dotCom[0]?.html_url ?? '', /^https:\/\/github\.com\/WordPress\/openverse\/releases\//);
  });

  /**
   * `return_run_details` (GitHub's changelog of 2026-02-19: a dispatch answers 200 with the run's id) is not known to a
   * GitHub Enterprise Server before 3.21, which answers 400 when it is sent (GitHub CLI's feature detection, which reads
   * the server's version from `GET /meta`): a dispatch there must go without it, and its run is then matched.
   */
  describe('dispatching a workflow: the run\'s id where the server can give it', () => {
    const dispatch = (client: GitHubClient): Promise<number | undefined> =>
      dispatchWorkflow(client, { repo: INFRA, workflow: 'deploy-staging-api.yml', ref: 'main', inputs: { tag: 'rel-2026.10.15.09.30.00' }, profileField: 'apps[0].environments[0].deploy' });
    const dispatches = (server: RunningSimulator): number => server.stats.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/dispatches')).length;

    it('on a server before 3.21: dispatched once, without return_run_details, and its run is started', async () => {
      const client = await GitHubClient.create({ apiUrl: `${simulator.url}/api/v3`, token: DEMO_TOKEN, timeoutMs: 2000 });
      const before = simulator.world.repos.find((repo) => repo.fullName === INFRA)?.runs.length ?? 0;
      const sent = dispatches(simulator);
      assert.equal(await dispatch(client), undefined, 'no id: the run is matched afterwards');
      assert.equal(dispatches(simulator) - sent, 1, 'one dispatch, never a second');
      assert.equal(simulator.world.repos.find((repo) => repo.fullName === INFRA)?.runs.length, before + 1, 'the run was created');
    });

    it('on a server of 3.21 or later, and on github.com: the id of the run it started', async () => {
      const newer = await startSimulator({ world: { ...openverseWorld(), enterpriseVersion: '3.21.0' } });
      try {
        const onServer = await GitHubClient.create({ apiUrl: `${newer.url}/api/v3`, token: DEMO_TOKEN, timeoutMs: 2000 });
        const id = await dispatch(onServer);
        assert.ok(typeof id === 'number' && newer.world.repos.find((repo) => repo.fullName === INFRA)?.runs.some((run) => run.id === id), 'the id of the run created');
        const onDotCom = await GitHubClient.create({ apiUrl: newer.url, token: DEMO_TOKEN, timeoutMs: 2000 });
        newer.resetStats();
        assert.equal(typeof (await dispatch(onDotCom)), 'number');
        assert.ok(!newer.stats.log.some((entry) => entry.path === '/meta'), 'github.com: no version to read');
      } finally {
        await newer.close();
      }
    });
  });
});
