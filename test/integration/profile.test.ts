import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor } from './support';

describe('a broken profile file', () => {
  it('shows every problem in the Problems panel at its place, empties the deck for its welcome view, and recovers', async () => {
    const deck = await api();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = path.join(folder.uri.fsPath, '.vscode', 'release-deck.json');
    const original = readFileSync(file, 'utf8');
    const broken = JSON.parse(original) as { monorepo: string; apps: Array<{ id: string; environments: Array<{ deploy: Record<string, unknown> }> }> };
    broken.monorepo = 'not a repository';
    const first = broken.apps[0];
    assert.ok(first);
    first.id = 'API';
    delete first.environments[1]?.deploy.tagInput;
    writeFileSync(file, JSON.stringify(broken, null, 2));
    try {
      await waitFor('the profile to be reported broken', () => deck.state().profile.kind === 'broken');
      assert.deepEqual(deck.describeDeck(), [], 'the welcome view for a broken profile takes the deck');
      const uri = vscode.Uri.file(file);
      const diagnostics = await waitFor('the problems to reach the Problems panel', () => {
        const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Release Deck');
        return found.length >= 3 ? found : undefined;
      });
      const messages = diagnostics.map((diagnostic) => diagnostic.message);
      assert.ok(messages.some((message) => message.startsWith('$.monorepo: ')), messages.join('\n'));
      assert.ok(messages.some((message) => message.startsWith('$.apps[0].id: ')), messages.join('\n'));
      assert.ok(messages.some((message) => message.startsWith('$.apps[0].environments[1].deploy: ') && message.includes('"tagInput" is required')), messages.join('\n'));
      const monorepo = diagnostics.find((diagnostic) => diagnostic.message.startsWith('$.monorepo: '));
      const line = original.split('\n').findIndex((text) => text.includes('"monorepo"'));
      assert.equal(monorepo?.range.start.line, line, 'the problem is placed on the field');
    } finally {
      writeFileSync(file, original);
    }
    await waitFor('the profile to load again', () => deck.state().profile.kind === 'workspace');
    await waitFor('the deck to come back', () => (deck.describeDeck().length === 5 ? true : undefined));
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.file(file)).filter((diagnostic) => diagnostic.source === 'Release Deck').length, 0);
  });
});
