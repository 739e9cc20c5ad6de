import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { COMMANDS } from '../../src/commandIds';
import { DEMO_TOKEN, INFRA, admin, colleagueDeploys, find, latestBuild, loadedDeck, simulatorUrl, withClockMoving } from './support';

describe('failed runs: the failure log, cancel and re-run', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
    deck.testing?.answerConfirmations(true);
  });

  after(() => {
    deck.testing?.answerConfirmations(undefined);
  });

  it('failure log: opens the failed step\'s log tail in a read-only tab, and the token never reaches the log host', async () => {
    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-staging-api.yml' });
    const head = await latestBuild('api');
    await colleagueDeploys('deploy-staging-api.yml', { tag: head.sha, run_name: head.title });
    await admin('clock', { advanceSeconds: 60 });
    await deck.refresh();
    const staging = find(deck.describeDeck(), 'API', 'Staging');
    assert.match(staging.contextValue ?? '', /\bfailed\b/);
    assert.match(staging.contextValue ?? '', /\bcanRerun\b/);
    const result = await vscode.commands.executeCommand<{ title?: string; text?: string; problem?: string } | undefined>(COMMANDS.showFailure, { appId: 'api', environmentId: 'staging' });
    assert.equal(result?.problem, undefined);
    assert.match(result?.title ?? '', /· Deploy staging-api · Deploy$/);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'release-deck-log' && candidate.getText() === result?.text);
    assert.ok(document, 'the log tab is open');
    const text = document.getText();
    assert.match(text, /^Run: {2}.+\n {6}https:\/\/github\.com\/WordPress\/openverse-infrastructure\/actions\/runs\/\d+\nJob: {2}Deploy staging-api — failure after \d+ s\nStep: Deploy — failure after \d+ s\n/);
    assert.match(text, /Error: Resource is not in the state servicesStable/);
    assert.match(text, /Error: Process completed with exit code 1\./);
    assert.ok(!text.includes('\u001b'), 'no ANSI codes');
    assert.doesNotMatch(text, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/m);
    const { downloads } = (await admin('job-logs', undefined, 'GET')) as { downloads: Array<{ authorization: boolean }> };
    assert.ok(downloads.length > 0);
    assert.equal(downloads.at(-1)?.authorization, false, 'no Authorization header reached the log host');
  });

  it('re-run: the failed jobs of the failed deployment run again, behind a modal, and the deck follows it', async () => {
    const before = deck.testing?.confirmations().length ?? 0;
    const result = await withClockMoving(vscode.commands.executeCommand<{ kind: string; conclusion?: string } | undefined>(COMMANDS.rerunFailedJobs, { appId: 'api', environmentId: 'staging' }));
    const asked = deck.testing?.confirmations().slice(before)[0];
    assert.match(asked?.message ?? '', /^Re-run the failed jobs of the deployment of [0-9a-f]{40} to API staging\?$/);
    assert.match(asked?.detail ?? '', /^App: API\nEnvironment: Staging\nRun: .+ — ended in failure/);
    assert.match(asked?.detail ?? '', /Image tag: [0-9a-f]{40}/);
    assert.deepEqual(result, { kind: 'finished', conclusion: 'success' });
    const runs = (await admin('world', undefined, 'GET')) as { repos: Array<{ runs: Array<{ id: number; attempt?: number; workflowPath: string }> }> };
    const rerun = runs.repos[1]?.runs.filter((run) => run.workflowPath.endsWith('deploy-staging-api.yml')).sort((a, b) => b.id - a.id)[0];
    assert.equal(rerun?.attempt, 2, 'the same run, its second attempt');
    await deck.refresh();
    assert.doesNotMatch(find(deck.describeDeck(), 'API', 'Staging').contextValue ?? '', /\bfailed\b/);
  });

  it('cancel: a colleague\'s deployment under way is cancelled behind a modal naming app, environment, run and image tag', async () => {
    const head = await latestBuild('frontend');
    const id = await colleagueDeploys('deploy-staging-frontend.yml', { tag: head.sha, run_name: head.title });
    await deck.refresh();
    assert.match(find(deck.describeDeck(), 'Frontend', 'Staging').contextValue ?? '', /\bcanCancel\b/);
    const before = deck.testing?.confirmations().length ?? 0;
    const result = await vscode.commands.executeCommand<{ kind: string; conclusion?: string } | undefined>(COMMANDS.cancelRun, { appId: 'frontend', environmentId: 'staging' });
    const asked = deck.testing?.confirmations().slice(before)[0];
    assert.equal(asked?.message, 'Cancel the deployment run of Frontend staging?');
    assert.match(asked?.detail ?? '', new RegExp(`^App: Frontend\\nEnvironment: Staging\\nRun: .+\\nImage tag: ${head.sha}\\nRun page: https://github\\.com/${INFRA}/actions/runs/${id}`));
    assert.deepEqual(result, { kind: 'cancelled', conclusion: 'cancelled' });
    await deck.refresh();
    assert.doesNotMatch(find(deck.describeDeck(), 'Frontend', 'Staging').contextValue ?? '', /\bcanCancel\b/);
  });

  it('cancel of a run that finished meanwhile: GitHub\'s 409 said clearly, nothing else changes', async () => {
    const head = await latestBuild('frontend');
    await colleagueDeploys('deploy-staging-frontend.yml', { tag: head.sha, run_name: head.title });
    await deck.refresh();
    assert.match(find(deck.describeDeck(), 'Frontend', 'Staging').contextValue ?? '', /\bcanCancel\b/);
    // It ends on GitHub while the deck still shows it under way.
    await admin('clock', { advanceSeconds: 60 });
    const result = await vscode.commands.executeCommand<{ kind: string; problem?: string } | undefined>(COMMANDS.cancelRun, { appId: 'frontend', environmentId: 'staging' });
    assert.equal(result?.kind, 'refused');
    assert.match(result?.problem ?? '', /^GitHub refused to cancel ".+" \(Frontend staging\): the run had already finished, so there was nothing to cancel\. Nothing was changed/);
    await deck.refresh();
    assert.doesNotMatch(find(deck.describeDeck(), 'Frontend', 'Staging').contextValue ?? '', /\bcanCancel\b|\bfailed\b/);
  });
});

type RunResult = { kind: string; conclusion?: string; problem?: string; runUrl?: string } | undefined;

/**
 * Re-run Failed Jobs and Cancel Run against GitHub as it is when they are sent (the deck may be a minute old),
 * and when their answer is lost (applied, then a 502 or a reset; or not applied): what the run shows is said.
 */
describe('re-run and cancel: what GitHub shows when they are sent, and when their answer is lost', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
    deck.testing?.answerConfirmations(true);
  });

  afterEach(async () => {
    await admin('faults', undefined, 'DELETE');
    // Runs started here finish before the next test (the suites share one world).
    await admin('clock', { advanceSeconds: 300 });
    await deck.refresh();
  });

  after(() => {
    deck.testing?.answerConfirmations(undefined);
  });

  /** API staging's last deployment failed, and the deck shows it (Re-run Failed Jobs offered). */
  async function failedApiStaging(): Promise<{ id: number; sha: string; title: string }> {
    const head = await latestBuild('api');
    await admin('fail-next-run', { workflowPath: '.github/workflows/deploy-staging-api.yml' });
    const id = await colleagueDeploys('deploy-staging-api.yml', { tag: head.sha, run_name: head.title });
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
    assert.match(find(deck.describeDeck(), 'API', 'Staging').contextValue ?? '', /\bcanRerun\b/);
    return { id, ...head };
  }

  async function rerunsSent(): Promise<number> {
    const stats = (await admin('stats', undefined, 'GET')) as { log: Array<{ method: string; path: string }> };
    return stats.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/rerun-failed-jobs')).length;
  }

  async function attemptOf(runId: number): Promise<number> {
    const runs = (await admin('world', undefined, 'GET')) as { repos: Array<{ runs: Array<{ id: number; attempt?: number }> }> };
    return runs.repos[1]?.runs.find((run) => run.id === runId)?.attempt ?? 1;
  }

  const rerun = (): Thenable<RunResult> => vscode.commands.executeCommand<RunResult>(COMMANDS.rerunFailedJobs, { appId: 'api', environmentId: 'staging' });

  it('re-run while a colleague\'s deployment runs on GitHub (the deck not refreshed since): refused after the confirmation, nothing sent', async () => {
    const failed = await failedApiStaging();
    await colleagueDeploys('deploy-staging-api.yml', { tag: failed.sha, run_name: failed.title });
    await admin('stats/reset');
    const result = await withClockMoving(rerun());
    assert.equal(result?.kind, 'refused', JSON.stringify(result));
    assert.match(result?.problem ?? '', /^API staging is busy: ".+" is (queued|in progress) on GitHub, started by .+ at .+\. Nothing was sent: wait for that run to finish, then re-run the failed jobs again\.$/);
    assert.equal(await rerunsSent(), 0, 'no re-run was sent: it would have queued behind the colleague\'s deployment');
    assert.equal(await attemptOf(failed.id), 1);
  });

  it('re-run after a newer deployment finished on GitHub: refused (it would deploy the older tag over it), pointing to Roll Back and Deploy', async () => {
    const failed = await failedApiStaging();
    await colleagueDeploys('deploy-staging-api.yml', { tag: failed.sha, run_name: failed.title });
    await admin('clock', { advanceSeconds: 120 });
    await admin('stats/reset');
    const result = await withClockMoving(rerun());
    assert.equal(result?.kind, 'refused', JSON.stringify(result));
    assert.match(result?.problem ?? '', /^A newer deployment run of API staging came after ".+": ".+" \(success, started .+\)\. Nothing was sent: re-running the failed jobs of ".+" would deploy [0-9a-f]{40} over it\. To put [0-9a-f]{40} on API staging again, use Roll Back or Deploy… from the deck/);
    assert.equal(await rerunsSent(), 0);
  });

  it('re-run applied but answered 502: the run, read again, shows its new attempt; followed to its end, never "refused"', async () => {
    const failed = await failedApiStaging();
    await admin('faults', { path: '/rerun-failed-jobs$', method: 'POST', kind: 'applyThen502', count: 1 });
    await admin('stats/reset');
    const result = await withClockMoving(rerun());
    assert.deepEqual(result, { kind: 'finished', conclusion: 'success' });
    assert.equal(await rerunsSent(), 1, 'sent once');
    assert.equal(await attemptOf(failed.id), 2);
  });

  it('re-run answered 502 and not applied: unknown (the run still on its attempt), the environment held until the deck shows the new attempt', async function () {
    this.timeout(120_000);
    const failed = await failedApiStaging();
    await admin('faults', { path: '/rerun-failed-jobs$', method: 'POST', kind: 'status', status: 502, count: 1 });
    const result = await rerun();
    assert.equal(result?.kind, 'unknown', JSON.stringify(result));
    assert.match(result?.problem ?? '', /^GitHub answered 502 \(a server error\) while trying to re-run the failed jobs of ".+" \(API staging\), and whether GitHub re-ran them cannot be told: the run still showed attempt 1 when read at .+, but a lost answer is no refusal: GitHub may still re-run it\. Open the run to check before re-running again/);
    assert.equal(result?.runUrl, `https://github.com/${INFRA}/actions/runs/${failed.id}`);
    const asked = deck.testing?.confirmations().length ?? 0;
    assert.equal(await rerun(), undefined);
    assert.equal(deck.testing?.confirmations().length, asked, 'held: no second re-run is asked for');
    // GitHub applies it late: once the deck shows the new attempt, the deck's own checks take over.
    const late = await fetch(`${simulatorUrl()}/repos/${INFRA}/actions/runs/${failed.id}/rerun-failed-jobs`, { method: 'POST', headers: { authorization: `token ${DEMO_TOKEN}` } });
    assert.equal(late.status, 201);
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
    deck.testing?.answerConfirmations(false);
    try {
      await vscode.commands.executeCommand(COMMANDS.redeploy, { appId: 'api', environmentId: 'staging' });
    } finally {
      deck.testing?.answerConfirmations(true);
    }
    assert.equal(deck.testing?.confirmations().length, asked + 1, 'freed: a redeploy is asked for again');
  });

  it('cancel applied but its connection reset: said cancelled, never "refused"', async () => {
    const head = await latestBuild('frontend');
    await colleagueDeploys('deploy-staging-frontend.yml', { tag: head.sha, run_name: head.title });
    await deck.refresh();
    await admin('faults', { path: '/cancel$', method: 'POST', kind: 'applyThenReset', count: 1 });
    const result = await vscode.commands.executeCommand<RunResult>(COMMANDS.cancelRun, { appId: 'frontend', environmentId: 'staging' });
    assert.deepEqual(result, { kind: 'cancelled', conclusion: 'cancelled' });
  });
});
