import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { admin, find, loadedDeck, waitFor, withClockMoving, world } from './support';
import { COMMANDS } from '../../src/commandIds';

/**
 * GitHub and the environments misbehave; the deck says what happened, keeps what it knew on screen,
 * and recovers on the next refresh once the fault clears.
 */
describe('faults while refreshing the deck', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
  });

  afterEach(async () => {
    await admin('faults', undefined, 'DELETE');
  });

  // The deployment runs are two listings (workflow_dispatch, repository_dispatch): 6 faults fail every try of both.
  const githubFaults: Array<[string, Record<string, unknown>, RegExp]> = [
    ['500 on every try', { path: '/releases$', kind: 'status', status: 500, count: 3 }, /GitHub answered 500 \(a server error\) while trying to list the GitHub Releases of WordPress\/openverse/],
    ['502 on every try', { path: '/actions/runs$', kind: 'status', status: 502, count: 6 }, /GitHub answered 502 \(a server error\) while trying to list the workflow runs of WordPress\/openverse-infrastructure/],
    // Every try of the three listings of the monorepo's commits (its default branch, and the API's and the frontend's for staging titles).
    ['503 on every try', { path: '^/repos/WordPress/openverse/commits$', kind: 'status', status: 503, count: 9 }, /GitHub answered 503 \(a server error\) while trying to list the commits of the default branch of WordPress\/openverse/],
    ['a repository that is not found', { path: '/releases$', kind: 'status', status: 404, count: 1 }, /Not Found while trying to list the GitHub Releases of WordPress\/openverse.*Check "monorepo" in the profile/],
    ['connection resets', { path: '/releases$', kind: 'reset', count: 3 }, /GitHub could not be reached while trying to list the GitHub Releases/],
    ['malformed JSON', { path: '/releases$', kind: 'malformed', count: 3 }, /GitHub's answer while trying to list the GitHub Releases of WordPress\/openverse was not what its API returns/],
    ['an HTML error page', { path: '/actions/runs$', kind: 'html', status: 502, count: 6 }, /GitHub answered 502 \(a server error\)/],
  ];
  for (const [name, fault, message] of githubFaults) {
    it(`${name}: says so, keeps the deck on screen, and recovers`, async () => {
      await admin('faults', fault);
      await deck.refresh();
      const error = deck.state().error?.message ?? '';
      assert.match(error, message);
      const items = deck.describeDeck();
      assert.match(items[0]?.label ?? '', /^Stale: data from /);
      // Its string tooltip would otherwise be all a screen reader says: not that the deck is stale, nor the retry.
      assert.match(items[0]?.spoken ?? '', /^Warning\. Stale: data from .+ Retry: press Enter\.$/);
      assert.ok(items.some((item) => item.label === 'API'), 'the apps stay on screen');
      await admin('faults', undefined, 'DELETE');
      await deck.refresh();
      assert.equal(deck.state().error, undefined);
      assert.equal(deck.describeDeck()[0]?.label, 'API');
    });
  }

  it('a primary rate limit: says when it lifts, asks GitHub nothing until then, then recovers', async () => {
    await admin('faults', { path: '/releases$', kind: 'rateLimit', resetInSeconds: 3, count: 1 });
    await deck.refresh();
    assert.match(deck.state().error?.message ?? '', /GitHub's rate limit was reached while trying to list the GitHub Releases of WordPress\/openverse.* It lifts at \d{1,2}:\d\d:\d\d(?: [AP]M)?; Release Deck waits until then\./);
    await admin('stats/reset');
    await deck.refresh();
    const stats = (await admin('stats', undefined, 'GET')) as { requests: number };
    assert.equal(stats.requests, 0, 'no request while the limit holds');
    assert.match(deck.state().error?.message ?? '', /rate limit/);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await deck.refresh();
    assert.equal(deck.state().error, undefined);
  });

  it('a secondary rate limit with Retry-After: waits as asked, then succeeds', async () => {
    await admin('faults', { path: '^/repos/WordPress/openverse/commits$', kind: 'secondaryRateLimit', status: 429, retryAfterSeconds: 1, count: 1 });
    await admin('stats/reset');
    const started = Date.now();
    await deck.refresh();
    assert.equal(deck.state().error, undefined);
    assert.ok(Date.now() - started >= 1000, 'waited for Retry-After');
    const stats = (await admin('stats', undefined, 'GET')) as { log: Array<{ path: string; status: number }> };
    // One listing of the monorepo's commits (main's; staging titles are matched against it, no per-app listing): it met
    // the limit, and its retry after the wait was a 304.
    assert.deepEqual(stats.log.filter((entry) => /^\/repos\/WordPress\/openverse\/commits(\?|$)/.test(entry.path)).map((entry) => entry.status).sort(), [304, 429], 'the retry after the wait is answered from the cache (304)');
  });

  const versionFaults: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['unreachable', { path: '^/live/api/production/version$', kind: 'reset', count: 1 }, 'debug-disconnect', /could not be reached \(the connection was reset\)/],
    ['answering 502', { path: '^/live/api/production/version$', kind: 'status', status: 502, count: 1 }, 'debug-disconnect', /could not be reached \(it answered HTTP 502\)/],
    ['malformed', { path: '^/live/api/production/version$', kind: 'malformed', count: 1 }, 'question', /answered something that is not a version: the answer is not JSON/],
    ['an HTML page', { path: '^/live/api/production/version$', kind: 'html', status: 200, count: 1 }, 'question', /an HTML page came back instead of JSON/],
    ['too slow', { path: '^/live/api/production/version$', kind: 'delay', delayMs: 7000, count: 1 }, 'debug-disconnect', /no answer within 5 s/],
  ];
  for (const [name, fault, icon, detail] of versionFaults) {
    it(`a /version ${name}: the environment says so, and recovers`, async () => {
      await admin('faults', fault);
      await deck.refresh();
      const production = find(deck.describeDeck(), 'API', 'Production');
      assert.equal(production.icon, icon);
      assert.match(production.tooltip ?? '', detail);
      assert.equal(deck.state().error, undefined, 'a /version fault is not a GitHub failure');
      await admin('faults', undefined, 'DELETE');
      await deck.refresh();
      const recovered = find(deck.describeDeck(), 'API', 'Production');
      assert.notEqual(recovered.icon, icon);
      assert.doesNotMatch(recovered.tooltip ?? '', detail);
    });
  }
});

describe('faults in the middle of a deployment', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
    deck.testing?.answerConfirmations(true);
  });

  after(async () => {
    deck.testing?.answerConfirmations(undefined);
    await admin('faults', undefined, 'DELETE');
  });

  it('a 502 on the dispatch (GitHub did not apply it): no run found proves nothing, so it says the outcome is unknown with the runs page, and it is not sent twice', async () => {
    // Frontend staging: after an unknown outcome this window keeps it guarded for a while.
    const runsBefore = (await world()).repos[1]?.runs.length ?? 0;
    await admin('faults', { path: '/dispatches$', method: 'POST', kind: 'status', status: 502, count: 1 });
    const result = await vscode.commands.executeCommand<{ problem?: string; nothingStarted: boolean; unknownOutcome?: { checkUrl: string } } | undefined>(COMMANDS.redeploy, { appId: 'frontend', environmentId: 'staging' });
    assert.equal(result?.nothingStarted, false);
    assert.match(result?.unknownOutcome?.checkUrl ?? '', /\/WordPress\/openverse-infrastructure\/actions\/workflows\/deploy-staging-frontend\.yml$/);
    assert.match(result?.problem ?? '', /^GitHub answered 502 \(a server error\) while trying to dispatch deploy-staging-frontend\.yml .*, and no run of deploy-staging-frontend\.yml for \S+ on main has appeared since \d{1,2}:\d\d:\d\d(?: [AP]M)?: whether GitHub started one is unknown .*Check the workflow's runs on GitHub before deploying Frontend staging again/);
    assert.equal((await world()).repos[1]?.runs.length, runsBefore, 'no run, and no second dispatch');
  });

  it('GitHub failing while the run is followed: says what was dispatched and what ran when last seen', async () => {
    await admin('faults', { path: '/actions/runs/\\d+$', method: 'GET', kind: 'status', status: 503, count: 6 });
    const runsBefore = (await world()).repos[1]?.runs.length ?? 0;
    const result = await withClockMoving(vscode.commands.executeCommand<{ problem?: string; nothingStarted: boolean } | undefined>(COMMANDS.redeploy, { appId: 'api', environmentId: 'staging' }));
    assert.equal(result?.nothingStarted, false);
    assert.match(result?.problem ?? '', /was dispatched, but following it failed: .*When last seen, API staging ran /);
    assert.equal((await world()).repos[1]?.runs.length, runsBefore + 1, 'exactly one run was started');
    await admin('faults', undefined, 'DELETE');
    await waitFor('the deck to show the run', async () => {
      await deck.refresh();
      return deck.state().error === undefined ? true : undefined;
    });
  });
});
