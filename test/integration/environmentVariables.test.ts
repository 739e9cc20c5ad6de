import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { COMMANDS } from '../../src/commandIds';
import { loadedDeck, waitFor, world } from './support';

const API_NEW = 'New in api/env.template: ELASTICSEARCH_TIMEOUT. Add it in the infrastructure configuration before publishing (publishing deploys API production).';
const FRONTEND_CHANGED = 'Changed in frontend/.env.template: NUXT_PUBLIC_SEARCH_DEBOUNCE_MS. Update it in the infrastructure configuration before publishing (publishing deploys Frontend production); that deployment applies the new value, so no separate redeploy is needed.';
const FRONTEND_REMOVED = 'Removed from frontend/.env.template: NUXT_PUBLIC_LEGACY_SEARCH_STORE. It can be cleaned up from the infrastructure configuration after the new version runs.';

describe('environment variables of a release', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
  });

  after(() => {
    deck.testing?.answerConfirmations(undefined);
  });

  it('the release notes panel says what to do about each variable the draft adds, changes or removes', async () => {
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'api');
    const api = await waitFor('the API notes to load', () => deck.testing?.releaseNotesView('api'));
    assert.deepEqual(api.environmentVariables, [API_NEW]);
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'frontend');
    const frontend = await waitFor('the frontend notes to load', () => deck.testing?.releaseNotesView('frontend'));
    assert.deepEqual(frontend.environmentVariables, [FRONTEND_CHANGED, FRONTEND_REMOVED]);
    const catalog = await (async () => {
      await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'catalog');
      return waitFor('the catalog notes to load', () => deck.testing?.releaseNotesView('catalog'));
    })();
    assert.deepEqual(catalog.environmentVariables, [], 'the catalog draft touches no env file');
  });

  it('the publish confirmation names the new variable before anything is published', async () => {
    deck.testing?.answerConfirmations(false);
    const before = deck.testing?.confirmations().length ?? 0;
    await vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'api' });
    const asked = deck.testing?.confirmations().slice(before) ?? [];
    assert.equal(asked.length, 1);
    assert.ok((asked[0]?.detail ?? '').includes(`⚠ Environment variables:\n• ${API_NEW}`), asked[0]?.detail);
    assert.ok(!(asked[0]?.detail ?? '').includes('=30'), 'never a value');
    const api = (await world()).repos[0]?.releases.find((release) => release.tagName === 'api-2026.11.25.18.00.00');
    assert.equal(api?.draft, true, 'declined: still a draft');
  });
});
