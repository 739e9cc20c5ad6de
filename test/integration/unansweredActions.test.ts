import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { admin, api, loadedDeck, simulatorUrl, waitFor, withClockMoving, world } from './support';
import { COMMANDS } from '../../src/commandIds';

const INFRA = 'WordPress/openverse-infrastructure';
/** A colleague's token in the simulated world (fine-grained, on both repositories). */
const COLLEAGUE_TOKEN = 'rd_fine_grained_token_two_repos';

type DeployOutcome = { problem?: string; nothingStarted: boolean; run?: { id: number; conclusion: string | null } } | undefined;

async function runsOf(workflow: string): Promise<Array<{ displayTitle: string; inputs?: Record<string, string> }>> {
  return (await world()).repos[1]?.runs.filter((run) => run.workflowPath.endsWith(workflow)) ?? [];
}

async function releaseOf(tagPrefix: string): Promise<{ id: number; tagName: string; draft: boolean; body: string; targetCommitish: string }> {
  const releases = (await world()).repos[0]?.releases as unknown as Array<{ id: number; tagName: string; draft: boolean; body: string; targetCommitish: string }>;
  const release = releases.find((candidate) => candidate.draft && candidate.tagName.startsWith(tagPrefix));
  assert.ok(release, `a draft of ${tagPrefix}`);
  return release;
}

/** A colleague edits a draft on GitHub. */
async function editDraft(id: number, fields: Record<string, string>): Promise<void> {
  const edit = await fetch(`${simulatorUrl()}/repos/WordPress/openverse/releases/${id}`, {
    method: 'PATCH',
    headers: { authorization: `token ${COLLEAGUE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
  assert.equal(edit.status, 200);
}

/** The requests Release Deck itself sent (not the colleague's) since the stats were reset, other than GETs. */
async function ownChanges(): Promise<string[]> {
  const stats = (await admin('stats', undefined, 'GET')) as { log: Array<{ method: string; path: string; token?: string }> };
  return stats.log.filter((entry) => entry.method !== 'GET' && entry.token !== 'fine-grained-maintainer').map((entry) => `${entry.method} ${entry.path}`);
}

/**
 * Runs after the release notes suite (file order), which reads the frontend draft this one publishes.
 * GitHub may apply a request whose answer is lost (a timeout, a reset, a 502 from its front end). The
 * deck looks before it speaks, and never starts a second production action on a busy environment.
 */
describe('actions with a lost answer, and busy environments', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    // Signing in before the workspace's profile (which names the simulator) has loaded would check the
    // token with github.com: wait for it when this suite runs first.
    const early = await api();
    await waitFor('the workspace profile to load', () => early.state().profile.kind === 'workspace');
    deck = await loadedDeck();
    deck.testing?.answerConfirmations(true);
    // Runs left unfinished by earlier suites (a follow that failed) finish first.
    await admin('faults', undefined, 'DELETE');
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
  });

  afterEach(async () => {
    await admin('faults', undefined, 'DELETE');
  });

  after(async () => {
    deck.testing?.answerConfirmations(undefined);
    await admin('faults', undefined, 'DELETE');
  });

  it('a dispatch applied but not answered within the client\'s time limit: told it started, followed, and one run only', async () => {
    const before = (await runsOf('deploy-staging-api.yml')).length;
    await admin('faults', { path: '/dispatches$', method: 'POST', kind: 'applyThenTimeout', count: 1 });
    const result = await withClockMoving(vscode.commands.executeCommand<DeployOutcome>(COMMANDS.redeploy, { appId: 'api', environmentId: 'staging' }));
    assert.equal(result?.nothingStarted, false, result?.problem);
    assert.equal(result?.problem, undefined);
    assert.equal(result?.run?.conclusion, 'success');
    assert.equal((await runsOf('deploy-staging-api.yml')).length, before + 1, 'exactly one run: nothing invited a second dispatch');
  });

  it('a dispatch whose run GitHub creates only after the look: unknown; this window keeps the environment guarded until the deck shows that run, then the deck\'s own check takes over', async () => {
    await deck.refresh();
    const before = (await runsOf('deploy-staging-api.yml')).length;
    await admin('faults', { path: '/dispatches$', method: 'POST', kind: 'applyLateThenTimeout', lateSeconds: 30, count: 1 });
    const result = await vscode.commands.executeCommand<DeployOutcome & { unknownOutcome?: { checkUrl: string } }>(COMMANDS.redeploy, { appId: 'api', environmentId: 'staging' });
    assert.equal(result?.nothingStarted, false, result?.problem);
    assert.match(result?.unknownOutcome?.checkUrl ?? '', /deploy-staging-api\.yml$/);
    assert.match(result?.problem ?? '', /has appeared since \d{1,2}:\d\d:\d\d(?: [AP]M)?: whether GitHub started one is unknown/);
    // Not known yet: this window refuses a second deployment before asking anything.
    const asked = deck.testing?.confirmations().length ?? 0;
    assert.equal(await vscode.commands.executeCommand<DeployOutcome>(COMMANDS.redeploy, { appId: 'api', environmentId: 'staging' }), undefined);
    assert.equal(deck.testing?.confirmations().length, asked, 'no confirmation was asked');
    // GitHub creates the run; the next refresh shows it, which settles the outcome: the deck's busy check refuses from here on.
    await admin('clock', { advanceSeconds: 30 });
    await deck.refresh();
    const busy = await vscode.commands.executeCommand<DeployOutcome>(COMMANDS.redeploy, { appId: 'api', environmentId: 'staging' });
    assert.match(busy?.problem ?? '', /^API staging is busy: "Redeploy [0-9a-f]{40} from Release Deck" is (queued|in progress) on GitHub/);
    assert.equal((await runsOf('deploy-staging-api.yml')).length, before + 1, 'one run: the one GitHub created late');
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
  });

  it('someone else\'s deployment in progress on GitHub: deploy and publish are refused, naming who and when', async () => {
    await deck.refresh();
    const response = await fetch(`${simulatorUrl()}/repos/${INFRA}/actions/workflows/deploy-production-frontend.yml/dispatches`, {
      method: 'POST',
      headers: { authorization: `token ${COLLEAGUE_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'main', inputs: { tag: 'rel-2026.10.10.11.00.00' } }),
    });
    assert.equal(response.status, 204);
    try {
      await admin('stats/reset');
      // The deck does not know yet: the check right before dispatching reads it from GitHub.
      const deployed = await vscode.commands.executeCommand<DeployOutcome>(COMMANDS.redeploy, { appId: 'frontend', environmentId: 'production' });
      assert.equal(deployed?.nothingStarted, true);
      assert.match(deployed?.problem ?? '', /^Frontend production is busy: "Deploy rel-2026\.10\.10\.11\.00\.00 to production-nuxt" is queued on GitHub, started by fine-grained-maintainer at [^"]+\. Nothing was sent/);
      // Once the deck knows, the publish is refused before anything is asked or sent.
      await deck.refresh();
      const asked = deck.testing?.confirmations().length ?? 0;
      assert.ok(deck.state().snapshot?.apps.find((app) => app.app.id === 'frontend')?.draft, 'the frontend has a draft to publish');
      await vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'frontend' });
      assert.equal(deck.testing?.confirmations().length, asked, 'no confirmation was asked');
      const stats = (await admin('stats', undefined, 'GET')) as { log: Array<{ method: string; path: string }> };
      assert.deepEqual(stats.log.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path}`), [], 'nothing was dispatched or published');
      assert.equal((await releaseOf('frontend-')).draft, true);
    } finally {
      await admin('clock', { advanceSeconds: 120 });
      await deck.refresh();
    }
  });

  it('a draft edited on GitHub after the deck showed it: refused, nothing published, the notes shown again', async () => {
    await deck.refresh();
    const draft = await releaseOf('catalog-');
    const edit = await fetch(`${simulatorUrl()}/repos/WordPress/openverse/releases/${draft.id}`, {
      method: 'PATCH',
      headers: { authorization: `token ${COLLEAGUE_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: `${draft.body}\n- A change nobody reviewed` }),
    });
    assert.equal(edit.status, 200);
    await admin('stats/reset');
    const asked = deck.testing?.confirmations().length ?? 0;
    await vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'catalog' });
    assert.equal(deck.testing?.confirmations().length, asked, 'no confirmation was asked for an unreviewed draft');
    const stats = (await admin('stats', undefined, 'GET')) as { log: Array<{ method: string }> };
    assert.equal(stats.log.filter((entry) => entry.method === 'PATCH').length, 0, 'nothing was published');
    assert.equal((await releaseOf('catalog-')).draft, true);
    const shown = await waitFor('the release notes to show the edited draft', () => deck.testing?.releaseNotesView('catalog'));
    assert.equal(shown.gitTag, draft.tagName);
  });

  it('a publish applied but not answered in time: reported published, and the chain followed', async () => {
    await deck.refresh();
    const draft = await releaseOf('frontend-');
    await admin('faults', { path: '/releases/\\d+$', method: 'PATCH', kind: 'applyThenTimeout', count: 1 });
    const result = await withClockMoving(vscode.commands.executeCommand<{ problem?: string; published: { draft: boolean }; deployRun?: { conclusion: string | null } } | undefined>(COMMANDS.publishRelease, { appId: 'frontend' }));
    assert.equal(result?.published.draft, false, 'reported published');
    assert.equal(result?.problem, undefined, result?.problem);
    assert.equal(result?.deployRun?.conclusion, 'success', 'the production deployment it set off was followed');
    assert.equal((await world()).repos[0]?.releases.find((release) => release.tagName === draft.tagName)?.draft, false);
    const patches = ((await admin('stats', undefined, 'GET')) as { log: Array<{ method: string }> }).log.filter((entry) => entry.method === 'PATCH');
    assert.equal(patches.length, 1, 'published once');
  });
  it('notes edited on GitHub while the confirmation is open: refused, nothing published', async () => {
    await deck.refresh();
    const draft = await releaseOf('catalog-');
    deck.testing?.answerConfirmations(async (request) => {
      if (request.message.startsWith('Publish the GitHub Release')) {
        await editDraft(draft.id, { body: `${draft.body}\n- Slipped in while the dialog was open` });
      }
      return true;
    });
    try {
      await admin('stats/reset');
      await withClockMoving(vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'catalog' }));
    } finally {
      deck.testing?.answerConfirmations(true);
    }
    assert.deepEqual(await ownChanges(), [], 'nothing was published');
    assert.equal((await releaseOf('catalog-')).draft, true);
  });

  it('publish from the release notes panel after the deck took in newer notes: refused, nothing published', async () => {
    await deck.refresh();
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, 'catalog');
    const shown = await waitFor('the release notes of the catalog draft', () => deck.testing?.releaseNotesView('catalog'));
    const draft = await releaseOf('catalog-');
    assert.equal(shown.releaseId, draft.id);
    // A colleague edits the notes; the deck's next refresh takes them in, the open panel still shows the old ones.
    await editDraft(draft.id, { body: `${draft.body}\n- Edited after the panel showed the notes` });
    await deck.refresh();
    await admin('stats/reset');
    const asked = deck.testing?.confirmations().length ?? 0;
    await withClockMoving(deck.testing?.publishFromReleaseNotes('catalog') ?? Promise.resolve());
    assert.equal(deck.testing?.confirmations().length, asked, 'no confirmation was asked for notes the panel did not show');
    assert.deepEqual(await ownChanges(), [], 'nothing was published');
    assert.equal((await releaseOf('catalog-')).draft, true);
  });

  it('a publish whose outcome cannot be told: the app stays guarded until GitHub answers, then is freed', async function () {
    this.timeout(90_000);
    await deck.refresh();
    await releaseOf('catalog-');
    // The first Publish is confirmed; later ones are refused at the confirmation (only whether it is asked counts).
    let confirmed = false;
    deck.testing?.answerConfirmations((request) => {
      const first = request.message.startsWith('Publish the GitHub Release') && !confirmed;
      confirmed ||= first;
      return Promise.resolve(first);
    });
    const publish = (): Thenable<unknown> => vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'catalog' });
    const asked = (): number => deck.testing?.confirmations().length ?? 0;
    try {
      await admin('stats/reset');
      // The publish gets no answer (GitHub did not apply it), and the release cannot be read afterwards.
      await admin('faults', { path: '/releases/\\d+$', method: 'PATCH', kind: 'stall', count: 1 });
      const publishing = publish();
      await waitFor('the publish to be sent', async () => ((await admin('stats', undefined, 'GET')) as { log: Array<{ method: string }> }).log.some((entry) => entry.method === 'PATCH'));
      await admin('faults', { path: '/releases/\\d+$', method: 'GET', kind: 'reset', count: 10_000 });
      assert.equal(await publishing, undefined, 'the outcome is not known');
      const before = asked();
      await publish();
      assert.equal(asked(), before, 'the catalog stays guarded while whether it was published is not known');
      await admin('faults', undefined, 'DELETE');
      await waitFor('the guard to be freed once GitHub answers', async () => {
        await publish();
        return asked() > before;
      }, 40_000);
      assert.equal((await releaseOf('catalog-')).draft, true, 'it was not published');
    } finally {
      deck.testing?.answerConfirmations(true);
    }
  });

  it('a publish answered 502 while the release still reads as a draft: unknown (GitHub may still apply it), so the app stays guarded a while', async function () {
    this.timeout(120_000);
    await deck.refresh();
    await releaseOf('catalog-');
    let confirmed = false;
    deck.testing?.answerConfirmations((request) => {
      const first = request.message.startsWith('Publish the GitHub Release') && !confirmed;
      confirmed ||= first;
      return Promise.resolve(first);
    });
    const publish = (): Thenable<unknown> => vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'catalog' });
    const asked = (): number => deck.testing?.confirmations().length ?? 0;
    try {
      await admin('stats/reset');
      // GitHub's front end answers 502 and the release reads as a draft afterwards: no proof it will not be published.
      await admin('faults', { path: '/releases/\\d+$', method: 'PATCH', kind: 'status', status: 502, count: 1 });
      const startedAt = Date.now();
      assert.equal(await publish(), undefined, 'the outcome is not known');
      const lookedMs = Date.now() - startedAt;
      const before = asked();
      await publish();
      assert.equal(asked(), before, 'the catalog stays guarded: "you can publish it again" was not said');
      assert.ok(lookedMs >= 25_000, 'the release was read again over about 30 s before anything was said');
      await waitFor('the guard to be freed once GitHub has answered again', async () => {
        await publish();
        return asked() > before;
      }, 40_000);
      assert.equal((await releaseOf('catalog-')).draft, true);
    } finally {
      deck.testing?.answerConfirmations(true);
    }
  });

  it('main moved while the confirmation is open: the git tag goes on the commit the confirmation showed', async () => {
    await deck.refresh();
    const draft = await releaseOf('catalog-');
    assert.equal(draft.targetCommitish, 'main');
    const shownHead = (await world()).repos[0]?.commits.at(-1)?.sha ?? '';
    let detail = '';
    deck.testing?.answerConfirmations(async (request) => {
      if (request.message.startsWith('Publish the GitHub Release')) {
        detail = request.detail;
        await admin('push', { message: 'Merged while the dialog was open' });
      }
      return true;
    });
    try {
      await withClockMoving(vscode.commands.executeCommand(COMMANDS.publishRelease, { appId: 'catalog' }));
    } finally {
      deck.testing?.answerConfirmations(true);
    }
    assert.ok(detail.includes(shownHead.slice(0, 12)), detail);
    const after = await world();
    assert.notEqual(after.repos[0]?.commits.at(-1)?.sha, shownHead, 'main moved');
    const tags = (after.repos[0] as unknown as { tags: Array<{ name: string; sha: string }> }).tags;
    assert.equal(tags.find((tag) => tag.name === draft.tagName)?.sha, shownHead, 'the git tag is on the commit the confirmation showed');
  });
});
