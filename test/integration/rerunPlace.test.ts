import { strict as assert } from 'node:assert';
import type { ReleaseDeckApi } from '../../src/extension';
import { DEMO_TOKEN, INFRA, admin, colleagueDeploys, find, latestBuild, loadedDeck, simulatorUrl, world } from './support';

/**
 * A re-run ("Re-run failed jobs") keeps its run's created_at; its run_started_at resets (GitHub's REST description
 * of a workflow run). An older failed deployment re-run after a newer one is the one deployed last.
 */
describe('a re-run deployment: its place among the deployments', () => {
  let deck: ReleaseDeckApi;
  let restore: { sha: string; title: string } | undefined;

  before(async () => {
    deck = await loadedDeck();
  });

  after(async () => {
    await admin('faults', undefined, 'DELETE');
    // The suites share one world: frontend staging runs the frontend's newest build again, as it did before.
    if (restore !== undefined) {
      await colleagueDeploys('deploy-staging-frontend.yml', { tag: restore.sha, run_name: restore.title });
      await admin('clock', { advanceSeconds: 120 });
    }
    await deck.refresh();
  });

  it('an older failed deployment re-run after a newer one runs now (no /version answer: the last successful deployment decides)', async () => {
    // Frontend staging's /version does not answer: what runs there is what its last successful deployment deployed.
    await admin('faults', { path: '^/live/frontend/staging/version$', kind: 'status', status: 503, count: 1000 });
    const newer = await latestBuild('frontend');
    restore = newer;
    const current = (await world()) as Awaited<ReturnType<typeof world>> & { images: Record<string, Record<string, string>> };
    const commits = current.repos[0]?.commits as Array<{ sha: string; message: string }> | undefined;
    // An earlier build of the frontend: a commit with an image of its own, no release's (the deck names it by its commit then).
    const images = current.images.frontend ?? {};
    const released = new Set(Object.entries(images).filter(([tag]) => tag.startsWith('rel-')).map(([, sha]) => sha));
    const olderSha = commits?.find((commit) => commit.sha !== newer.sha && images[commit.sha] === commit.sha && !released.has(commit.sha))?.sha;
    const older = commits?.find((commit) => commit.sha === olderSha);
    assert.ok(older, 'an older build of the frontend');
    const olderTitle = older.message.split('\n', 1)[0] ?? '';

    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-staging-frontend.yml', step: 'Deploy' });
    const failedId = await colleagueDeploys('deploy-staging-frontend.yml', { tag: older.sha, run_name: olderTitle });
    await admin('clock', { advanceSeconds: 120 });
    await colleagueDeploys('deploy-staging-frontend.yml', { tag: newer.sha, run_name: newer.title });
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
    assert.match(find(deck.describeDeck(), 'Frontend', 'Staging').description ?? '', new RegExp(newer.sha.slice(0, 7)), 'the newer deployment runs');

    const rerun = await fetch(`${simulatorUrl()}/repos/${INFRA}/actions/runs/${failedId}/rerun-failed-jobs`, { method: 'POST', headers: { authorization: `token ${DEMO_TOKEN}` } });
    assert.equal(rerun.status, 201);
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
    const staging = find(deck.describeDeck(), 'Frontend', 'Staging');
    assert.match(staging.description ?? '', new RegExp(older.sha.slice(0, 7)), `the re-run deployment runs now: ${staging.description ?? ''}`);
    assert.doesNotMatch(staging.description ?? '', new RegExp(newer.sha.slice(0, 7)));
  });
});
