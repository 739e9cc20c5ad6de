import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { admin, find, loadedDeck, waitFor, withClockMoving, world } from './support';
import { COMMANDS } from '../../src/commandIds';

describe('publishing a GitHub Release', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
    assert.ok(deck.testing, 'the test hooks exist under ExtensionMode.Test');
  });

  after(() => {
    deck.testing?.answerConfirmations(undefined);
  });

  it('changes nothing when the confirmation is declined', async () => {
    deck.testing?.answerConfirmations(false);
    const before = deck.testing?.confirmations().length ?? 0;
    await vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'api' });
    const asked = deck.testing?.confirmations().slice(before) ?? [];
    assert.equal(asked.length, 1);
    assert.equal(asked[0]?.message, 'Publish the GitHub Release api-2026.11.25.18.00.00?');
    assert.match(asked[0]?.detail ?? '', /App: API/);
    assert.match(asked[0]?.detail ?? '', /Image tag: rel-2026\.11\.25\.18\.00\.00/);
    assert.match(asked[0]?.detail ?? '', /API production is deployed automatically: rel-2026\.11\.12\.14\.05\.33 → rel-2026\.11\.25\.18\.00\.00/);
    const api = (await world()).repos[0]?.releases.find((release) => release.tagName === 'api-2026.11.25.18.00.00');
    assert.equal(api?.draft, true, 'still a draft');
  });

  it('warns before publishing a draft with no changes', async () => {
    deck.testing?.answerConfirmations(false);
    const before = deck.testing?.confirmations().length ?? 0;
    await vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'ingestion_server' });
    const asked = deck.testing?.confirmations().slice(before) ?? [];
    assert.equal(asked.length, 1, 'only the warning: declining it stops before the confirmation');
    assert.match(asked[0]?.detail ?? '', /lists no changes/);
  });

  it('publishes the API draft once, follows the chain, and the deck shows production in sync on the new image tag', async () => {
    deck.testing?.answerConfirmations(true);
    await admin('stats/reset');
    const first = vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'api' });
    // A second click while the first publish runs does nothing but say so.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'api' });
    await withClockMoving(first);

    const stats = (await admin('stats', undefined, 'GET')) as { log: Array<{ method: string; path: string }> };
    assert.equal(stats.log.filter((entry) => entry.method === 'PATCH').length, 1, 'one publish request');

    const after = await world();
    const monorepo = after.repos[0];
    assert.equal(monorepo?.releases.find((release) => release.tagName === 'api-2026.11.25.18.00.00')?.draft, false);
    assert.ok(monorepo?.runs.some((run) => run.headBranch === 'api-2026.11.25.18.00.00'), 'the tag-and-deploy run exists');
    assert.ok(after.repos[1]?.runs.some((run) => run.displayTitle === 'Deploy rel-2026.11.25.18.00.00 to production-api'), 'the production deployment ran');
    assert.ok(monorepo?.pulls.some((pull) => pull.head === 'changelog/api-2026.11.25.18.00.00'), 'the changelog pull request is open');

    await deck.refresh();
    const production = find(deck.describeDeck(), 'API', 'Production');
    assert.equal(production.description, 'rel-2026.11.25.18.00.00');
    assert.equal(production.icon, 'pass-filled');
    await waitFor('the API to have no draft', () => !find(deck.describeDeck(), 'API').children.some((item) => item.label.startsWith('Draft')));
  });

  it('GitHub failing while the chain is followed: says the release is published and what production runs', async () => {
    deck.testing?.answerConfirmations(true);
    await deck.refresh();
    await admin('faults', { path: '/actions/workflows/tag_docker_image_and_trigger_deployment.yml/runs$', method: 'GET', kind: 'status', status: 503, count: 30 });
    try {
      const result = await withClockMoving(vscode.commands.executeCommand<{ problem?: string; published: { draft: boolean } } | undefined>(COMMANDS.publishRelease, { appId: 'ingestion_server' }));
      assert.equal(result?.published.draft, false, 'the release was published');
      assert.match(result?.problem ?? '', /^ingestion_server-2026\.11\.25\.18\.00\.00 is published, but following what it set off failed: GitHub answered 503/);
      const patches = ((await admin('stats', undefined, 'GET')) as { log: Array<{ method: string; path: string }> }).log.filter((entry) => entry.method === 'PATCH' && entry.path.includes('/releases/'));
      assert.ok(patches.length >= 1);
    } finally {
      await admin('faults', undefined, 'DELETE');
    }
  });
});
