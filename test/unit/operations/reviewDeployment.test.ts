import { strict as assert } from 'node:assert';
import { clockTime } from '../../../src/domain/words';
import { reviewOf } from '../../../src/domain/deploymentReview';
import { GitHubClient } from '../../../src/github/client';
import { gitHubErrorFor } from '../../../src/github/errors';
import { listPendingDeployments } from '../../../src/github/pendingDeployments';
import { getRun } from '../../../src/github/workflows';
import { refusal, reviewDeployment, type ReviewRequest } from '../../../src/operations/reviewDeployment';
import { DEMO_LOGIN, INFRA, NO_WORKFLOW_SCOPE_TOKEN } from '../../simulator/openverseWorld';
import { addFault, startHarness, type Harness } from '../github/helpers';
import { GERMAN } from '../l10n/german';

/** Reviewing a deployment waiting on required reviewers, against the simulator: each answer said in terms of the deployment. */
describe('reviewing a waiting deployment', () => {
  let harness: Harness;
  const admin = async (path: string, body: unknown): Promise<{ id: number }> => (await (await fetch(`${harness.simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: number };

  /** A colleague's deployment of API production waiting for the demo user's review. */
  async function waiting(state: 'approved' | 'rejected' = 'approved', waitTimer = 0): Promise<ReviewRequest> {
    await admin('protect-environment', { repo: INFRA, environment: 'production', reviewers: [{ type: 'User', login: DEMO_LOGIN }], waitTimer });
    const { id } = await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-api.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    harness.simulator.advance(4);
    const review = reviewOf({ status: 'waiting' }, await listPendingDeployments(harness.client, INFRA, id));
    assert.ok(review);
    return { repo: INFRA, runId: id, runUrl: `https://github.com/${INFRA}/actions/runs/${id}`, review, state, comment: 'ok', what: 'rel-2026.10.15.09.30.00 to API production', unchanged: 'API production still runs rel-2026.11.02.14.05.33.' };
  }

  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('approves: the run deploys; rejects: the run fails (review)', async () => {
    const approval = await waiting();
    assert.deepEqual(await reviewDeployment(harness.client, approval), { kind: 'reviewed', message: 'Approved: the deployment of rel-2026.10.15.09.30.00 to API production starts now.' });
    harness.simulator.advance(60);
    assert.equal((await getRun(harness.client, INFRA, approval.runId)).conclusion, 'success');
    const rejection = await waiting('rejected');
    const outcome = await reviewDeployment(harness.client, rejection);
    assert.equal(outcome.kind, 'reviewed');
    assert.match(outcome.message, /^Rejected: .* will not run \(GitHub fails its run\)\. API production still runs/);
    assert.equal((await getRun(harness.client, INFRA, rejection.runId)).conclusion, 'failure');
  });

  it('someone else reviewed first (422): says it no longer waits, nothing changed (review)', async () => {
    const request = await waiting();
    await reviewDeployment(harness.client, request);
    const again = await reviewDeployment(harness.client, request);
    assert.equal(again.kind, 'refused');
    assert.match(again.message, /no longer waits for review: someone else reviewed it, or its run ended\. Nothing was changed by you/);
  });

  it('a user who is not a reviewer (403) is told who may review (review)', async () => {
    const request = await waiting();
    const other = await GitHubClient.create({ apiUrl: harness.simulator.url, token: NO_WORKFLOW_SCOPE_TOKEN, maxRetries: 0, timeoutMs: 2000 });
    const outcome = await reviewDeployment(other, request);
    assert.equal(outcome.kind, 'refused');
    assert.match(outcome.message, /you are not one of its reviewers \(octo-maintainer may review it\)\. Nothing was changed\. API production still runs/);
  });

  it('a 403 for SAML SSO or a rate limit is not "not one of its reviewers" (review)', async () => {
    const request = await waiting();
    const sso = refusal(request, 'approve', gitHubErrorFor('ssoRequired', { action: 'review' }, { status: 403, sso: { url: 'https://github.com/orgs/WordPress/sso?authorization_request=A1', organization: 'WordPress' } }));
    assert.match(sso, /the organisation WordPress enforces SAML single sign-on .*authorize it for SSO/);
    assert.doesNotMatch(sso, /not one of its reviewers/);
    const limit = refusal(request, 'approve', gitHubErrorFor('rateLimited', { action: 'review' }, { status: 403, retryAt: new Date('2026-11-27T01:30:00Z') }));
    assert.ok(limit.includes(`rate limit was reached: it lifts at ${clockTime(new Date('2026-11-27T01:30:00Z'))}`), limit);
    assert.doesNotMatch(limit, /not one of its reviewers/);
  });

  it('a deleted run (404) is said as such (review)', async () => {
    const request = await waiting();
    await admin('delete-run', { repo: INFRA, runId: request.runId });
    const outcome = await reviewDeployment(harness.client, request);
    assert.equal(outcome.kind, 'refused');
    assert.match(outcome.message, /no longer exists on GitHub \(it was deleted\)\. Nothing was reviewed/);
  });

  it('a lost answer is settled by reading the run before saying anything (review)', async () => {
    const request = await waiting();
    await addFault(harness.simulator, { path: '/pending_deployments$', method: 'POST', kind: 'applyThen502', count: 1 });
    const outcome = await reviewDeployment(harness.client, request);
    assert.equal(outcome.kind, 'reviewed');
    assert.match(outcome.message, /^GitHub answered 502 \(a server error\), but the deployment of .* no longer waits for review: its run is in progress/);
  });

  it('a lost approval while a wait timer runs is read from the review history: recorded, not "not recorded" (review)', async () => {
    // With a wait timer an approved job goes on waiting until the timer ends: the run's status cannot tell.
    const request = await waiting('approved', 30);
    await addFault(harness.simulator, { path: '/pending_deployments$', method: 'POST', kind: 'applyThen502', count: 1 });
    const outcome = await reviewDeployment(harness.client, { ...request, reviewer: DEMO_LOGIN, language: GERMAN });
    assert.equal((await getRun(harness.client, INFRA, request.runId)).status, 'waiting');
    assert.equal(outcome.kind, 'reviewed');
    assert.match(outcome.said ?? '', /, aber der Prüfverlauf der Ausführung auf GitHub verzeichnet Ihre Genehmigung der Bereitstellung von .*: Die Ausführung ist wartend \(ein Wartetimer kann sie noch aufhalten\)/);
    assert.match(outcome.message, /^GitHub answered 502 \(a server error\), but GitHub's review history of the run records your approval of the deployment of rel-2026\.10\.15\.09\.30\.00 to API production: its run is waiting \(a wait timer may still hold it\) \(https:/);
    assert.doesNotMatch(outcome.message, /not recorded|review it again/);
  });

  it('a lost approval that GitHub did not apply, under a wait timer, is "not recorded": nothing new in the review history (review)', async () => {
    const request = await waiting('approved', 30);
    await addFault(harness.simulator, { path: '/pending_deployments$', method: 'POST', kind: 'status', status: 502, count: 1 });
    const outcome = await reviewDeployment(harness.client, { ...request, reviewer: DEMO_LOGIN });
    assert.equal(outcome.kind, 'refused');
    assert.match(outcome.message, /still waits for review: the review was not recorded\. You can review it again\./);
  });

  it('a lost approval under a wait timer whose review history could not be read first: unknown, with the run to check, never "not recorded" (review)', async () => {
    const request = await waiting('approved', 30);
    // The history read before sending fails (every retry); the one after the lost answer shows an approval like it.
    await addFault(harness.simulator, { path: '/approvals$', method: 'GET', kind: 'status', status: 500, count: 3 });
    await addFault(harness.simulator, { path: '/pending_deployments$', method: 'POST', kind: 'applyThen502', count: 1 });
    const outcome = await reviewDeployment(harness.client, { ...request, reviewer: DEMO_LOGIN });
    assert.equal(outcome.kind, 'unknown');
    assert.match(outcome.message, /the run or its review history could not be read \(.*\): whether the review was recorded is not known\. Check the run before reviewing again: https:/);
  });

  it('a review given before, with the same words, is not taken for the one whose answer was lost (review)', async () => {
    const request = { ...(await waiting('approved', 30)), reviewer: DEMO_LOGIN };
    assert.equal((await reviewDeployment(harness.client, request)).kind, 'reviewed');
    // The wait timer still holds the run: GitHub still lists the environment as pending, and takes a second review.
    await addFault(harness.simulator, { path: '/pending_deployments$', method: 'POST', kind: 'status', status: 502, count: 1 });
    const again = await reviewDeployment(harness.client, request);
    assert.notEqual(again.kind, 'reviewed');
    assert.doesNotMatch(again.message, /records your approval/);
  });

  /** A waiting deployment's review whose words are said in German. */
  const inGerman = async (): Promise<ReviewRequest> => ({
    ...(await waiting()),
    what: ({ l10n }) => l10n.t('{0} to {1}', 'rel-2026.10.15.09.30.00', 'API production'),
    unchanged: ({ l10n }) => l10n.t('{0} still runs {1}.', 'API production', 'rel-2026.11.02.14.05.33'),
    language: GERMAN,
  });

  it('says the outcome in the reviewer\'s language (German), and keeps English for the log (review)', async () => {
    const request = await inGerman();
    const other = await GitHubClient.create({ apiUrl: harness.simulator.url, token: NO_WORKFLOW_SCOPE_TOKEN, maxRetries: 0, timeoutMs: 2000 });
    const refused = await reviewDeployment(other, { ...request, state: 'rejected' });
    assert.equal(refused.said, 'GitHub hat es abgelehnt, die Bereitstellung von rel-2026.10.15.09.30.00 auf API production abzulehnen: Sie gehören nicht zu ihren Prüfern (octo-maintainer darf sie prüfen). Nichts wurde geändert. Auf API production läuft weiterhin rel-2026.11.02.14.05.33.');
    assert.match(refused.message, /^GitHub refused to reject the deployment of rel-2026\.10\.15\.09\.30\.00 to API production: you are not one of its reviewers/);

    const approval = await reviewDeployment(harness.client, request);
    assert.deepEqual(approval, { kind: 'reviewed', message: 'Approved: the deployment of rel-2026.10.15.09.30.00 to API production starts now.', said: 'Genehmigt: Die Bereitstellung von rel-2026.10.15.09.30.00 auf API production startet jetzt.' });
  });

  it('settles a lost answer in the reviewer\'s language (German) (review)', async () => {
    const request = await inGerman();
    await addFault(harness.simulator, { path: '/pending_deployments$', method: 'POST', kind: 'applyThen502', count: 1 });
    const settled = await reviewDeployment(harness.client, request);
    assert.equal(settled.kind, 'reviewed');
    assert.match(settled.said ?? '', /^GitHub antwortete .*, aber die Bereitstellung von rel-2026\.10\.15\.09\.30\.00 auf API production wartet nicht mehr auf Prüfung: ihre Ausführung ist in Arbeit \(https:/);
  });
});
