import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { listCommits } from '../../../src/github/commits';
import { listReleases } from '../../../src/github/releases';
import { checkToken, getSignedInUser } from '../../../src/github/users';
import { listRepositoryRuns } from '../../../src/github/workflows';
import { DEMO_LOGIN, FINE_GRAINED_TOKEN, INFRA, MONOREPO, NO_WORKFLOW_SCOPE_TOKEN, OTHER_REPOS_TOKEN, openverseWorld } from '../../simulator/openverseWorld';
import { addFault, rejection, startHarness, type Harness } from './helpers';

describe('GitHub client against the simulator', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('lists only the commits that change a folder', async () => {
    const all = await listCommits(harness.client, MONOREPO, 'main');
    const api = await listCommits(harness.client, MONOREPO, 'main', { path: 'api/' });
    const monorepo = harness.simulator.world.repos.find((repo) => repo.fullName === MONOREPO);
    const changesApi = (sha: string): boolean => monorepo?.commits.find((commit) => commit.sha === sha)?.files?.some((file) => file.filename.startsWith('api/')) === true;
    assert.ok(api.length > 0 && api.length < all.length, `${api.length} of ${all.length}`);
    assert.ok(api.every((commit) => changesApi(commit.sha)));
    assert.deepEqual(
      api.map((commit) => commit.sha),
      all.filter((commit) => changesApi(commit.sha)).map((commit) => commit.sha),
      'the same commits, newest first',
    );
    assert.deepEqual(await listCommits(harness.client, MONOREPO, 'main', { path: 'no_such_app/' }), []);
  });

  it('reads who is signed in and the scopes of a classic token', async () => {
    const user = await getSignedInUser(harness.client);
    assert.equal(user.login, DEMO_LOGIN);
    assert.deepEqual(user.scopes, ['repo', 'workflow', 'read:org', 'read:packages']);
  });

  it('refuses a token without the workflow scope, naming it', async () => {
    const client = await GitHubClient.create({ apiUrl: harness.simulator.url, token: NO_WORKFLOW_SCOPE_TOKEN });
    const error = await rejection(checkToken(client));
    assert.match(error.message, /lacks the "workflow" scope/);
  });

  it('accepts a fine-grained token limited to the two repositories', async () => {
    const client = await GitHubClient.create({ apiUrl: harness.simulator.url, token: FINE_GRAINED_TOKEN });
    const user = await checkToken(client);
    assert.equal(user.scopes, undefined);
    assert.ok((await listReleases(client, MONOREPO)).length > 0);
  });

  it('reports a revoked token as unauthorized', async () => {
    const client = await GitHubClient.create({ apiUrl: harness.simulator.url, token: 'rd_revoked_token' });
    const error = await rejection(getSignedInUser(client));
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /expired or was revoked\. Sign in again/);
    assert.doesNotMatch(error.message, /rd_revoked_token/);
  });

  it('says which profile field to fix when a repository is not visible', async () => {
    const client = await GitHubClient.create({ apiUrl: harness.simulator.url, token: OTHER_REPOS_TOKEN });
    const error = await rejection(listReleases(client, MONOREPO));
    assert.equal(error.kind, 'notFound');
    assert.match(error.message, /Check "monorepo" in the profile/);
  });

  it('sends If-None-Match on a repeated GET and serves the 304 from its cache, free of rate limit', async () => {
    const first = await listReleases(harness.client, MONOREPO);
    const unitsAfterFirst = harness.simulator.stats.rateLimitUnits;
    const second = await listReleases(harness.client, MONOREPO);
    assert.deepEqual(second, first);
    assert.equal(harness.simulator.stats.notModified, 1, 'the simulator saw a matching If-None-Match');
    assert.equal(harness.client.stats.notModified, 1);
    assert.equal(harness.simulator.stats.rateLimitUnits, unitsAfterFirst, 'the 304 cost nothing');
    assert.equal(harness.client.stats.rateLimitUnits, 1);
  });

  it('follows pagination across pages of 100', async () => {
    const world = openverseWorld();
    const monorepo = world.repos[0]!;
    for (let index = 0; index < 130; index += 1) {
      monorepo.releases.push({ ...monorepo.releases[0]!, id: 1 + index, tagName: `api-2025.01.01.00.00.${String(index % 60).padStart(2, '0')}`, createdAt: '2025-01-01T00:00:00Z' });
    }
    await harness.simulator.close();
    harness = await startHarness({ world });
    const releases = await listReleases(harness.client, MONOREPO, 3);
    assert.equal(releases.length, monorepo.releases.length);
    assert.equal(harness.simulator.stats.requests, 3, 'pages 1, 2 and 3 requested');
  });

  it('retries a GET after a 502 and succeeds', async () => {
    await addFault(harness.simulator, { path: '/releases$', kind: 'status', status: 502, count: 1 });
    const releases = await listReleases(harness.client, MONOREPO);
    assert.ok(releases.length > 0);
    assert.equal(harness.client.stats.retries, 1);
    assert.deepEqual(harness.sleeps, [250]);
  });

  for (const status of [500, 502, 503]) {
    it(`gives up after retries on repeated ${status} with a message to try again`, async () => {
      await addFault(harness.simulator, { path: '/releases$', kind: 'status', status, count: 5 });
      const error = await rejection(listReleases(harness.client, MONOREPO));
      assert.equal(error.kind, 'server');
      assert.match(error.message, new RegExp(`GitHub answered ${status} \\(a server error\\) while trying to list the GitHub Releases of WordPress/openverse`));
      assert.deepEqual(harness.sleeps, [250, 1000]);
    });
  }

  it('retries after a connection reset', async () => {
    await addFault(harness.simulator, { path: '/releases$', kind: 'reset', count: 1 });
    assert.ok((await listReleases(harness.client, MONOREPO)).length > 0);
    assert.equal(harness.client.stats.retries, 1);
  });

  it('times out a slow answer and says so', async () => {
    await harness.simulator.close();
    harness = await startHarness({ client: { timeoutMs: 200, maxRetries: 0 } });
    await addFault(harness.simulator, { path: '/releases$', kind: 'delay', delayMs: 1500, count: 1 });
    const error = await rejection(listReleases(harness.client, MONOREPO));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not answer in time/);
  });

  it('times out an answer whose body stops coming, then tries again and gets it', async () => {
    await harness.simulator.close();
    harness = await startHarness({ client: { timeoutMs: 300, maxRetries: 1 } });
    await addFault(harness.simulator, { path: '/releases$', kind: 'stall', count: 1 });
    const started = Date.now();
    assert.ok((await listReleases(harness.client, MONOREPO)).length > 0, 'the retry brings the releases');
    assert.equal(harness.client.stats.retries, 1);
    assert.ok(Date.now() - started < 3000, 'the stalled body was given up after its time limit');
  });

  it('says so when every attempt stalls in the middle of the body', async () => {
    await harness.simulator.close();
    harness = await startHarness({ client: { timeoutMs: 300, maxRetries: 1 } });
    await addFault(harness.simulator, { path: '/releases$', kind: 'stall', count: 2 });
    const error = await rejection(listReleases(harness.client, MONOREPO));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not answer in time/);
  });

  it('turns malformed JSON into a clear error', async () => {
    await addFault(harness.simulator, { path: '/releases$', kind: 'malformed', count: 3 });
    const error = await rejection(listReleases(harness.client, MONOREPO));
    assert.equal(error.kind, 'malformed');
    assert.match(error.message, /not what its API returns/);
  });

  it('turns an HTML error page into a server error without showing the HTML', async () => {
    await addFault(harness.simulator, { path: '/releases$', kind: 'html', status: 502, count: 3 });
    const error = await rejection(listReleases(harness.client, MONOREPO));
    assert.equal(error.kind, 'server');
    assert.doesNotMatch(error.message, /<html/i);
  });

  it('stops at a primary rate limit until its reset, without asking GitHub again', async () => {
    await addFault(harness.simulator, { path: '/releases$', kind: 'rateLimit', count: 1 });
    const error = await rejection(listReleases(harness.client, MONOREPO));
    assert.equal(error.kind, 'rateLimited');
    assert.match(error.message, /It lifts at \d{1,2}:\d\d:\d\d(?: [AP]M)?; /);
    const requestsSoFar = harness.simulator.stats.requests;
    const again = await rejection(listRepositoryRuns(harness.client, INFRA));
    assert.equal(again.kind, 'rateLimited');
    assert.equal(harness.simulator.stats.requests, requestsSoFar, 'no request while the limit holds');
  });

  it('honours Retry-After of a secondary rate limit, then succeeds', async () => {
    await addFault(harness.simulator, { path: '/releases$', kind: 'secondaryRateLimit', status: 429, retryAfterSeconds: 2, count: 1 });
    harness = { ...harness, client: await GitHubClient.create({ apiUrl: harness.simulator.url, token: 'rd_demo_token_not_a_secret', sleep: (ms) => { harness.sleeps.push(ms); return Promise.resolve(); }, now: () => harness.simulator.now().getTime() }) };
    const releases = await listReleases(harness.client, MONOREPO);
    assert.ok(releases.length > 0);
    assert.deepEqual(harness.sleeps, [2000]);
  });
});
