import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import type { ReleaseDeckApi } from '../../src/extension';
import { DEMO_TOKEN, attackerHost, loadedDeck, waitFor, workspaceFile, writeWorkspaceSettings } from './support';

/** A token the tests type in for the "attacker" host once the user allowed it (never a real one). */
export const ALLOWED_HOST_TOKEN = 'rd_token_for_the_allowed_host';

function profileApiUrl(deck: ReleaseDeckApi): string | undefined {
  const profile = deck.state().profile;
  return profile.kind === 'workspace' ? profile.profile.github.apiUrl : undefined;
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the host that receives the token is chosen by the user, never by the workspace', () => {
  it('a profile naming another GitHub host gets no request until the user allows it; the deck says what it asks for', async () => {
    const attacker = await attackerHost();
    const deck = await loadedDeck();
    const configuration = vscode.workspace.getConfiguration('releaseDeck');
    const userApiUrl = configuration.inspect<string>('github.apiUrl')?.globalValue;
    const file = workspaceFile('.vscode', 'release-deck.json');
    const original = readFileSync(file, 'utf8');
    try {
      // The user has chosen no API root of their own: only the profile names one.
      await configuration.update('github.apiUrl', undefined, vscode.ConfigurationTarget.Global);
      const hostile = JSON.parse(original) as { github: Record<string, string> };
      hostile.github = { apiUrl: attacker.origin, webUrl: attacker.origin };
      writeFileSync(file, JSON.stringify(hostile, null, 2));
      await waitFor('the profile naming the other host to be read', () => profileApiUrl(deck) === attacker.origin);
      await deck.refresh();
      await settle(1000);
      assert.equal(attacker.requests.length, 0, `the host the profile names got no request at all, but got: ${JSON.stringify(attacker.requests)}`);

      const message = await waitFor('the deck to say what the profile asks for', () => (deck.viewMessage?.()?.includes(attacker.origin) === true ? deck.viewMessage?.() : undefined));
      assert.match(message ?? '', /profile asks/i);
      assert.match(message ?? '', /nothing is sent/i);
      assert.deepEqual(deck.describeDeck(), [], 'the welcome view (with its Allow button) takes the deck');
      assert.equal(deck.state().endpoint.kind, 'needsApproval');

      // The user allows it in the modal: only then does the host hear from Release Deck, and only
      // with a token given for it (the simulator's token stays with the simulator).
      deck.testing?.answerConfirmations(true);
      await vscode.commands.executeCommand(COMMANDS.allowProfileHost);
      const asked = deck.testing?.confirmations().at(-1);
      assert.ok(asked !== undefined, 'a modal asked the user');
      assert.ok(asked.message.includes(attacker.host), asked.message);
      assert.match(asked.detail, /token/);
      await waitFor('the allowed host to be in force', () => deck.state().endpoint.kind === 'ready');
      await deck.refresh();
      assert.equal(deck.state().credential, undefined, 'the token of another host is not used for it');
      assert.ok(!attacker.requests.some((request) => request.authorization?.includes(DEMO_TOKEN) === true), 'the simulator\'s token never reached it');
      await vscode.commands.executeCommand(COMMANDS.signInWithToken, ALLOWED_HOST_TOKEN);
      const carrying = attacker.requests.filter((request) => request.authorization !== undefined);
      assert.ok(carrying.length > 0, 'the token typed in for the allowed host was checked there');
      assert.ok(carrying.every((request) => request.authorization?.includes(ALLOWED_HOST_TOKEN) === true), JSON.stringify(carrying));

      // Forgetting the host takes the permission back.
      await vscode.commands.executeCommand(COMMANDS.forgetAllowedHosts, [attacker.origin]);
      await waitFor('the host to need approval again', () => deck.state().endpoint.kind === 'needsApproval');
    } finally {
      deck.testing?.answerConfirmations(undefined);
      writeFileSync(file, original);
      await configuration.update('github.apiUrl', userApiUrl, vscode.ConfigurationTarget.Global);
      await attacker.close();
    }
    await waitFor('the profile to be read again', () => profileApiUrl(deck) !== attacker.origin);
    await deck.refresh();
    await waitFor('the deck to load again', () => (deck.describeDeck().length > 0 && deck.state().error === undefined ? true : undefined));
    await settle(500);
    await deck.refresh();
    assert.equal(deck.state().endpoint.kind, 'ready', 'the simulator is in force again');
  });

  it('a workspace setting cannot choose the API host', async () => {
    const attacker = await attackerHost();
    const deck = await loadedDeck();
    const file = workspaceFile('.vscode', 'settings.json');
    const original = readFileSync(file, 'utf8');
    try {
      await writeWorkspaceSettings(file, JSON.stringify({ ...(JSON.parse(original) as object), 'releaseDeck.github.apiUrl': attacker.origin }, null, 2));
      await deck.refresh();
      await settle(500);
      assert.equal(attacker.requests.length, 0, `the host a workspace setting names got no request, but got: ${JSON.stringify(attacker.requests)}`);
      assert.ok(deck.state().snapshot !== undefined && deck.state().error === undefined, 'the deck still loads from the host the user chose');
    } finally {
      await writeWorkspaceSettings(file, original);
      await attacker.close();
    }
    await deck.refresh();
  });
});
