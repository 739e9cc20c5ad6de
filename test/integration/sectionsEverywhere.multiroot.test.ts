import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import type { ReleaseDeckApi } from '../../src/extension';
import type { DeckItemView, TestingApi } from '../../src/testingApi';
import { DEMO_TOKEN, api, simulatorUrl, waitFor } from './support';

/**
 * What a multi-root workspace (Openverse and acme/shop side by side) offers beyond the deck's sections:
 * news of every folder, the palette's choice of folder. The shop is the second folder, not the primary one.
 */
describe('sections everywhere: news and the palette in a multi-root workspace', () => {
  let deck: ReleaseDeckApi;
  let testing: TestingApi;

  const loaded = (items: readonly DeckItemView[]): boolean => items.length === 2 && items.every((section) => section.children.length > 0 && section.children.every((app) => app.children.length > 0));

  before(async () => {
    deck = await api();
    assert.ok(deck.testing);
    testing = deck.testing;
    await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
    await waitFor('both sections to load', () => loaded(deck.describeDeck()), 60_000);
    await deck.refresh();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('releaseDeck').update('notifications', undefined, vscode.ConfigurationTarget.Global);
  });

  it('news: a colleague\'s deployment in the second folder is announced once, naming the folder, and not again after a reload', async () => {
    await vscode.workspace.getConfiguration('releaseDeck').update('notifications', 'all', vscode.ConfigurationTarget.Global);
    await deck.refresh();
    const seen = testing.news().length;
    // Someone deploys the shop's web to staging straight through GitHub (workflow_dispatch, "Create a workflow dispatch event").
    const response = await fetch(`${simulatorUrl()}/repos/acme/shop/actions/workflows/deploy-web-staging.yml/dispatches`, {
      method: 'POST',
      headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'trunk', inputs: { image_tag: '1.4.2', note: 'from a colleague' } }),
    });
    assert.equal(response.status, 204);
    await deck.refresh();
    const about = (from: number) => testing.news().slice(from).filter((news) => news.message.includes('1.4.2'));
    const started = about(seen);
    assert.equal(started.length, 1, `one notification of the shop's deployment (${testing.news().slice(seen).map((news) => news.message).join(' | ')})`);
    assert.match(started[0]?.message ?? '', /^shop: .*1\.4\.2.*Web staging/);
    const after = testing.news().length;
    testing.reloadNews();
    await deck.refresh();
    assert.deepEqual(about(after), [], 'not told again after a reload');
  });

  it('release notes: open for an app of the second folder, its panel named by the folder, apart from the first folder\'s app of the same id', async () => {
    const shop = vscode.workspace.workspaceFolders?.find((folder) => folder.name === 'shop')?.uri.toString();
    assert.ok(shop !== undefined);
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, { appId: 'api', section: shop });
    const view = await waitFor('the shop\'s API release notes', () => testing.releaseNotesView('api', shop), 30_000);
    assert.match(view.gitTag, /^api\/v\d+\.\d+\.\d+/, `the shop's API release (${view.gitTag}), not Openverse's`);
    assert.equal(testing.releaseNotesView('api'), undefined, 'no panel for the first folder\'s API');
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
    assert.ok(tabs.includes('Release Notes · API · shop'), `the panel's title names the folder (${tabs.join(', ')})`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('palette: with no file open, a command asks which folder, offers the folders with a profile, and acts in the one picked', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const window = vscode.window as { showQuickPick: unknown };
    const original = window.showQuickPick;
    const offered: Array<Array<vscode.QuickPickItem & { appId?: string }>> = [];
    window.showQuickPick = async (items: ReadonlyArray<vscode.QuickPickItem> | Thenable<ReadonlyArray<vscode.QuickPickItem>>) => {
      offered.push([...(await items)]);
      // First the folder (the shop), then nothing more: the command's own question is left unanswered.
      return offered.length === 1 ? offered[0]?.find((item) => item.label === 'shop') : undefined;
    };
    try {
      await vscode.commands.executeCommand(COMMANDS.deploy);
    } finally {
      window.showQuickPick = original;
    }
    assert.deepEqual(offered[0]?.map((item) => [item.label, item.description]), [['openverse', 'WordPress/openverse'], ['shop', 'acme/shop']]);
    assert.ok(offered.length >= 2, 'after the folder, the command asked its own question');
    const labels = offered[1]?.map((item) => `${item.label} ${item.description ?? ''} ${item.detail ?? ''}`).join(' | ') ?? '';
    assert.match(labels, /Web/, `the shop's apps are offered (${labels})`);
    assert.doesNotMatch(labels, /Frontend|Ingestion/, `not Openverse's (${labels})`);
  });
});
