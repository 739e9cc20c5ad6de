import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { COMMANDS } from '../../src/commandIds';
import { admin, find, loadedDeck, waitFor, withClockMoving, world } from './support';

const INFRA = 'WordPress/openverse-infrastructure';
const WORKFLOW = '.github/workflows/deploy-production-api.yml';

/** API production's deployment job references the environment "production", reviewed by these people. */
async function protectProduction(reviewers: string[]): Promise<void> {
  await admin('protect-environment', { repo: INFRA, environment: 'production', workflowPath: WORKFLOW, reviewers: reviewers.map((login) => ({ type: 'User', login })) });
}

/** A colleague deploys API production ("Run workflow" on GitHub); the run waits for review once queued. */
async function colleagueDeploys(tag: string): Promise<number> {
  const started = (await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag } })) as { id: number };
  await admin('clock', { advanceSeconds: 5 });
  return started.id;
}

/** Runs Review Deployment… on API production `times` at once (a double click), answering its approve/reject pick with `decision`. */
async function review(decision: 'approved' | 'rejected', times = 1): Promise<void> {
  const window = vscode.window as { showQuickPick: unknown };
  const original = window.showQuickPick;
  window.showQuickPick = async (items: ReadonlyArray<{ decision?: string }> | Thenable<ReadonlyArray<{ decision?: string }>>) => (await items).find((item) => item.decision === decision);
  try {
    await Promise.all(Array.from({ length: times }, () => vscode.commands.executeCommand(COMMANDS.reviewDeployment, { appId: 'api', environmentId: 'production' })));
  } finally {
    window.showQuickPick = original;
  }
}

async function reviewsPosted(): Promise<number> {
  const stats = (await admin('stats', undefined, 'GET')) as { log: Array<{ method: string; path: string }> };
  return stats.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/pending_deployments')).length;
}

describe('reviewing deployments that wait on required reviewers (review)', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
    deck.testing?.answerConfirmations(true);
  });

  after(async () => {
    deck.testing?.answerConfirmations(undefined);
    await protectProduction([]);
    await deck.refresh();
  });

  it('review: a colleague\'s deployment waiting on someone else shows "waiting for review by" whom, and is not offered for review', async () => {
    await protectProduction(['release-lead']);
    const runId = await colleagueDeploys('rel-2026.10.15.09.30.00');
    await deck.refresh();
    const production = find(deck.describeDeck(), 'API', 'Production');
    // The state first (a narrow side bar cuts the end), then what runs now.
    assert.match(production.description ?? '', /^rel-2026\.10\.15\.09\.30\.00 waiting for review by release-lead \((for \d+ \w+|since just now)\) · rel-\S+$/);
    assert.doesNotMatch(production.description ?? '', /queued/);
    assert.equal(production.icon, 'eye');
    assert.match(production.contextValue ?? '', /\bawaitingReview\b/);
    assert.doesNotMatch(production.contextValue ?? '', /\bcanReview\b/);
    const asked = deck.testing?.confirmations().length ?? 0;
    await review('approved');
    assert.equal(deck.testing?.confirmations().length, asked, 'nothing asked: the user may not review it');
    await admin('delete-run', { repo: INFRA, runId });
  });

  it('review: rejects a colleague\'s deployment through a modal naming app, environment and image tag; the run fails, production unchanged', async () => {
    await protectProduction(['octo-maintainer']);
    const before = (await world()).environments.find((environment) => environment.app === 'api' && environment.environment === 'production')?.release;
    await colleagueDeploys('rel-2026.10.15.09.30.00');
    await deck.refresh();
    assert.match(find(deck.describeDeck(), 'API', 'Production').contextValue ?? '', /\bcanReview\b/);
    const asked = deck.testing?.confirmations().length ?? 0;
    await review('rejected');
    const confirmation = deck.testing?.confirmations().slice(asked)[0];
    assert.equal(confirmation?.message, 'Reject the deployment of rel-2026.10.15.09.30.00 to PRODUCTION: API production?');
    assert.match(confirmation?.detail ?? '', /^App: API\nEnvironment: Production \(production\) — GitHub environment production\nImage tag: rel-2026\.10\.15\.09\.30\.00\nRuns now: rel-[\d.]+\nTarget: rel-2026\.10\.15\.09\.30\.00\nStarted by colleague/);
    // What runs now (earlier suites may have published) is what keeps running.
    assert.match(confirmation?.detail ?? '', /\nRuns now: (rel-[\d.]+)\n[\s\S]*Rejecting fails its run: nothing is deployed and API production keeps running \1\.$/);
    const production = find(deck.describeDeck(), 'API', 'Production');
    assert.match(production.description ?? '', /last deployment failed/);
    assert.equal((await world()).environments.find((environment) => environment.app === 'api' && environment.environment === 'production')?.release, before);
  });

  it('wait timer: a colleague\'s deployment held only by the environment\'s wait timer says until when, offers no review and is not in Needs You', async () => {
    await admin('protect-environment', { repo: INFRA, environment: 'production', workflowPath: WORKFLOW, reviewers: [], waitTimer: 10 });
    const runId = await colleagueDeploys('rel-2026.10.15.09.30.00');
    await deck.refresh();
    const production = find(deck.describeDeck(), 'API', 'Production');
    assert.match(production.description ?? '', /^rel-2026\.10\.15\.09\.30\.00 waiting 10 min \(wait timer, until \d\d:\d\d\) · rel-\S+$/);
    assert.doesNotMatch(production.contextValue ?? '', /\bcanReview\b/);
    const shown = deck.testing?.needsYou();
    assert.ok(shown);
    assert.ok(!shown.items.some((item) => /^Review the deployment of rel-2026\.10\.15\.09\.30\.00/.test(item.label)), shown.items.map((item) => item.label).join(', '));
    // Gone, and the deck told: a deck still showing it waiting would refuse the next deployment (busy).
    await admin('delete-run', { repo: INFRA, runId });
    await deck.refresh();
  });

  it('review: a deploy that waits for review says so, keeps following, and is approved from the deck once however often it is clicked', async () => {
    await protectProduction(['octo-maintainer']);
    const posted = await reviewsPosted();
    const deploying = withClockMoving(vscode.commands.executeCommand<{ problem?: string; progress?: string[] } | undefined>(COMMANDS.deploy, { appId: 'api', environmentId: 'production', imageTag: 'rel-2026.10.15.09.30.00', reason: 'integration test (review)' }));
    await waitFor('the deck to offer the review', () => (/\bcanReview\b/.test(find(deck.describeDeck(), 'API', 'Production').contextValue ?? '') ? true : undefined), 60_000);
    await review('approved', 2);
    const result = await deploying;
    assert.equal(result?.problem, undefined, result?.problem);
    assert.ok(result?.progress?.some((step) => /^Deploying rel-2026\.10\.15\.09\.30\.00 to API production: waiting for review by octo-maintainer \((for \d+ \w+|since just now)\)$/.test(step)), result?.progress?.join('\n'));
    assert.equal(await reviewsPosted(), posted + 1, 'one review sent for two clicks');
    await deck.refresh();
    const production = find(deck.describeDeck(), 'API', 'Production');
    assert.match(production.description ?? '', /(?:^|· )rel-2026\.10\.15\.09\.30\.00\b/);
    assert.doesNotMatch(production.contextValue ?? '', /\bawaitingReview\b/);
  });
});
