import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { describeTag } from '../domain/deployPlan';
import { reviewersWords, reviewOf, runToReview, waitedWords, waitingDeployments } from '../domain/deploymentReview';
import { outcomeWords } from '../domain/runWords';
import type { AppDeck, DeploymentRecord, DeploymentReview, EnvironmentDeck } from '../domain/snapshot';
import { placeLabel } from '../domain/words';
import type { GitHubClient } from '../github/client';
import { describeError } from '../github/errors';
import { listPendingDeployments } from '../github/pendingDeployments';
import { getRun } from '../github/workflows';
import { reviewKey } from '../operations/inFlight';
import { reviewDeployment } from '../operations/reviewDeployment';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { showRefusal } from './refusalNotice';
import { loadedTarget } from './commandTarget';

type Decision = 'approved' | 'rejected';

/**
 * Release Deck: Review Deployment… — approves or rejects a deployment run waiting on its environment's
 * required reviewers: approve or reject, a comment, then a modal naming app, environment and image tag
 * (for production also what runs now), then one `POST …/pending_deployments`. Offered only where the
 * signed-in user may review (`current_user_can_approve`); one review at a time per run.
 */
export function registerReviewDeployment(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.reviewDeployment, async (services, argument) => {
    const read = loadedTarget(services, argument, 'Review Deployment', 'The deck has not loaded yet: sign in and wait for it, then review the deployment.');
    if (read === undefined) {
      return;
    }
    const chosen = read.target?.environment !== undefined ? { app: read.target.app, environment: read.target.environment, runId: read.target.deployment?.runId ?? read.target.reference.runId } : await pickWaiting(services, read.target?.app);
    if (chosen === undefined) {
      return;
    }
    const { app, environment } = chosen;
    const label = placeLabel(app.app, environment.environment);
    // The run clicked (a deck or Needs You node names it), else the environment's waiting run.
    const run = runToReview(environment, chosen.runId);
    const review = run?.review;
    if (run === undefined || review === undefined) {
      void vscode.window.showInformationMessage(chosen.runId !== undefined ? `That deployment run of ${label} does not wait for review now: the deck is refreshed to show where it is.` : `No deployment of ${label} waits for review now.`);
      void services.store.refresh('a review found nothing waiting');
      return;
    }
    if (!review.canReview) {
      void vscode.window.showInformationMessage(`You may not review the deployment of ${run.imageTag ?? run.title} to ${label}: ${reviewersWords(review)} may. Ask one of them, or review it on GitHub if you should be one.`);
      return;
    }
    const claim = services.inFlight.claim(reviewKey(run.runId), { what: `reviewing the deployment of ${label}`, runUrl: run.runUrl });
    if (!claim.ok) {
      void vscode.window.showInformationMessage(`A review of the deployment of ${label} is already being sent; wait for it.`);
      return;
    }
    try {
      await sendReview(services, app, environment, run);
    } finally {
      claim.release();
    }
  });
}

async function sendReview(services: Services, app: AppDeck, environment: EnvironmentDeck, run: DeploymentRecord): Promise<void> {
  const review = run.review;
  const client = await services.gitHub.current();
  const deploy = environment.environment.deploy;
  if (review === undefined || client === undefined || deploy.kind !== 'workflow') {
    void vscode.window.showWarningMessage(client === undefined ? 'Sign in to GitHub first.' : 'This environment is not deployed through a GitHub Workflow.');
    return;
  }
  const label = placeLabel(app.app, environment.environment);
  const target = run.imageTag ?? run.title;
  const decision = await pickDecision(label, target);
  if (decision === undefined) {
    return;
  }
  const comment = await services.confirmer.askText({ title: `${decision === 'approved' ? 'Approve' : 'Reject'} the deployment to ${label}`, prompt: 'A comment for the review (optional; GitHub shows it on the run)', value: '' });
  if (comment === undefined) {
    return;
  }
  // What the deck showed may be old: whether THIS run still waits, and on what, is read again now.
  const fresh = await stillWaiting(client, deploy.repo, run);
  if (fresh.kind !== 'waiting') {
    void vscode.window.showWarningMessage(`Nothing was sent: ${fresh.why} ${label} still runs ${environment.running?.imageTag ?? 'what it ran'}.`);
    void services.store.refresh('a review found the run no longer waiting');
    return;
  }
  const production = environment.environment.production;
  const current = environment.running?.imageTag ?? 'unknown';
  const environments = fresh.review.environments.map((one) => one.name).join(', ');
  const confirmed = await services.confirmer.ask({
    message: `${decision === 'approved' ? 'Approve' : 'Reject'} the deployment of ${describeTag(target)} to ${production ? 'PRODUCTION: ' : ''}${label}?`,
    detail: [
      `App: ${app.app.label}`,
      `Environment: ${environment.environment.label}${production ? ' (production)' : ''} — GitHub environment ${environments}`,
      `Image tag: ${target}`,
      ...(production ? [`Runs now: ${current}`, `Target: ${target}`] : []),
      `Started by ${run.actor}${review.since !== undefined ? `, waiting ${waitedWords(review.since)}` : ''}: ${run.title}`,
      ...(comment !== '' ? [`Comment: ${comment}`] : []),
      '',
      decision === 'approved' ? 'Approving lets its run deploy now.' : `Rejecting fails its run: nothing is deployed and ${label} keeps running ${current}.`,
    ].join('\n'),
    confirmLabel: decision === 'approved' ? 'Approve and Deploy' : 'Reject',
  });
  if (!confirmed) {
    services.log.info(`The review of the deployment of ${target} to ${label} was not confirmed; nothing was sent.`);
    return;
  }
  const who = services.store.state.credential?.login ?? 'unknown';
  services.log.info(`${who} ${decision} the deployment of ${target} to ${label} (${run.runUrl}) at ${new Date().toISOString()}.`);
  const outcome = await reviewDeployment(client, { repo: deploy.repo, runId: run.runId, runUrl: run.runUrl, review: fresh.review, state: decision, comment, what: `${target} to ${label}`, unchanged: `${label} still runs ${current}.` });
  services.log[outcome.kind === 'reviewed' ? 'info' : 'warn'](outcome.message);
  if (outcome.kind === 'reviewed') {
    void vscode.window.showInformationMessage(outcome.message);
  } else {
    showRefusal(services, outcome.message, outcome.error);
  }
  await services.store.refresh('a deployment was reviewed');
}

/** Whether the run still waits for a review the user may give, read from GitHub right before the modal. */
async function stillWaiting(client: GitHubClient, repo: string, run: DeploymentRecord): Promise<{ kind: 'waiting'; review: DeploymentReview } | { kind: 'not'; why: string }> {
  const what = `The deployment run "${run.title}"`;
  try {
    const [current, pending] = await Promise.all([getRun(client, repo, run.runId), listPendingDeployments(client, repo, run.runId)]);
    const review = reviewOf(current, pending);
    if (review === undefined || review.environments.length === 0) {
      return { kind: 'not', why: `${what} no longer waits for review (it ${outcomeWords(current)}): someone else reviewed it, or it ended.` };
    }
    if (!review.canReview) {
      return { kind: 'not', why: `${what} waits for review, but you may not review it now: ${reviewersWords(review)} may.` };
    }
    return { kind: 'waiting', review };
  } catch (error) {
    return { kind: 'not', why: `whether ${what} still waits for review could not be read (${describeError(error)}).` };
  }
}

async function pickDecision(label: string, target: string): Promise<Decision | undefined> {
  const items: Array<vscode.QuickPickItem & { decision: Decision }> = [
    { label: '$(check) Approve and deploy', detail: `The run deploys ${target} to ${label} now.`, decision: 'approved' },
    { label: '$(close) Reject', detail: `GitHub fails the run; ${label} keeps what it runs.`, decision: 'rejected' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Review the deployment of ${target} to ${label}` });
  return picked?.decision;
}

/** Run from the palette: the deployments waiting for the signed-in user's review (of the app given, if one was). */
async function pickWaiting(services: Services, app: AppDeck | undefined): Promise<{ app: AppDeck; environment: EnvironmentDeck; runId?: number } | undefined> {
  const snapshot = services.store.state.snapshot;
  const waiting = (snapshot !== undefined ? waitingDeployments(snapshot, { mine: true }) : []).filter((candidate) => app === undefined || candidate.app.app.id === app.app.id);
  if (waiting.length === 0) {
    void vscode.window.showInformationMessage(app !== undefined ? `No deployment of ${app.app.label} waits for your review.` : 'No deployment waits for your review.');
    return undefined;
  }
  if (waiting.length === 1) {
    return waiting[0] !== undefined ? { ...waiting[0], runId: waiting[0].deployment.runId } : undefined;
  }
  const picked = await vscode.window.showQuickPick(
    waiting.map((one) => ({ label: placeLabel(one.app.app, one.environment.environment), description: one.deployment.imageTag ?? one.deployment.title, detail: `Started by ${one.deployment.actor}`, one })),
    { title: 'Review Deployment: which one?' },
  );
  return picked !== undefined ? { ...picked.one, runId: picked.one.deployment.runId } : undefined;
}
