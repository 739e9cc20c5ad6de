import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { DeploymentRecord } from '../../src/domain/snapshot';
import type { ReleaseDeckApi } from '../../src/extension';
import type { TestingApi } from '../../src/testingApi';
import { COMMANDS } from '../../src/commandIds';
import { DEMO_TOKEN, admin, colleagueDeploys, find, latestBuild, loadedDeck, simulatorUrl, withClockMoving, world } from './support';

const STAGING_API = '.github/workflows/deploy-staging-api.yml';

async function setting(key: 'notifications' | 'needsYou.draftAgeDays', value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('releaseDeck').update(key, value, vscode.ConfigurationTarget.Global);
}

async function changelogPull(state: 'open' | 'closed'): Promise<void> {
  const response = await fetch(`${simulatorUrl()}/repos/WordPress/openverse/pulls/4990`, {
    method: 'PATCH',
    headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ state }),
  });
  assert.equal(response.status, 200);
}

/**
 * A colleague merges a change to the API: "CI + CD" builds its images and dispatches its staging
 * deployment as openverse-bot (openverse-facts §1.4). Returns the new commit.
 */
async function colleaguePushesApiChange(message: string): Promise<string> {
  return ((await admin('push', { message, files: ['api/api/utils/thumbnails.py'], author: 'colleague' })) as { sha: string }).sha;
}

/** API staging's deployment run of a commit, as the deck's last refresh shows it. */
function stagingRunOf(deck: ReleaseDeckApi, sha: string): DeploymentRecord | undefined {
  const app = deck.state().snapshot?.apps.find((candidate) => candidate.app.id === 'api');
  return app?.environments.find((environment) => environment.environment.id === 'staging')?.runs.find((run) => run.imageTag === sha);
}

/**
 * Moves the simulator's clock 5 s at a time, refreshing the deck after each step as polling would, until
 * `probe` finds what it waits for (CI waits for an earlier CI run of main, then for its deployment).
 */
async function advanceUntil<T>(deck: ReleaseDeckApi, what: string, probe: () => T | undefined, maxSeconds = 900): Promise<T> {
  for (let moved = 0; ; moved += 5) {
    await deck.refresh();
    const found = probe();
    if (found !== undefined) {
      return found;
    }
    assert.ok(moved < maxSeconds, `${what} within ${maxSeconds} s of the simulator's clock`);
    await admin('clock', { advanceSeconds: 5 });
  }
}

const underWay = (record: DeploymentRecord | undefined): DeploymentRecord | undefined => (record !== undefined && record.status !== 'completed' ? record : undefined);
const finished = (record: DeploymentRecord | undefined): DeploymentRecord | undefined => (record?.status === 'completed' ? record : undefined);

describe('needs you: the view and its badge', () => {
  let deck: ReleaseDeckApi;
  let testing: TestingApi;

  before(async () => {
    deck = await loadedDeck();
    assert.ok(deck.testing);
    testing = deck.testing;
  });

  after(async () => {
    await setting('needsYou.draftAgeDays', undefined);
  });

  it('needs you: counts failed deployments and changelog PRs in its badge, old drafts as the setting says, and follows GitHub', async () => {
    await changelogPull('open');
    await setting('needsYou.draftAgeDays', 0);
    // A colleague's deployment of frontend staging fails (whatever earlier suites did to the world's own failures).
    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-staging-frontend.yml' });
    const head = await latestBuild('frontend');
    await colleagueDeploys('deploy-staging-frontend.yml', { tag: head.sha, run_name: head.title });
    await admin('clock', { advanceSeconds: 60 });
    await deck.refresh();
    const snapshot = deck.state().snapshot;
    assert.ok(snapshot);
    // Read apart from the view's rules: environments whose newest finished deployment failed (earlier suites may have
    // left more than the world's own), and the open changelog pull requests (each earlier publish opened one).
    const failed = snapshot.apps.flatMap((app) => app.environments.filter((environment) => environment.lastDeployment?.status === 'completed' && ['failure', 'timed_out', 'startup_failure'].includes(environment.lastDeployment.conclusion ?? '')));
    assert.ok(failed.length >= 1, 'frontend staging\'s last deployment failed');
    const pulls = snapshot.apps.reduce((count, app) => count + app.changelogPulls.length, 0);
    assert.ok(pulls >= 1, 'changelog PR #4990 is open');
    const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

    let shown = testing.needsYou();
    assert.equal(shown.badge?.value, failed.length + pulls, shown.items.map((item) => item.label).join(', '));
    assert.equal(shown.badge?.tooltip, `${failed.length + pulls} things need you: ${plural(failed.length, 'failed deployment')}, ${plural(pulls, 'changelog PR')} to review.`);
    const labels = shown.items.map((item) => item.label);
    const pull = shown.items.find((item) => item.label === 'Review changelog PR #4990');
    assert.ok(pull, labels.join(', '));
    assert.equal(pull.description, 'API · api-2026.11.12.14.05.33');
    assert.equal(pull.contextValue, 'needsYou needsYou-changelogPull');
    const failure = shown.items.find((item) => item.label.startsWith('Failed deployment of ') && (item.description ?? '').startsWith('Frontend staging · '));
    assert.ok(failure, labels.join(', '));
    assert.match(failure.description ?? '', /^Frontend staging · .+ by /);
    assert.equal(failure.icon, 'error');
    assert.equal(failure.command, COMMANDS.showFailure, 'a click shows the failed step and its log');

    // Drafts with changes, left unpublished for more than a day (the world's releases were published days ago).
    await setting('needsYou.draftAgeDays', 1);
    await deck.refresh();
    const withChanges = (deck.state().snapshot?.apps ?? []).filter((app) => (app.draft?.changeCount ?? 0) > 0);
    assert.ok(withChanges.length >= 2, 'the API and the frontend have drafts with changes');
    shown = testing.needsYou();
    // Which drafts count is the unit tests' business (since the app's first change after its newest release): here,
    // only drafts with changes, at least one of the world's (published days ago), each counted in the badge.
    const stale = shown.items.filter((item) => item.contextValue === 'needsYou needsYou-staleDraft').map((item) => item.label);
    assert.ok(stale.length >= 1, 'a draft left unpublished for days');
    for (const label of stale) {
      assert.ok(withChanges.some((app) => label === `Publish ${app.draft?.gitTag ?? ''}?`), `${label} is a draft with changes`);
    }
    assert.equal(shown.badge?.value, failed.length + pulls + stale.length);
    assert.match(shown.badge?.tooltip ?? '', new RegExp(`${stale.length} drafts? left unpublished\\.$`));

    // Reviewed and closed on GitHub: the next refresh counts one less.
    await changelogPull('closed');
    await deck.refresh();
    shown = testing.needsYou();
    assert.equal(shown.badge?.value, failed.length + pulls - 1 + stale.length);
    assert.ok(!shown.items.some((item) => item.label === 'Review changelog PR #4990'), 'the closed pull request is gone');
  });
});

describe('news from everyone: notifications of others\' changes', () => {
  let deck: ReleaseDeckApi;
  let testing: TestingApi;

  before(async () => {
    deck = await loadedDeck();
    assert.ok(deck.testing);
    testing = deck.testing;
  });

  after(async () => {
    await setting('notifications', undefined);
  });

  it('news: announces a colleague\'s deployment once when it starts and once when it ends, never again after a refresh or a reload', async () => {
    await setting('notifications', 'all');
    await deck.refresh();
    const seen = testing.news().length;
    const sha = await colleaguePushesApiChange('Colleague: faster thumbnails (#5200)');
    await advanceUntil(deck, 'the colleague\'s staging deployment to start', () => underWay(stagingRunOf(deck, sha)));
    const about = (from: number) => testing.news().slice(from).filter((news) => news.message.includes(sha));
    const started = about(seen);
    assert.deepEqual(started.map((news) => [news.severity, news.message, news.buttons]), [['information', `openverse-bot started deploying ${sha} to API staging (repository_dispatch).`, ['Open Run']]]);

    // Polling again, or a reload of the window (what was known is kept in workspace state): said once.
    await deck.refresh();
    testing.reloadNews();
    await deck.refresh();
    assert.equal(about(seen).length, 1);

    await advanceUntil(deck, 'the colleague\'s staging deployment to end', () => finished(stagingRunOf(deck, sha)));
    const ended = about(seen).slice(1);
    assert.equal(ended.length, 1, JSON.stringify(ended));
    assert.match(ended[0]?.message ?? '', new RegExp(`^openverse-bot's deployment of ${sha} to API staging succeeded in \\d+ (s|min)\\.$`));
    testing.reloadNews();
    await deck.refresh();
    assert.equal(about(seen).length, 2);
  });

  it('news: with the default setting (failures), a failed deployment is announced as a warning and its start is not', async () => {
    await setting('notifications', undefined);
    assert.equal(vscode.workspace.getConfiguration('releaseDeck').get('notifications'), 'failures');
    await admin('fail-next-run', { workflowPath: STAGING_API });
    await deck.refresh();
    const seen = testing.news().length;
    const sha = await colleaguePushesApiChange('Colleague: a change that breaks staging (#5201)');
    await advanceUntil(deck, 'the colleague\'s staging deployment to start', () => underWay(stagingRunOf(deck, sha)));
    assert.deepEqual(testing.news().slice(seen), [], 'a start is no failure');
    assert.equal((await advanceUntil(deck, 'the colleague\'s staging deployment to end', () => finished(stagingRunOf(deck, sha)))).conclusion, 'failure');
    const failed = testing.news().slice(seen);
    assert.equal(failed.length, 1, JSON.stringify(failed));
    assert.equal(failed[0]?.severity, 'warning');
    assert.match(failed[0]?.message ?? '', new RegExp(`^openverse-bot's deployment of ${sha} to API staging failed after \\d+ (s|min)\\. [0-9a-f]{40} still runs there\\.$`));
    assert.deepEqual(failed[0]?.buttons, ['Open Run']);
    // And Needs You lists it until a deployment there succeeds.
    assert.ok(testing.needsYou().items.some((item) => item.label === `Failed deployment of ${sha}` && item.description?.startsWith('API staging') === true));
  });

  it('news: does not announce this window\'s own deployment again (its progress and result already said it)', async () => {
    await setting('notifications', 'all');
    await deck.refresh();
    const seen = testing.news().length;
    const monorepo = (await world()).repos[0];
    const target = monorepo?.commits.filter((commit) => commit.files?.some((file) => file.filename.startsWith('api/')) === true).at(-2);
    assert.ok(target);
    testing.answerConfirmations(true);
    try {
      await withClockMoving(vscode.commands.executeCommand(COMMANDS.deploy, { appId: 'api', environmentId: 'staging', imageTag: target.sha, reason: 'Deployed from this window' }));
    } finally {
      testing.answerConfirmations(undefined);
    }
    await deck.refresh();
    assert.equal(find(deck.describeDeck(), 'API', 'Staging history').children[0]?.label, target.sha, 'the run is in the history');
    assert.deepEqual(testing.news().slice(seen).filter((news) => news.message.includes('API staging')), []);
  });
});
