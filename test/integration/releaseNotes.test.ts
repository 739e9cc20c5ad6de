import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { loadedDeck, waitFor, world } from './support';
import { COMMANDS } from '../../src/commandIds';

describe('the release notes panel', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
  });

  it('shows the frontend draft: its tags, rendered notes, commits since production and what publishing sets off', async () => {
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'frontend');
    const view = await waitFor('the frontend notes to load', () => deck.testing?.releaseNotesView('frontend'));
    assert.equal(view.gitTag, 'frontend-2026.11.25.18.00.00');
    assert.equal(view.imageTag, 'rel-2026.11.25.18.00.00');
    assert.equal(view.draft, true);
    assert.equal(view.target, 'main');
    assert.match(view.bodyHtml, /<h2>Bug Fixes<\/h2>/);
    assert.match(view.bodyHtml, /Restore the focus ring on the home page search/);
    assert.ok(view.commits.length > 0, 'commits since what production runs');
    const production = deck.state().snapshot?.apps.find((app) => app.app.id === 'frontend')?.environments.find((environment) => environment.environment.id === 'production')?.running?.imageTag ?? '';
    assert.ok(view.compareNote.includes(`since what Frontend production runs (${production})`), view.compareNote);
    // Only the frontend's own commits are listed; the note counts the other apps' ones left out.
    const monorepo = (await world()).repos.find((repo) => repo.fullName === 'WordPress/openverse');
    const changesFrontend = new Set(monorepo?.commits.filter((commit) => (commit.files ?? []).some((file) => file.filename.startsWith('frontend/'))).map((commit) => commit.sha));
    for (const commit of view.commits) {
      assert.ok(changesFrontend.has(commit.sha), `${commit.title} does not change frontend/`);
    }
    assert.match(view.compareNote, new RegExp(`^${view.commits.length} of the \\d+ commits of the monorepo since .* change frontend/; the other \\d+ commits? only touch other parts of the monorepo\\.$`));
    assert.ok(view.effects.some((effect) => effect.includes(`Frontend production is deployed automatically: ${production} → rel-2026.11.25.18.00.00`)), view.effects.join('\n'));
    assert.ok(view.releases.some((release) => release.gitTag === 'frontend-2026.11.05.16.20.00' && !release.draft), 'published releases can be browsed');
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.label === 'Release Notes · Frontend');
    assert.ok(tab, 'a panel titled for the app is open');
  });

  it('reuses the app\'s panel when opened again', async () => {
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'frontend');
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((candidate) => candidate.label === 'Release Notes · Frontend');
    assert.equal(tabs.length, 1);
  });

  it('says the catalog is deployed by hand after publishing', async () => {
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'catalog');
    const view = await waitFor('the catalog notes to load', () => deck.testing?.releaseNotesView('catalog'));
    assert.ok(view.effects.some((effect) => /Catalog production is then deployed by hand with Ansible/.test(effect)));
  });

  it('refuses the indexer worker, which has no releases', async () => {
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'indexer_worker');
    assert.equal(deck.testing?.releaseNotesView('indexer_worker'), undefined);
  });
});
