import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { DEMO_TOKEN, admin, api, find, signInAndLoad, waitFor } from './support';
import { COMMANDS, VIEW_ID } from '../../src/commandIds';

async function openFile(relative: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder.uri.fsPath, relative)));
  await vscode.window.showTextDocument(document);
}

describe('the deck against the simulated Openverse world', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await api();
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  });

  it('shows nothing but the welcome content while signed out', async () => {
    await vscode.commands.executeCommand(COMMANDS.signOut);
    await waitFor('signed out', () => deck.state().credential === undefined);
    assert.deepEqual(deck.describeDeck(), []);
  });

  it('refuses a token without the workflow scope and stays signed out', async () => {
    await vscode.commands.executeCommand(COMMANDS.signInWithToken, 'rd_token_without_workflow_scope');
    assert.equal(deck.state().credential, undefined);
  });

  it('loads every app and environment after signing in with a token', async () => {
    await signInAndLoad(deck);
    const items = deck.describeDeck();
    assert.deepEqual(items.map((item) => item.label), ['API', 'Frontend', 'Catalog', 'Ingestion server', 'Indexer worker']);
    assert.equal(deck.state().credential?.login, 'octo-maintainer');
  });

  it('shows API production in sync on its release image tag, with rollback possible', () => {
    const production = find(deck.describeDeck(), 'API', 'Production');
    assert.equal(production.description, 'rel-2026.11.12.14.05.33');
    assert.equal(production.icon, 'pass-filled');
    assert.equal(production.iconColor, 'testing.iconPassed');
    for (const token of ['environment', 'production', 'workflowDeploy', 'hasVersionUrl', 'hasTag', 'hasSha', 'hasRelease', 'hasRun', 'hasConsole', 'canRollBack']) {
      assert.match(production.contextValue ?? '', new RegExp(`\\b${token}\\b`), `context value has ${token}`);
    }
    assert.match(production.tooltip ?? '', /api-2026\.11\.12\.14\.05\.33/);
    assert.match(production.tooltip ?? '', /Deployed .* by openverse-bot/);
  });

  it('shows API staging ahead of production, on a commit of main', () => {
    const staging = find(deck.describeDeck(), 'API', 'Staging');
    assert.match(staging.description ?? '', /^[0-9a-f]{7} \(\d+ ahead\) Bump Django to the latest security release \(#\d+\)$/);
    assert.equal(staging.icon, 'pass-filled');
    assert.doesNotMatch(staging.contextValue ?? '', /\bproduction\b/);
  });

  it('says each environment\'s state in words to a screen reader, "in sync" included', () => {
    assert.equal(find(deck.describeDeck(), 'API', 'Production').spoken, 'API Production, in sync, runs rel-2026.11.12.14.05.33');
    assert.equal(find(deck.describeDeck(), 'Frontend', 'Production').spoken, 'Frontend Production, last deployment failed, runs rel-2026.10.10.11.00.00');
    assert.equal(find(deck.describeDeck(), 'Indexer worker', 'Production').spoken, 'Indexer worker Production, always runs latest');
    assert.equal(find(deck.describeDeck(), 'API').spoken, 'API app, production in sync, runs rel-2026.11.12.14.05.33');
  });

  it('says every other row in words to a screen reader, with the app and environment it belongs to', () => {
    const api = find(deck.describeDeck(), 'API');
    assert.match(find(api.children, 'Draft api-2026.11.25.18.00.00').spoken ?? '', /^API draft GitHub Release api-2026\.11\.25\.18\.00\.00, not published, \d+ changes$/);
    const history = find(api.children, 'Production history');
    assert.equal(history.spoken, 'API Production history, 4 deployments, 1 failed');
    assert.match(history.children[0]?.spoken ?? '', /^API Production deployment of rel-2026\.11\.12\.14\.05\.33 succeeded( in [^,]+)?, runs now, .+ by openverse-bot$/);
    assert.match(history.children[1]?.spoken ?? '', /^API Production deployment of rel-2026\.10\.28\.08\.00\.00 failed( after [^,]+)?, .+ by /);
    assert.match(history.children[2]?.spoken ?? '', /^API Production deployment of rel-2026\.10\.15\.09\.30\.00 succeeded( in [^,]+)?, last known working, /);
    const catalog = find(deck.describeDeck(), 'Catalog', 'Production');
    assert.match(find(catalog.children, 'Manual deployment with Ansible').spoken ?? '', /^Catalog Production is deployed by hand with Ansible: \d+ steps$/);
  });

  it('copies the image tag and the full commit SHA API production runs', async () => {
    const app = deck.state().snapshot?.apps.find((candidate) => candidate.app.id === 'api');
    const environment = app?.environments.find((candidate) => candidate.environment.id === 'production');
    const running = environment?.running;
    assert.ok(app && environment && running);
    await vscode.commands.executeCommand(COMMANDS.copyImageTag, { kind: 'environment', app, environment });
    assert.equal(await vscode.env.clipboard.readText(), 'rel-2026.11.12.14.05.33');
    await vscode.commands.executeCommand(COMMANDS.copyCommitSha, { kind: 'environment', app, environment });
    assert.equal(await vscode.env.clipboard.readText(), running.sha);
    assert.match(running.sha ?? '', /^[0-9a-f]{40}$/);
  });

  it('shows the API draft with its number of changes, and the production history', () => {
    const api = find(deck.describeDeck(), 'API');
    const draft = find(api.children, 'Draft api-2026.11.25.18.00.00');
    assert.match(draft.description ?? '', /^\d+ changes$/);
    assert.match(draft.contextValue ?? '', /^draft hasChanges$/);
    const history = find(api.children, 'Production history');
    // Every run, the failed one between the two good ones included (the team's history).
    assert.deepEqual(history.children.map((entry) => entry.label), ['rel-2026.11.12.14.05.33', 'rel-2026.10.28.08.00.00', 'rel-2026.10.15.09.30.00', 'rel-2026.10.01.12.00.00']);
    assert.match(history.children[0]?.description ?? '', /^runs now · /);
    assert.match(history.children[1]?.description ?? '', /^failed after /);
    assert.doesNotMatch(history.children[1]?.contextValue ?? '', /\b(rollbackTarget|deployable)\b/);
    assert.match(history.children[2]?.description ?? '', /^last known working · /);
    assert.match(history.children[2]?.contextValue ?? '', /\brollbackTarget\b/);
  });

  it('shows frontend production\'s failed last deployment while the older release keeps running', () => {
    const production = find(deck.describeDeck(), 'Frontend', 'Production');
    assert.equal(production.description, 'last deployment failed · rel-2026.10.10.11.00.00');
    assert.equal(production.icon, 'error');
    assert.match(production.contextValue ?? '', /\bfailed\b/);
    assert.match(production.tooltip ?? '', /Failed run: \[Deploy rel-2026\.11\.05\.16\.20\.00 to production-nuxt\]/);
    const app = find(deck.describeDeck(), 'Frontend');
    assert.match(app.description ?? '', /^last deployment failed · rel-2026\.10\.10\.11\.00\.00/);
  });

  it('shows the catalog as deployed by hand, with its procedure for the draft\'s tag', () => {
    const production = find(deck.describeDeck(), 'Catalog', 'Production');
    // What the infrastructure repository records as deployed (its file is named by the simulated profile's recordedIn).
    assert.equal(production.description, 'rel-2026.09.09.23.00.57 (recorded)');
    assert.match(production.contextValue ?? '', /\bmanualDeploy\b/);
    const procedure = find(production.children, 'Manual deployment with Ansible');
    assert.match(procedure.tooltip ?? '', /rel-2026\.11\.25\.18\.00\.00/);
    assert.match(procedure.tooltip ?? '', /just ansible\/playbook production airflow\.yml -t airflow/);
  });

  it('says the indexer worker always runs latest', () => {
    const production = find(deck.describeDeck(), 'Indexer worker', 'Production');
    assert.equal(production.description, 'always runs latest');
    assert.equal(production.icon, 'package');
    assert.equal(find(deck.describeDeck(), 'Indexer worker').children.length, 1, 'no draft and no history');
  });

  it('costs nothing against the rate limit when nothing changed', async () => {
    await deck.refresh();
    const cost = deck.state().lastCost;
    assert.ok(cost !== undefined);
    // 6, and the infrastructure's head and open pull requests (recorded versions); what staging titles name was read once.
    assert.equal(cost.requests, 8);
    assert.equal(cost.rateLimitUnits, 0);
  });

  it('coalesces a burst of 1,000 refresh triggers into at most two refreshes', async () => {
    await deck.refresh();
    await admin('stats/reset');
    await Promise.all(Array.from({ length: 1000 }, () => deck.refresh()));
    const stats = (await admin('stats', undefined, 'GET')) as { requests: number };
    assert.ok(stats.requests <= 16, `${stats.requests} GitHub requests for 1,000 triggers (8 per refresh)`);
    assert.ok(stats.requests >= 8, 'the burst did refresh');
  });

  it('marks an unreachable /version and recovers once it answers', async () => {
    await admin('faults', { path: '^/live/api/staging/version$', kind: 'status', status: 503, count: 2 });
    await deck.refresh();
    const staging = find(deck.describeDeck(), 'API', 'Staging');
    assert.equal(staging.icon, 'debug-disconnect');
    assert.match(staging.tooltip ?? '', /answered HTTP 503/);
    await admin('faults', undefined, 'DELETE');
    await deck.refresh();
    assert.equal(find(deck.describeDeck(), 'API', 'Staging').icon, 'pass-filled');
  });

  it('flags an environment whose /version says it is another environment of the app, and clears it once it does not', async () => {
    await admin('environment', { app: 'api', environment: 'production', environmentName: 'staging' });
    try {
      await deck.refresh();
      const production = find(deck.describeDeck(), 'API', 'Production');
      assert.equal(production.icon, 'warning');
      assert.match(production.description ?? '', /\/version names another environment$/);
      assert.match(production.tooltip ?? '', /Its \/version says it is staging: the URL may point at the wrong environment/);
      assert.match(production.tooltip ?? '', /Learned from: its last successful deployment/);
    } finally {
      await admin('environment', { app: 'api', environment: 'production', environmentName: 'production' });
    }
    await deck.refresh();
    assert.equal(find(deck.describeDeck(), 'API', 'Production').icon, 'pass-filled');
  });

  it('keeps the last good deck on screen, marked stale, when GitHub fails', async () => {
    await admin('faults', { path: '/releases$', kind: 'status', status: 503, count: 6 });
    await deck.refresh();
    const items = deck.describeDeck();
    assert.match(items[0]?.label ?? '', /^Stale: data from .*GitHub answered 503/);
    assert.equal(items[0]?.description, 'Retry');
    assert.ok(items.some((item) => item.label === 'API'), 'the apps stay on screen');
    await admin('faults', undefined, 'DELETE');
    await deck.refresh();
    assert.equal(deck.describeDeck()[0]?.label, 'API');
  });

  it('shows the API production tag in the status bar for a file of the API, and hides it elsewhere', async () => {
    await openFile('api/api/views/media_views.py');
    await waitFor('the status bar to show the API', () => deck.statusBarText()?.includes('API: rel-2026.11.12.14.05.33'));
    await openFile('frontend/src/pages/index.vue');
    await waitFor('the status bar to show the frontend with a warning', () => deck.statusBarText()?.includes('$(warning) Frontend: rel-2026.10.10.11.00.00'));
    await openFile('documentation/index.md');
    await waitFor('the status bar to hide', () => deck.statusBarText() === undefined);
  });

  it('drops a token GitHub stops accepting and asks to sign in again', async () => {
    await admin('tokens/revoke', { token: DEMO_TOKEN });
    try {
      await deck.refresh();
      await waitFor('the revoked token to be dropped', () => deck.state().credential === undefined);
      assert.deepEqual(deck.describeDeck(), [], 'back to the welcome content');
      assert.equal(deck.testing?.conditions().at(-1)?.kind, 'signInNeeded', 'the sign in again prompt is shown');
    } finally {
      await admin('tokens/restore', { token: DEMO_TOKEN });
    }
    await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
    await waitFor('the deck to load again', () => deck.describeDeck().length === 5);
  });

  it('signs out and back in', async () => {
    await vscode.commands.executeCommand(COMMANDS.signOut);
    await waitFor('signed out', () => deck.state().credential === undefined);
    assert.deepEqual(deck.describeDeck(), []);
    await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
    await waitFor('the deck to load again', () => deck.describeDeck().length === 5);
  });
});
