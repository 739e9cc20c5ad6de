import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { listReleases } from '../../../src/github/releases';
import { DEMO_TOKEN, MONOREPO, openverseWorld } from '../../simulator/openverseWorld';
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
});
