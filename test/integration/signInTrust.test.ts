import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import type { Endpoint } from '../../src/domain/endpoint';
import type { ReleaseDeckApi } from '../../src/extension';
import { loadedDeck, waitFor, workspaceFile, writeWorkspaceSettings } from './support';

/**
 * Where the editor's own GitHub Enterprise sign-in goes is the user's choice too. The server is a port nothing
 * listens on (https, as VS Code's GitHub Enterprise sign-in requires): no sign-in page is ever opened here.
 */
const SERVER = 'https://127.0.0.1:9';
const SERVER_HOST = '127.0.0.1:9';

type Ready = Extract<Endpoint, { kind: 'ready' }>;

function readyEndpoint(deck: ReleaseDeckApi, test: (endpoint: Ready) => boolean): Ready | undefined {
  const endpoint = deck.state().endpoint;
  return endpoint.kind === 'ready' && test(endpoint) ? endpoint : undefined;
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("the editor's GitHub Enterprise sign-in goes only to a server the user chose", () => {
  it("is not used while the workspace's settings point github-enterprise.uri at another server: a token is offered instead", async () => {
    const deck = await loadedDeck();
    const releaseDeck = vscode.workspace.getConfiguration('releaseDeck');
    const enterprise = vscode.workspace.getConfiguration('github-enterprise');
    const userApiUrl = releaseDeck.inspect<string>('github.apiUrl')?.globalValue;
    const userEnterprise = enterprise.inspect<string>('uri')?.globalValue;
    const file = workspaceFile('.vscode', 'settings.json');
    const original = readFileSync(file, 'utf8');
    try {
      // The user's own settings: one GitHub Enterprise Server, in both settings.
      await enterprise.update('uri', SERVER, vscode.ConfigurationTarget.Global);
      await releaseDeck.update('github.apiUrl', `${SERVER}/api/v3`, vscode.ConfigurationTarget.Global);
      await waitFor("the editor's GitHub Enterprise account to serve the user's server", () => readyEndpoint(deck, (endpoint) => endpoint.provider === 'github-enterprise'));

      // A cloned repository's .vscode/settings.json names another server: VS Code's sign-in page would be there.
      await writeWorkspaceSettings(file, JSON.stringify({ ...(JSON.parse(original) as object), 'github-enterprise.uri': 'https://phishing.example' }, null, 2));
      const endpoint = await waitFor("the editor's GitHub Enterprise account to be set aside", () => readyEndpoint(deck, (ready) => ready.provider === undefined));
      assert.equal(endpoint.apiUrl, `${SERVER}/api/v3`, 'the API root is still the one the user chose');
      assert.equal(endpoint.workspaceEnterpriseHost, 'phishing.example');

      // Sign In with GitHub says why only a token works (a notification waiting for a click): no modal offers to set
      // the user's github-enterprise.uri (the workspace's value would still win), no sign-in page opens.
      deck.testing?.answerConfirmations(true);
      const asked = deck.testing?.confirmations().length ?? 0;
      void vscode.commands.executeCommand(COMMANDS.signIn);
      await settle(1000);
      assert.equal(deck.testing?.confirmations().length, asked, JSON.stringify(deck.testing?.confirmations().slice(asked)));
      assert.equal(enterprise.inspect<string>('uri')?.globalValue, SERVER, "the user's setting is untouched");
    } finally {
      deck.testing?.answerConfirmations(undefined);
      await writeWorkspaceSettings(file, original);
      await releaseDeck.update('github.apiUrl', userApiUrl, vscode.ConfigurationTarget.Global);
      await enterprise.update('uri', userEnterprise, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the simulator in force again', () => readyEndpoint(deck, (endpoint) => endpoint.apiUrl === userApiUrl || (userApiUrl === undefined && endpoint.chosenBy === 'default')));
    await deck.refresh();
  });

  it('says a host the profile asks for is one you allowed when offering to set github-enterprise.uri, and Forget offers to clear it', async () => {
    const deck = await loadedDeck();
    const releaseDeck = vscode.workspace.getConfiguration('releaseDeck');
    const enterprise = vscode.workspace.getConfiguration('github-enterprise');
    const userApiUrl = releaseDeck.inspect<string>('github.apiUrl')?.globalValue;
    const userEnterprise = enterprise.inspect<string>('uri')?.globalValue;
    const file = workspaceFile('.vscode', 'release-deck.json');
    const original = readFileSync(file, 'utf8');
    try {
      await releaseDeck.update('github.apiUrl', undefined, vscode.ConfigurationTarget.Global);
      await enterprise.update('uri', undefined, vscode.ConfigurationTarget.Global);
      const asking = JSON.parse(original) as { github?: Record<string, string> };
      asking.github = { apiUrl: `${SERVER}/api/v3` };
      writeFileSync(file, JSON.stringify(asking, null, 2));
      await waitFor('the profile to ask for the server', () => deck.state().endpoint.kind === 'needsApproval');
      deck.testing?.answerConfirmations(true);
      await vscode.commands.executeCommand(COMMANDS.allowProfileHost);
      await waitFor('the allowed host in force', () => readyEndpoint(deck, (endpoint) => endpoint.chosenBy === 'allowed'));

      // Sign In with GitHub offers to set github-enterprise.uri; the person reads the modal and says no.
      deck.testing?.answerConfirmations(false);
      await vscode.commands.executeCommand(COMMANDS.signIn);
      const offer = deck.testing?.confirmations().at(-1);
      assert.ok(offer !== undefined && offer.message.includes(SERVER_HOST), offer?.message);
      assert.doesNotMatch(offer.detail, /your setting releaseDeck\.github\.apiUrl/, 'the host is no setting of the user');
      assert.match(offer.detail, /profile asks for and you allowed/);
      assert.match(offer.detail, /even after you forget the allowed host/);

      // Had they said yes, the setting would name the server (set here as the modal's button does, without the sign-in):
      // the profile's host is then connected to as the user's own server.
      await enterprise.update('uri', `https://${SERVER_HOST}`, vscode.ConfigurationTarget.Global);
      await waitFor('the server in force through github-enterprise.uri', () => readyEndpoint(deck, (endpoint) => endpoint.chosenBy === 'enterprise'));

      // Forgetting the host offers to clear the setting that still names it; cleared, the host needs approval again.
      deck.testing?.answerConfirmations(true);
      await vscode.commands.executeCommand(COMMANDS.forgetAllowedHosts, [SERVER]);
      const clear = deck.testing?.confirmations().at(-1);
      assert.match(clear?.message ?? '', /github-enterprise\.uri/);
      assert.ok(clear?.message.includes(SERVER), clear?.message);
      assert.equal(enterprise.inspect<string>('uri')?.globalValue, undefined, 'the setting was cleared');
      await waitFor('the host to need approval again', () => deck.state().endpoint.kind === 'needsApproval');
    } finally {
      deck.testing?.answerConfirmations(undefined);
      writeFileSync(file, original);
      await releaseDeck.update('github.apiUrl', userApiUrl, vscode.ConfigurationTarget.Global);
      await enterprise.update('uri', userEnterprise, vscode.ConfigurationTarget.Global);
      deck.testing?.answerConfirmations(false);
      await vscode.commands.executeCommand(COMMANDS.forgetAllowedHosts, [SERVER]);
      deck.testing?.answerConfirmations(undefined);
    }
    await waitFor('the deck to load again', () => (deck.describeDeck().length > 0 && deck.state().error === undefined ? true : undefined));
    await settle(500);
    await deck.refresh();
    assert.equal(deck.state().endpoint.kind, 'ready', 'the simulator is in force again');
  });
});
