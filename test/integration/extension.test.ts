import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, waitFor } from './support';
import { VIEW_ID } from '../../src/commandIds';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; category: string }>;
    views: Record<string, Array<{ id: string; name: string }>>;
    configuration: { properties: Record<string, { default: unknown }> };
  };
}

describe('Release Deck in a real editor', () => {
  it('activates', async () => {
    const deck = await api();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, true);
    assert.equal(typeof deck.state, 'function');
  });

  it('registers every command it declares, and declares every command it registers', async () => {
    await api();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;
    const declared = manifest.contributes.commands.map((command) => command.command).sort();
    // VS Code itself registers commands for each contributed view (`<view id>.focus`, `.open`, …): not the extension's.
    const views = Object.values(manifest.contributes.views).flat().map((view) => `${view.id}.`);
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('releaseDeck.') && !views.some((prefix) => id.startsWith(prefix))).sort();
    const notRegistered = declared.filter((id) => !registered.includes(id));
    const notDeclared = registered.filter((id) => !declared.includes(id));
    assert.deepEqual(notRegistered, [], `declared in package.json but not registered: ${notRegistered.join(', ')}`);
    assert.deepEqual(notDeclared, [], `registered but not declared in package.json: ${notDeclared.join(', ')}`);
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Release Deck', `${command.command} is in the Release Deck category`);
    }
  });

  it('contributes the Deck and Needs You views in its own activity bar container, and can show it', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;
    assert.deepEqual(manifest.contributes.views.releaseDeck?.map((view) => [view.id, view.name]), [['releaseDeck.deck', 'Deck'], ['releaseDeck.needsYou', 'Needs You']]);
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  });

  it('reads its settings with the documented defaults', () => {
    const configuration = vscode.workspace.getConfiguration('releaseDeck');
    assert.equal(configuration.inspect('profile')?.defaultValue, '.vscode/release-deck.json');
    assert.equal(configuration.inspect('github.apiUrl')?.defaultValue, 'https://api.github.com');
    assert.equal(configuration.inspect('refresh.intervalSeconds')?.defaultValue, 60);
    assert.equal(configuration.inspect('statusBar.enabled')?.defaultValue, true);
    assert.equal(configuration.get('statusBar.enabled'), true);
    assert.equal(configuration.inspect('notifications')?.defaultValue, 'failures');
    assert.equal(configuration.inspect('needsYou.draftAgeDays')?.defaultValue, 7);
  });

  it('uses the profile file of a trusted workspace', async () => {
    const deck = await api();
    assert.equal(vscode.workspace.isTrusted, true);
    const profile = await waitFor('the workspace profile to load', () => (deck.state().profile.kind === 'workspace' ? deck.state().profile : undefined));
    assert.equal(profile.kind, 'workspace');
    assert.equal(profile.kind === 'workspace' ? profile.profile.name : '', 'Openverse (simulated)');
  });
});
