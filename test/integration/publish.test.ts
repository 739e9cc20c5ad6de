import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { admin, DEMO_TOKEN, find, loadedDeck, simulatorUrl, waitFor, withClockMoving, world } from './support';
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
    const published = await withClockMoving(first) as Outcome | undefined;
    // The release run contains the deployment: the deployment run was followed while the release run was in progress.
    assert.ok(published?.progress?.includes('Release workflow: deploying rel-2026.11.25.18.00.00 to API production (its deployment run is in progress)'), published?.progress?.join('\n'));
    assert.equal(published?.progress?.filter((step) => step.startsWith('Release workflow:')).at(-1), 'Release workflow: done');
    assert.equal(published?.deployRun?.conclusion, 'success');

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

  /** Publishes the app's newest draft (a fresh one, created as release-drafter does) while the clock moves. */
  const publishNewest = (appId: string): Thenable<Outcome | undefined> => vscode.commands.executeCommand<Outcome | undefined>(COMMANDS.publishRelease, { appId });

  it('a deployment that fails: said as a failed deployment of a tagged image, production unchanged, no changelog pull request', async function () {
    this.timeout(120_000);
    deck.testing?.answerConfirmations(true);
    await createDraft('api-2026.11.26.10.10.00');
    await deck.refresh();
    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-production-api.yml', step: 'Deploy' });
    const result = await withClockMoving(publishNewest('api'));
    assert.equal(result?.published.tagName, 'api-2026.11.26.10.10.00');
    assert.match(result?.problem ?? '', /^api-2026\.11\.26\.10\.10\.00 is published and the image tagged rel-2026\.11\.26\.10\.10\.00, but the deployment of rel-2026\.11\.26\.10\.10\.00 to API production failed: its run ended in failure, so the release workflow stopped at step "Deploy production application" and opened no changelog pull request\. API production still runs rel-/);
    assert.doesNotMatch(result?.problem ?? '', /not tagged|may not be tagged/);
    assert.ok(!(await world()).repos[0]?.pulls.some((pull) => pull.head === 'changelog/api-2026.11.26.10.10.00'), 'no changelog pull request');
  });

  it('a tag step that fails: the image was not tagged and nothing deployed, never a failed deployment', async function () {
    this.timeout(120_000);
    deck.testing?.answerConfirmations(true);
    await createDraft('api-2026.11.26.10.20.00');
    await deck.refresh();
    await admin('fail-next-run', { workflowPath: '.github/workflows/tag_docker_image_and_trigger_deployment.yml', step: 'Tag latest with release tag' });
    const result = await withClockMoving(publishNewest('api'));
    assert.equal(result?.published.tagName, 'api-2026.11.26.10.20.00');
    assert.match(result?.problem ?? '', /^api-2026\.11\.26\.10\.20\.00 is published, but its release workflow failed at step "Tag latest with release tag": the image was not tagged rel-2026\.11\.26\.10\.20\.00, so nothing was deployed\. API production still runs rel-.* Do not simply re-run the release workflow/);
    assert.doesNotMatch(result?.problem ?? '', /deployment of .* failed|may not be tagged/);
    assert.equal(result?.deployRun, undefined, 'no deployment run is taken for this release');
  });

  /**
   * Publishes a fresh ingestion server draft, moves the clock only until its release run is in progress
   * (then it stands still: the run stays in progress), and publishes a fresh API draft behind it.
   */
  const publishBehind = async (date: string): Promise<{ first: Thenable<Outcome | undefined>; second: Thenable<Outcome | undefined> }> => {
    deck.testing?.answerConfirmations(true);
    await createDraft(`ingestion_server-${date}`);
    await createDraft(`api-${date}`);
    await deck.refresh();
    const first = publishNewest('ingestion_server');
    await waitFor('the ingestion server release run to be in progress', async () => {
      await admin('clock', { advanceSeconds: 1 });
      return (await releaseRun(`ingestion_server-${date}`))?.status === 'in_progress';
    }, 60_000);
    return { first, second: publishNewest('api') };
  };

  it('a second publish waits for the release run ahead of it (one release at a time), and the deck and its progress say so', async function () {
    this.timeout(180_000);
    const { first, second } = await publishBehind('2026.11.26.10.30.00');
    const waiting = await waitFor('the deck to say API production waits', () => {
      const tooltip = find(deck.describeDeck(), 'API', 'Production').tooltip ?? '';
      return /api-2026\.11\.26\.10\.30\.00 was published; its release workflow run: queued: waiting for ingestion\\?_server-2026\.11\.26\.10\.30\.00's release run to finish/.test(tooltip) ? tooltip : undefined;
    }, 60_000);
    assert.ok(waiting);
    assert.ok(['queued', 'pending'].includes((await releaseRun('api-2026.11.26.10.30.00'))?.status ?? ''), 'GitHub keeps it waiting in the concurrency group');
    const [ingestion, api] = await withClockMoving(Promise.all([first, second]));
    assert.equal(ingestion?.problem, undefined);
    assert.equal(api?.problem, undefined);
    assert.ok(api?.progress?.includes("Release workflow: queued: waiting for ingestion_server-2026.11.26.10.30.00's release run to finish (one release at a time)"), api?.progress?.join('\n'));
    assert.equal(api?.deployRun?.conclusion, 'success');
  });

  it('a waiting publish that GitHub cancels because a newer run queued in the group: says nothing was tagged or deployed, and what to do', async function () {
    this.timeout(180_000);
    const { first, second } = await publishBehind('2026.11.26.10.40.00');
    await waitFor('the API release run to wait in the group', async () => ['queued', 'pending'].includes((await releaseRun('api-2026.11.26.10.40.00'))?.status ?? ''), 60_000);
    // Release Deck follows the run at its own pace: the cancellation comes once the deck has shown it waiting, as a person would see it.
    await waitFor('the deck to say API production waits', () => /api-2026\.11\.26\.10\.40\.00 was published; its release workflow run: queued/.test(find(deck.describeDeck(), 'API', 'Production').tooltip ?? ''), 60_000);
    // A colleague publishes another release on GitHub: its run queues in the group, and GitHub cancels the waiting API run.
    await createDraft('ingestion_server-2026.11.26.10.50.00');
    await publishOnGitHub('ingestion_server-2026.11.26.10.50.00');
    const [ingestion, api] = await withClockMoving(Promise.all([first, second]));
    assert.equal(ingestion?.problem, undefined);
    assert.match(api?.problem ?? '', /^api-2026\.11\.26\.10\.40\.00 is published, but GitHub cancelled its release workflow run before it started: it was waiting for another run of its concurrency group, and GitHub keeps one waiting run per group, cancelling the older one when a newer run queues\. Nothing was tagged or deployed\. API production still runs rel-.* Re-run that release workflow run once no other release run is under way/);
  });
});

interface Outcome {
  problem?: string;
  published: { draft: boolean; tagName: string };
  deployRun?: { conclusion: string | null };
  progress?: string[];
}

/** A draft release, created through GitHub's "Create a release" as release-drafter does. */
async function createDraft(gitTag: string): Promise<void> {
  const response = await fetch(`${simulatorUrl()}/repos/WordPress/openverse/releases`, {
    method: 'POST',
    headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tag_name: gitTag, name: gitTag, draft: true, target_commitish: 'main', body: '## New Features\n\n- A change worth releasing (#5999) by @obulat' }),
  });
  assert.equal(response.status, 201, await response.text());
}

/** The release workflow's run of a git tag, as GitHub lists it. */
async function releaseRun(gitTag: string): Promise<{ status: string } | undefined> {
  const response = await fetch(`${simulatorUrl()}/repos/WordPress/openverse/actions/workflows/tag_docker_image_and_trigger_deployment.yml/runs?per_page=30`, { headers: { authorization: `token ${DEMO_TOKEN}` } });
  const body = (await response.json()) as { workflow_runs: Array<{ head_branch: string; status: string }> };
  return body.workflow_runs.find((run) => run.head_branch === gitTag);
}

/** Publishes a draft on GitHub directly, as a colleague would (not through Release Deck). */
async function publishOnGitHub(gitTag: string): Promise<void> {
  const headers = { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' };
  const releases = (await (await fetch(`${simulatorUrl()}/repos/WordPress/openverse/releases?per_page=100`, { headers })).json()) as Array<{ id: number; tag_name: string }>;
  const release = releases.find((candidate) => candidate.tag_name === gitTag);
  assert.ok(release, `the draft ${gitTag} exists`);
  const response = await fetch(`${simulatorUrl()}/repos/WordPress/openverse/releases/${release.id}`, { method: 'PATCH', headers, body: JSON.stringify({ draft: false }) });
  assert.equal(response.status, 200, await response.text());
}
