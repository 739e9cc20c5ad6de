import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import type { ReleaseDeckApi } from '../../src/extension';
import type { DeckItemView } from '../../src/testingApi';
import { api, DEMO_TOKEN, find, waitFor, withClockMoving, world } from './support';

/**
 * A multi-root workspace (scripts/editor/workspace.ts, createMultiRootWorkspace): the Openverse checkout and
 * the acme/shop checkout side by side, each with its own profile, both worlds served by the one simulator.
 * Both have an app with the id "api": what a command acts on must come from the section it was run in.
 */
describe('a multi-root workspace (Openverse and acme/shop side by side)', () => {
  let deck: ReleaseDeckApi;
  let openverseFolder: vscode.WorkspaceFolder;
  let shopFolder: vscode.WorkspaceFolder;

  const loaded = (items: readonly DeckItemView[]): boolean => items.length === 2 && items.every((section) => section.children.length > 0 && section.children.every((app) => app.children.length > 0));

  before(async () => {
    deck = await api();
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(folders.map((folder) => folder.name), ['openverse', 'shop'], 'the harness opens a workspace of two folders');
    [openverseFolder, shopFolder] = folders as [vscode.WorkspaceFolder, vscode.WorkspaceFolder];
    await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
    await waitFor('both sections to load', () => loaded(deck.describeDeck()), 60_000);
    deck.testing?.answerConfirmations(true);
  });

  after(() => {
    deck.testing?.answerConfirmations(undefined);
  });

  it('shows a section per folder, named by the folder with its repository, each holding its own apps', () => {
    const sections = deck.describeDeck();
    assert.deepEqual(sections.map((section) => [section.label, section.description]), [['openverse', 'WordPress/openverse'], ['shop', 'acme/shop']]);
    assert.equal(sections[1]?.spoken, 'Folder shop, the deck of acme/shop');
    assert.deepEqual(find(sections, 'shop').children.map((app) => app.label), ['Web', 'API']);
    const openverseApps = find(sections, 'openverse').children.map((app) => app.label);
    assert.ok(openverseApps.length === 5 && !openverseApps.includes('Web'), `Openverse's five apps, not the shop's (${openverseApps.join(', ')})`);
    assert.match(find(sections, 'shop', 'API', 'Production').description ?? '', /(?:^|· )v2\.2\.0\b/, 'the shop\'s API reads the shop\'s tags');
    assert.doesNotMatch(find(sections, 'openverse', 'API', 'Production').description ?? '', /v2\.2\.0/, 'Openverse\'s API is another app');
  });

  it('a deploy run from the shop\'s section dispatches the shop\'s workflow, though Openverse also has an app "api"', async () => {
    const before = await world();
    const runsIn = (view: typeof before, repo: string): number => view.repos.find((candidate) => candidate.fullName === repo)?.runs.length ?? 0;
    const asked = deck.testing?.confirmations().length ?? 0;
    await withClockMoving(vscode.commands.executeCommand(COMMANDS.deploy, { appId: 'api', environmentId: 'staging', imageTag: 'v2.2.0', reason: 'multi-root test', section: shopFolder.uri.toString() }));
    assert.match(deck.testing?.confirmations().slice(asked)[0]?.message ?? '', /^shop: Deploy API staging to v2\.2\.0\?$/, 'the confirmation names the folder');
    const after = await world();
    const dispatched = after.repos.flatMap((repo) => repo.runs.slice(runsIn(before, repo.fullName)).map((run) => ({ repo: repo.fullName, ...run })));
    assert.deepEqual(dispatched.map((run) => [run.repo, run.workflowPath.replace(/^.*\//, ''), run.inputs?.image_tag]), [['acme/platform', 'deploy-api-staging.yml', 'v2.2.0']], 'one run, in the shop\'s infrastructure repository, none in Openverse\'s');
    await deck.refresh();
    assert.match(find(deck.describeDeck(), 'shop', 'API', 'Staging').description ?? '', /(?:^|· )v2\.2\.0\b/);
  });

  it('refuses an item of a folder no longer open, rather than acting on another folder\'s app of the same id', async () => {
    const runs = (await world()).repos.reduce((sum, repo) => sum + repo.runs.length, 0);
    const asked = deck.testing?.confirmations().length ?? 0;
    await vscode.commands.executeCommand(COMMANDS.deploy, { appId: 'api', environmentId: 'staging', imageTag: 'v2.2.0', section: 'file:///nowhere/closed-folder' });
    assert.equal(deck.testing?.confirmations().length ?? 0, asked, 'nothing was asked');
    assert.equal((await world()).repos.reduce((sum, repo) => sum + repo.runs.length, 0), runs, 'nothing was dispatched');
  });

  it('the status bar shows the production tag of the active file\'s app in that file\'s folder', async () => {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(shopFolder.uri, 'api', 'app', 'orders.py'));
    const shop = await waitFor('the shop\'s API in the status bar', () => (/API: v2\.2\.0/.test(deck.statusBarText() ?? '') ? deck.statusBarText() : undefined));
    await vscode.window.showTextDocument(vscode.Uri.joinPath(openverseFolder.uri, 'api', 'api', 'views', 'media_views.py'));
    const openverse = await waitFor('Openverse\'s API in the status bar', () => {
      const text = deck.statusBarText();
      return text !== undefined && text !== shop && text.includes('API: ') ? text : undefined;
    });
    assert.doesNotMatch(openverse, /v2\.2\.0/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Needs You lists the entries of both folders, each named by its folder, and its badge counts them all', () => {
    const shown = deck.testing?.needsYou();
    assert.ok(shown !== undefined && shown.items.length > 0, 'something waits on a person in these worlds');
    for (const item of shown.items) {
      assert.match(item.label, /^(openverse|shop): /);
    }
    assert.equal(shown.badge?.value, shown.items.length);
    assert.ok(shown.items.some((item) => item.label.startsWith('openverse: ')) && shown.items.some((item) => item.label.startsWith('shop: ')), 'both folders\' entries');
    assert.equal(shown.message, undefined, 'no message above the entries');
  });

  it('a folder removed from the workspace takes its section away: one folder left, its deck as a single-folder workspace shows it', async () => {
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 1));
    const single = await waitFor('the shop\'s section to go', () => {
      const items = deck.describeDeck();
      return items.length === 5 ? items : undefined;
    });
    assert.ok(!single.some((item) => item.label === 'shop' || item.label === 'Web'));
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 0, { uri: shopFolder.uri }));
    await waitFor('the shop\'s section to come back', () => loaded(deck.describeDeck()), 60_000);
  });
});
