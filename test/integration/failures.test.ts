import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { COMMANDS } from '../../src/commandIds';
import { INFRA, admin, colleagueDeploys, find, latestBuild, loadedDeck, withClockMoving } from './support';

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
