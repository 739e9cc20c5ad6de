import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { listReleases } from '../../../src/github/releases';
import { getSignedInUser } from '../../../src/github/users';
import { listRepositoryRuns } from '../../../src/github/workflows';
import { DEMO_TOKEN, INFRA, MONOREPO } from '../../simulator/openverseWorld';
import { startFakeServer, type FakeServer } from './fakeServer';
import { addFault, rejection, startHarness, type Harness } from './helpers';

const HOUR_MS = 3600_000;
const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('GitHub rate limits: how long Release Deck waits', () => {
  let harness: Harness | undefined;
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await harness?.simulator.close();
    await fake?.close();
    harness = undefined;
    fake = undefined;
  });

  /** A server that answers every request 403 or 429 with the given headers, and a client whose clock stands at NOW. */
  async function limitedBy(status: number, headers: Record<string, string>): Promise<{ client: GitHubClient; sleeps: number[] }> {
    fake = await startFakeServer((_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify({ message: status === 429 ? 'You have exceeded a secondary rate limit.' : 'API rate limit exceeded for user ID 1.' }));
    });
    const sleeps: number[] = [];
    const client = await GitHubClient.create({ apiUrl: fake.url, token: DEMO_TOKEN, now: () => NOW, sleep: (ms) => { sleeps.push(ms); return Promise.resolve(); } });
    return { client, sleeps };
  }

  it('waits at most an hour for a Retry-After of 10^9 seconds, and says GitHub asked for longer', async () => {
    const { client, sleeps } = await limitedBy(429, { 'retry-after': '1000000000' });
    const error = await rejection(getSignedInUser(client));
    assert.equal(error.kind, 'rateLimited');
    assert.match(error.message, /GitHub asks to wait until \w{3} \d{1,2}, 2057, \d{1,2}:\d\d(?: [AP]M)?; Release Deck will not wait longer than an hour: try again later\./);
    assert.equal(client.rateLimitedUntil?.getTime(), NOW + HOUR_MS);
    assert.deepEqual(sleeps, [], 'no sleep of 31 years');
  });

  it('waits at most an hour for an X-RateLimit-Reset decades away (simulator, wall clock)', async () => {
    harness = await startHarness({ client: { now: Date.now } });
    await addFault(harness.simulator, { path: '/releases$', kind: 'rateLimit', resetInSeconds: 40 * 365 * 24 * 3600, count: 1 });
    const before = Date.now();
    const error = await rejection(listReleases(harness.client, MONOREPO));
    assert.equal(error.kind, 'rateLimited');
    assert.match(error.message, /GitHub asks to wait until \w{3} \d{1,2}, 20[6-9]\d, \d{1,2}:\d\d(?: [AP]M)?; Release Deck will not wait longer than an hour: try again later\./);
    const until = harness.client.rateLimitedUntil?.getTime() ?? 0;
    assert.ok(until >= before + HOUR_MS && until <= Date.now() + HOUR_MS, `blocked until ${new Date(until).toISOString()}`);
  });

  const cases: ReadonlyArray<{ name: string; status: number; headers: Record<string, string>; liftsInMs: number }> = [
    { name: 'an X-RateLimit-Reset in the past', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String((NOW - HOUR_MS) / 1000) }, liftsInMs: 60_000 },
    { name: 'a negative X-RateLimit-Reset', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '-5' }, liftsInMs: 60_000 },
    { name: 'a non-numeric X-RateLimit-Reset', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'NaN' }, liftsInMs: 60_000 },
    { name: 'a negative Retry-After', status: 429, headers: { 'retry-after': '-5' }, liftsInMs: 60_000 },
    { name: 'a non-numeric Retry-After', status: 429, headers: { 'retry-after': 'soon' }, liftsInMs: 60_000 },
    { name: 'an HTTP-date Retry-After 90 s ahead', status: 429, headers: { 'retry-after': new Date(NOW + 90_000).toUTCString() }, liftsInMs: 90_000 },
    { name: 'an HTTP-date Retry-After in the past', status: 429, headers: { 'retry-after': new Date(NOW - 90_000).toUTCString() }, liftsInMs: 0 },
  ];
  for (const { name, status, headers, liftsInMs } of cases) {
    it(`reads ${name} as a wait of ${liftsInMs / 1000} s`, async () => {
      const { client, sleeps } = await limitedBy(status, headers);
      const error = await rejection(getSignedInUser(client));
      assert.equal(error.kind, 'rateLimited');
      assert.equal(error.retryAt?.getTime(), NOW + liftsInMs, `lifts at ${error.retryAt?.toISOString() ?? 'never'}`);
      if (liftsInMs > 0) {
        assert.equal(client.rateLimitedUntil?.getTime(), NOW + liftsInMs);
        assert.doesNotMatch(error.message, /19[67]\d|will not wait/);
      }
      assert.ok(sleeps.every((ms) => ms >= 0 && ms <= 60_000), `sleeps ${sleeps.join(', ')}`);
    });
  }

  it('keeps a primary limit in force after a secondary limit\'s wait is over', async () => {
    let wake: () => void = () => undefined;
    const sleeps: number[] = [];
    harness = await startHarness({
      client: {
        now: Date.now,
        sleep: (ms) => {
          sleeps.push(ms);
          return new Promise<void>((resolve) => {
            wake = resolve;
          });
        },
      },
    });
    await addFault(harness.simulator, { path: '/releases$', kind: 'secondaryRateLimit', status: 429, retryAfterSeconds: 2, count: 1 });
    await addFault(harness.simulator, { path: '/actions/runs$', kind: 'rateLimit', resetInSeconds: 1800, count: 1 });
    // Both requests leave before either answer comes: one meets the secondary limit and waits, the other the primary.
    const releases = listReleases(harness.client, MONOREPO);
    const primary = await rejection(listRepositoryRuns(harness.client, INFRA));
    assert.equal(primary.kind, 'rateLimited');
    while (sleeps.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const requestsSoFar = harness.simulator.stats.requests;
    wake();
    const afterWait = await rejection(releases);
    assert.equal(afterWait.kind, 'rateLimited', 'the primary limit still holds');
    assert.ok((afterWait.retryAt?.getTime() ?? 0) > Date.now() + 1700_000, `lifts at ${afterWait.retryAt?.toISOString() ?? 'never'}`);
    assert.equal(harness.simulator.stats.requests, requestsSoFar, 'nothing asked of GitHub while the primary limit holds');
    assert.ok(harness.client.rateLimitedUntil !== undefined);
  });
});
