import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { describeTag } from '../domain/deployPlan';
import { reviewersWords, reviewOf, runToReview, waitedWords, waitingDeployments } from '../domain/deploymentReview';
import { outcomeWords } from '../domain/runWords';
import type { AppDeck, DeploymentRecord, DeploymentReview, EnvironmentDeck } from '../domain/snapshot';
import { placeLabel } from '../domain/words';
import type { GitHubClient } from '../github/client';
import { listPendingDeployments } from '../github/pendingDeployments';
import { getRun } from '../github/workflows';
import { reviewDeployment } from '../operations/reviewDeployment';
import type { Services, WindowServices } from '../services';
import { registerSectionCommand } from './sectionCommand';
import { showRefusal } from './refusalNotice';
import { errorWords, userLanguage } from '../language';
import { loadedTarget } from './commandTarget';
import { reviewClaim } from './claims';

type Decision = 'approved' | 'rejected';

/**
 * Release Deck: Review Deployment… — approves or rejects a deployment run waiting on its environment's
 * required reviewers: approve or reject, a comment, then a modal naming app, environment and image tag
 * (for production also what runs now), then one `POST …/pending_deployments`. Offered only where the
 * signed-in user may review (`current_user_can_approve`); one review at a time per run.
 */
export function registerReviewDeployment(window: WindowServices): vscode.Disposable {
  return registerSectionCommand(window, COMMANDS.reviewDeployment, async (services, argument) => {
    const read = loadedTarget(services, argument, vscode.l10n.t('Review Deployment'), vscode.l10n.t('The deck has not loaded yet: sign in and wait for it, then review the deployment.'));
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
      void vscode.window.showInformationMessage(chosen.runId !== undefined ? vscode.l10n.t('That deployment run of {0} does not wait for review now: the deck is refreshed to show where it is.', label) : vscode.l10n.t('No deployment of {0} waits for review now.', label));
      void services.store.refresh('a review found nothing waiting');
      return;
    }
    if (!review.canReview) {
      void vscode.window.showInformationMessage(vscode.l10n.t('You may not review the deployment of {0} to {1}: {2} may. Ask one of them, or review it on GitHub if you should be one.', run.imageTag ?? run.title, label, reviewersWords(review)));
      return;
    }
    const claim = services.inFlight.claim(reviewClaim(services, environment, run.runId), { what: vscode.l10n.t('reviewing the deployment of {0}', label), runUrl: run.runUrl });
    if (!claim.ok) {
      void vscode.window.showInformationMessage(vscode.l10n.t('A review of the deployment of {0} is already being sent; wait for it.', label));
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
    void vscode.window.showWarningMessage(client === undefined ? vscode.l10n.t('Sign in to GitHub first.') : vscode.l10n.t('This environment is not deployed through a GitHub Workflow.'));
    return;
  }
  const label = placeLabel(app.app, environment.environment);
  const target = run.imageTag ?? run.title;
  const decision = await pickDecision(label, target);
  if (decision === undefined) {
    return;
  }
  const comment = await services.confirmer.askText({ title: decision === 'approved' ? vscode.l10n.t('Approve the deployment to {0}', label) : vscode.l10n.t('Reject the deployment to {0}', label), prompt: vscode.l10n.t('A comment for the review (optional; GitHub shows it on the run)'), value: '' });
  if (comment === undefined) {
    return;
  }
  // What the deck showed may be old: whether THIS run still waits, and on what, is read again now.
  const fresh = await stillWaiting(client, deploy.repo, run);
  if (fresh.kind !== 'waiting') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was sent: {0} {1} still runs {2}.', fresh.why, label, environment.running?.imageTag ?? vscode.l10n.t('what it ran')));
    void services.store.refresh('a review found the run no longer waiting');
    return;
  }
  const production = environment.environment.production;
  const current = environment.running?.imageTag ?? vscode.l10n.t('unknown');
  const environments = fresh.review.environments.map((one) => one.name).join(', ');
  const confirmed = await services.confirmer.ask({
    message: reviewQuestion(decision, describeTag(target, vscode.l10n), label, production),
    detail: [
      vscode.l10n.t('App: {0}', app.app.label),
      production ? vscode.l10n.t('Environment: {0} (production) — GitHub environment {1}', environment.environment.label, environments) : vscode.l10n.t('Environment: {0} — GitHub environment {1}', environment.environment.label, environments),
      vscode.l10n.t('Image tag: {0}', target),
      ...(production ? [vscode.l10n.t('Runs now: {0}', current), vscode.l10n.t('Target: {0}', target)] : []),
      review.since !== undefined ? vscode.l10n.t('Started by {0}, waiting {1}: {2}', run.actor, waitedWords(review.since), run.title) : vscode.l10n.t('Started by {0}: {1}', run.actor, run.title),
      ...(comment !== '' ? [vscode.l10n.t('Comment: {0}', comment)] : []),
      '',
      decision === 'approved' ? vscode.l10n.t('Approving lets its run deploy now.') : vscode.l10n.t('Rejecting fails its run: nothing is deployed and {0} keeps running {1}.', label, current),
    ].join('\n'),
    confirmLabel: decision === 'approved' ? vscode.l10n.t('Approve and Deploy') : vscode.l10n.t('Reject'),
  });
  if (!confirmed) {
    services.log.info(`The review of the deployment of ${target} to ${label} was not confirmed; nothing was sent.`);
    return;
  }
  const who = services.store.state.credential?.login ?? 'unknown';
  services.log.info(`${who} ${decision} the deployment of ${target} to ${label} (${run.runUrl}) at ${new Date().toISOString()}.`);
  const outcome = await reviewDeployment(client, {
    repo: deploy.repo,
    runId: run.runId,
    runUrl: run.runUrl,
    review: fresh.review,
    state: decision,
    comment,
    what: ({ l10n }) => l10n.t('{0} to {1}', target, label),
    unchanged: ({ l10n }) => l10n.t('{0} still runs {1}.', label, current),
    language: userLanguage(),
    ...(services.store.state.credential?.login !== undefined ? { reviewer: services.store.state.credential.login } : {}),
  });
  // The log keeps English (`message`); the person reads their language (`said`).
  services.log[outcome.kind === 'reviewed' ? 'info' : 'warn'](outcome.message);
  const said = outcome.said ?? outcome.message;
  if (outcome.kind === 'reviewed') {
    void vscode.window.showInformationMessage(said);
  } else {
    showRefusal(services, said, outcome.error);
  }
  await services.store.refresh('a deployment was reviewed');
}

/** Whether the run still waits for a review the user may give, read from GitHub right before the modal. */
async function stillWaiting(client: GitHubClient, repo: string, run: DeploymentRecord): Promise<{ kind: 'waiting'; review: DeploymentReview } | { kind: 'not'; why: string }> {
  try {
    const [current, pending] = await Promise.all([getRun(client, repo, run.runId), listPendingDeployments(client, repo, run.runId)]);
    const review = reviewOf(current, pending);
    if (review === undefined || review.environments.length === 0) {
      return { kind: 'not', why: vscode.l10n.t('The deployment run "{0}" no longer waits for review (it {1}): someone else reviewed it, or it ended.', run.title, outcomeWords(current)) };
    }
    if (!review.canReview) {
      return { kind: 'not', why: vscode.l10n.t('The deployment run "{0}" waits for review, but you may not review it now: {1} may.', run.title, reviewersWords(review)) };
    }
    return { kind: 'waiting', review };
  } catch (error) {
    return { kind: 'not', why: vscode.l10n.t('whether the deployment run "{0}" still waits for review could not be read ({1}).', run.title, errorWords(error)) };
  }
}

async function pickDecision(label: string, target: string): Promise<Decision | undefined> {
  const items: Array<vscode.QuickPickItem & { decision: Decision }> = [
    { label: vscode.l10n.t('$(check) Approve and deploy'), detail: vscode.l10n.t('The run deploys {0} to {1} now.', target, label), decision: 'approved' },
    { label: vscode.l10n.t('$(close) Reject'), detail: vscode.l10n.t('GitHub fails the run; {0} keeps what it runs.', label), decision: 'rejected' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Review the deployment of {0} to {1}', target, label) });
  return picked?.decision;
}

/** Run from the palette: the deployments waiting for the signed-in user's review (of the app given, if one was). */
async function pickWaiting(services: Services, app: AppDeck | undefined): Promise<{ app: AppDeck; environment: EnvironmentDeck; runId?: number } | undefined> {
  const snapshot = services.store.state.snapshot;
  const waiting = (snapshot !== undefined ? waitingDeployments(snapshot, { mine: true }) : []).filter((candidate) => app === undefined || candidate.app.app.id === app.app.id);
  if (waiting.length === 0) {
    void vscode.window.showInformationMessage(app !== undefined ? vscode.l10n.t('No deployment of {0} waits for your review.', app.app.label) : vscode.l10n.t('No deployment waits for your review.'));
    return undefined;
  }
  if (waiting.length === 1) {
    return waiting[0] !== undefined ? { ...waiting[0], runId: waiting[0].deployment.runId } : undefined;
  }
  const picked = await vscode.window.showQuickPick(
    waiting.map((one) => ({ label: placeLabel(one.app.app, one.environment.environment), description: one.deployment.imageTag ?? one.deployment.title, detail: vscode.l10n.t('Started by {0}', one.deployment.actor), one })),
    { title: vscode.l10n.t('Review Deployment: which one?') },
  );
  return picked !== undefined ? { ...picked.one, runId: picked.one.deployment.runId } : undefined;
}

function reviewQuestion(decision: Decision, target: string, label: string, production: boolean): string {
  if (decision === 'approved') {
    return production ? vscode.l10n.t('Approve the deployment of {0} to PRODUCTION: {1}?', target, label) : vscode.l10n.t('Approve the deployment of {0} to {1}?', target, label);
  }
  return production ? vscode.l10n.t('Reject the deployment of {0} to PRODUCTION: {1}?', target, label) : vscode.l10n.t('Reject the deployment of {0} to {1}?', target, label);
}
