import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import { DEMO_TOKEN, find, loadedDeck, simulatorUrl, waitFor } from './support';

/**
 * A GitHub Enterprise Server: the user sets one host, releaseDeck.github.apiUrl = https://HOST/api/v3 (here the
 * simulator, which answers under /api/v3 as such a server does, its links on itself), and signs in with a token.
 */
describe('a GitHub Enterprise Server under /api/v3', () => {
  it('loads the deck from <server>/api/v3 with a token, its links on the server', async () => {
    const deck = await loadedDeck();
    const configuration = vscode.workspace.getConfiguration('releaseDeck');
    const userApiUrl = configuration.inspect<string>('github.apiUrl')?.globalValue;
    const server = `${simulatorUrl()}/api/v3`;
    try {
      await configuration.update('github.apiUrl', server, vscode.ConfigurationTarget.Global);
      await waitFor('the endpoint on the server', () => {
        const endpoint = deck.state().endpoint;
        return endpoint.kind === 'ready' && endpoint.apiUrl === server ? endpoint : undefined;
      });
      await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
      await deck.refresh();
      const state = deck.state();
      assert.equal(state.error?.message, undefined, 'the refresh from the server succeeded');
      const production = find(deck.describeDeck(), 'API', 'Production');
      assert.equal(production.description, 'rel-2026.11.12.14.05.33');
      assert.ok(production.tooltip?.includes(`${simulatorUrl()}/WordPress/openverse/releases/`), `the release link is on the server: ${production.tooltip ?? ''}`);
      assert.doesNotMatch(production.tooltip ?? '', /https:\/\/github\.com/, 'no link to github.com: the server links to itself');
      const endpoint = deck.state().endpoint;
      assert.ok(endpoint.kind === 'ready' && endpoint.webUrl === simulatorUrl(), 'the web root is the server itself');
    } finally {
      await configuration.update('github.apiUrl', userApiUrl, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
      await waitFor('the demo world back', () => deck.state().endpoint.kind === 'ready' && deck.state().credential?.login === 'octo-maintainer');
      await deck.refresh();
    }
  });
});
