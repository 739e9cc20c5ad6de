import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import type { ReleaseDeckApi } from '../../src/extension';
import type { DeckItemView, TestingApi } from '../../src/testingApi';
import { DEMO_TOKEN, api, attackerHost, find, simulatorUrl, waitFor } from './support';

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

  it('another host: a folder whose profile asks for another GitHub host than the window\'s is not read, gets no request, and its section says why', async () => {
    const other = await attackerHost();
    const configuration = vscode.workspace.getConfiguration('releaseDeck');
    const userApiUrl = configuration.inspect<string>('github.apiUrl')?.globalValue;
    assert.ok(userApiUrl !== undefined, 'the harness chose the simulator in the user\'s settings');
    const [openverse, shop] = (vscode.workspace.workspaceFolders ?? []).map((folder) => vscode.Uri.joinPath(folder.uri, '.vscode', 'release-deck.json').fsPath) as [string, string];
    const originals = [readFileSync(openverse, 'utf8'), readFileSync(shop, 'utf8')] as const;
    const asking = (text: string, apiUrl: string): string => {
      const profile = JSON.parse(text) as { github?: object };
      return JSON.stringify({ ...profile, github: { ...profile.github, apiUrl } }, null, 2);
    };
    const shopChildren = (): string => find(deck.describeDeck(), 'shop').children.map((child) => child.label).join(' | ');
    try {
      // The window's host is the one the first folder's profile asks for, allowed by the user; the shop's profile asks for another.
      writeFileSync(openverse, asking(originals[0], userApiUrl));
      writeFileSync(shop, asking(originals[1], other.origin));
      await configuration.update('github.apiUrl', undefined, vscode.ConfigurationTarget.Global);
      testing.answerConfirmations(true);
      await waitFor('the first folder\'s profile to ask for its host', () => {
        const endpoint = deck.state().endpoint;
        return endpoint.kind === 'needsApproval' || (endpoint.kind === 'ready' && endpoint.chosenBy === 'allowed');
      });
      if (deck.state().endpoint.kind === 'needsApproval') {
        await vscode.commands.executeCommand(COMMANDS.allowProfileHost);
      }
      await waitFor('the allowed host to be in force', () => deck.state().endpoint.kind === 'ready');
      await deck.refresh();
      const said = await waitFor('the shop\'s section to say why it is not read', () => (shopChildren().includes(other.origin) ? shopChildren() : undefined));
      assert.match(said, /asks for the GitHub API at http:\/\/127\.0\.0\.1:\d+, but this window connects to .*\(as the first folder with a profile asks for it\).*Open the folder in a window of its own/);
      assert.ok(find(deck.describeDeck(), 'openverse').children.length >= 5, 'the first folder\'s deck still loads');
      assert.deepEqual(other.requests, [], 'the host the shop\'s profile names got no request at all');
    } finally {
      testing.answerConfirmations(undefined);
      writeFileSync(openverse, originals[0]);
      writeFileSync(shop, originals[1]);
      await configuration.update('github.apiUrl', userApiUrl, vscode.ConfigurationTarget.Global);
      await other.close();
    }
    const origin = new URL(userApiUrl).origin;
    // Forgetting the host also forgets the token kept for it (the simulator's): signed in again, as the harness was.
    await vscode.commands.executeCommand(COMMANDS.forgetAllowedHosts, [origin]);
    await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
    await waitFor('both sections to load again', async () => {
      await deck.refresh();
      return loaded(deck.describeDeck()) && !shopChildren().includes(other.origin);
    }, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; the deck shows ${JSON.stringify(deck.describeDeck().map((section) => [section.label, section.description, section.children.map((child) => [child.label, child.children.length])]))}`);
    });
  });
});
