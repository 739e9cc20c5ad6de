import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { executeCommand } from '../executeCommand';
import { findEnvironment, type AppDeck, type EnvironmentDeck } from '../domain/snapshot';
import { UNKNOWN_OUTCOME_HOLD_MS, holdUntilShown } from './outcomeHold';
import { dispatchedRunShown, type UnsettledDispatch } from '../domain/dispatchedRun';
import type { DeckState } from '../state/deckStore';
import { describeTag, type DeployTarget } from '../domain/deployPlan';
import { environmentVariableAdvice } from '../domain/environmentVariables';
import type { WorkflowRunFact } from '../domain/facts';
import { shortSha } from '../domain/tags';
import { activeRunInDeck, busyMessage, type BusyAction } from '../domain/busyEnvironment';
import { deployAndFollow, type DeployResult } from '../operations/deploy';
import { previewDeployment, type DeploymentPreview } from '../operations/previewDeployment';
import { buildWords } from '../domain/sameBuild';
import type { Services } from '../services';
import { openLink } from '../ui/links';
import { deploymentReason } from './deploymentReason';
import { deploymentClaim, heldWords } from './claims';
import { offerReview } from './offerReview';
import { userLanguage } from '../language';
import { placeLabel } from '../domain/words';

export type DeploymentKind = 'deploy' | 'redeploy' | 'rollBack';

/** The English verbs, for the log and the reason sent to GitHub (both stay English). */
const BUSY_ACTIONS: Record<DeploymentKind, BusyAction> = { deploy: 'deploy', redeploy: 'redeploy', rollBack: 'roll back' };

const VERBS: Record<DeploymentKind, { question: string; doing: string; done: string }> = {
  deploy: { question: 'Deploy', doing: 'deploying', done: 'deployed' },
  redeploy: { question: 'Redeploy', doing: 'redeploying', done: 'redeployed' },
  rollBack: { question: 'Roll back', doing: 'rolling back', done: 'rolled back' },
};

/** What the person reads, in their language (read when said: the language is fixed for a window). */
function verbWords(kind: DeploymentKind): { button: string; doing: (label: string) => string; doingTo: (label: string, tag: string) => string; question: (label: string, tag: string, production: boolean) => string; what: (label: string, tag: string) => string; done: (label: string, runs: string) => string } {
  switch (kind) {
    case 'deploy':
      return {
        button: vscode.l10n.t('Deploy'),
        doing: (label) => vscode.l10n.t('deploying {0}', label),
        doingTo: (label, tag) => vscode.l10n.t('deploying {0} to {1}', label, tag),
        question: (label, tag, production) => (production ? vscode.l10n.t('Deploy PRODUCTION: {0} to {1}?', label, tag) : vscode.l10n.t('Deploy {0} to {1}?', label, tag)),
        what: (label, tag) => vscode.l10n.t('Deploy {0} to {1}', label, tag),
        done: (label, runs) => vscode.l10n.t('{0} deployed: it now runs {1}.', label, runs),
      };
    case 'redeploy':
      return {
        button: vscode.l10n.t('Redeploy'),
        doing: (label) => vscode.l10n.t('redeploying {0}', label),
        doingTo: (label, tag) => vscode.l10n.t('redeploying {0} to {1}', label, tag),
        question: (label, tag, production) => (production ? vscode.l10n.t('Redeploy PRODUCTION: {0} to {1}?', label, tag) : vscode.l10n.t('Redeploy {0} to {1}?', label, tag)),
        what: (label, tag) => vscode.l10n.t('Redeploy {0} to {1}', label, tag),
        done: (label, runs) => vscode.l10n.t('{0} redeployed: it now runs {1}.', label, runs),
      };
    case 'rollBack':
      return {
        button: vscode.l10n.t('Roll Back'),
        doing: (label) => vscode.l10n.t('rolling back {0}', label),
        doingTo: (label, tag) => vscode.l10n.t('rolling back {0} to {1}', label, tag),
        question: (label, tag, production) => (production ? vscode.l10n.t('Roll back PRODUCTION: {0} to {1}?', label, tag) : vscode.l10n.t('Roll back {0} to {1}?', label, tag)),
        what: (label, tag) => vscode.l10n.t('Roll back {0} to {1}', label, tag),
        done: (label, runs) => vscode.l10n.t('{0} rolled back: it now runs {1}.', label, runs),
      };
  }
}

/**
 * The one path every deployment takes: one at a time per app × environment, what would change,
 * a modal confirmation naming app, environment, current and target tag, then dispatch, follow, verify.
 */
export async function runDeployment(services: Services, kind: DeploymentKind, app: AppDeck, environment: EnvironmentDeck, target: DeployTarget, reasonGiven?: string): Promise<DeployResult | undefined> {
  const key = deploymentClaim(services, app, environment);
  const label = placeLabel(app.app, environment.environment);
  const claim = services.inFlight.claim(key, { what: verbWords(kind).doing(label) });
  if (!claim.ok) {
    const runUrl = claim.running.runUrl;
    services.log.warn(`Refused a second deployment of ${label}: an action on it is already under way${runUrl !== undefined ? ` (${runUrl})` : ''}.`);
    void vscode.window.showWarningMessage(vscode.l10n.t('A deployment of {0} is already under way ({1}); wait for it to finish.', label, heldWords(claim)), ...(runUrl !== undefined ? [vscode.l10n.t('Open Run')] : [])).then((choice) => {
      if (choice !== undefined && runUrl !== undefined) {
        void openLink(runUrl, services.log);
      }
    });
    return undefined;
  }
  let result: DeployResult | undefined;
  try {
    result = await confirmAndDeploy(services, kind, app, environment, target, reasonGiven, (run) => {
      services.inFlight.update(key, { what: verbWords(kind).doingTo(label, target.imageTag), runUrl: run.htmlUrl });
    });
    return result;
  } finally {
    const unknown = result?.unknownOutcome;
    if (unknown !== undefined) {
      // Whether a run started is not known: no other deployment of this environment from this window
      // until the deck shows the run (its busy check takes over then), or for a bounded while.
      services.inFlight.update(key, { what: vscode.l10n.t('checking whether the last dispatch to {0} started a run', label), runUrl: unknown.checkUrl });
      holdDispatch(services, claim.release, { appId: app.app.id, environmentId: environment.environment.id, label }, unknown.dispatch);
    } else {
      claim.release();
    }
  }
}

/**
 * Keeps the claim after a dispatch whose outcome could not be told until a refresh shows its run (outcomeHold.ts),
 * or UNKNOWN_OUTCOME_HOLD_MS at most.
 */
function holdDispatch(services: Services, release: () => void, place: { appId: string; environmentId: string; label: string }, dispatch: UnsettledDispatch): void {
  const shown = (state: DeckState): string | undefined => {
    const found = state.snapshot !== undefined ? findEnvironment(state.snapshot, place.appId, place.environmentId) : undefined;
    const run = found !== undefined ? dispatchedRunShown(found.environment, dispatch) : undefined;
    return run !== undefined ? `The last dispatch to ${place.label} started ${run.runUrl}; the deck follows it from here.` : undefined;
  };
  holdUntilShown(services, release, shown, `No run of the last dispatch to ${place.label} appeared in ${UNKNOWN_OUTCOME_HOLD_MS / 60_000} minutes; ${place.label} is no longer held in this window.`);
}

/** Refuses (says why, returns it) before anything is asked or sent, when the deck shows a run acting on the environment. */
export function refuseBusy(services: Services, label: string, action: BusyAction, environment: EnvironmentDeck): string | undefined {
  const active = activeRunInDeck(environment);
  if (active === undefined) {
    return undefined;
  }
  const message = busyMessage(label, action, active, vscode.l10n, vscode.env.language);
  // The log keeps English.
  services.log.warn(busyMessage(label, action, active));
  void vscode.window.showWarningMessage(message, vscode.l10n.t('Open Run')).then((choice) => {
    if (choice !== undefined) {
      void openLink(active.url, services.log);
    }
  });
  return message;
}

async function confirmAndDeploy(
  services: Services,
  kind: DeploymentKind,
  app: AppDeck,
  environment: EnvironmentDeck,
  target: DeployTarget,
  reasonGiven: string | undefined,
  onRun: (run: WorkflowRunFact) => void,
): Promise<DeployResult | undefined> {
  const profile = services.profiles.profile;
  const client = await services.gitHub.current();
  const webUrl = services.endpoints.webUrl();
  if (profile === undefined || client === undefined || webUrl === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to GitHub first.'));
    return undefined;
  }
  const label = placeLabel(app.app, environment.environment);
  const busy = refuseBusy(services, label, BUSY_ACTIONS[kind], environment);
  if (busy !== undefined) {
    return { stoppedWatching: false, nothingStarted: true, problem: busy };
  }
  const current = environment.running?.imageTag ?? vscode.l10n.t('unknown');

  const preview = previewLines(await previewDeployment(client, profile.monorepo, app, environment, target, userLanguage()));

  const deploy = environment.environment.deploy;
  const asked = deploy.kind === 'workflow' ? await deploymentReason(services, client, deploy, { title: verbWords(kind).what(label, target.imageTag), what: `${VERBS[kind].question} ${label} to ${target.imageTag}` }, reasonGiven, `${VERBS[kind].question} ${target.imageTag} from Release Deck`) : undefined;
  if (deploy.kind === 'workflow' && asked === undefined) {
    return undefined;
  }
  const reason = asked?.reason ?? reasonGiven ?? `${VERBS[kind].question} ${target.imageTag} from Release Deck`;
  const production = environment.environment.production;
  const confirmed = await services.confirmer.ask({
    message: verbWords(kind).question(label, describeTag(target.imageTag, vscode.l10n), production),
    detail: [
      vscode.l10n.t('App: {0}', app.app.label),
      production ? vscode.l10n.t('Environment: {0} (production)', environment.environment.label) : vscode.l10n.t('Environment: {0}', environment.environment.label),
      vscode.l10n.t('Runs now: {0}', current),
      target.gitTag !== undefined ? vscode.l10n.t('Target: {0} (GitHub Release {1})', target.imageTag, target.gitTag) : vscode.l10n.t('Target: {0}', target.imageTag),
      deploy.kind === 'workflow' ? vscode.l10n.t('How: {0} in {1}', deploy.workflow, deploy.repo) : vscode.l10n.t('How: manual'),
      ...(asked !== undefined ? [asked.line] : []),
      '',
      ...preview,
    ].join('\n'),
    confirmLabel: verbWords(kind).button,
  });
  if (!confirmed) {
    services.log.info(`${VERBS[kind].question} ${label} to ${target.imageTag} was not confirmed; nothing was sent.`);
    return undefined;
  }

  const who = services.store.state.credential?.login ?? 'unknown';
  services.log.info(`${who} ${VERBS[kind].doing} ${label}: ${current} → ${target.imageTag} (${reason}) at ${new Date().toISOString()}.`);
  const watching = services.store.watchClosely();
  // What the progress notification said, in order (returned with the result, for automation and tests).
  const said: string[] = [];
  let result: DeployResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Release Deck · {0}', label), cancellable: true }, (progress, token) =>
      deployAndFollow(
        client,
        {
          app,
          environment,
          target,
          reason,
          ...(asked !== undefined ? { reasonInput: asked.key ?? false } : {}),
          webUrl,
          monorepo: profile.monorepo,
          language: userLanguage(),
          profilePath: `apps[${String(profile.apps.findIndex((candidate) => candidate.id === app.app.id))}].environments[${String(app.environments.indexOf(environment))}]`,
          ...(environment.environment.deployedOnPublish && profile.releaseWorkflow !== undefined ? { releaseWorkflow: { repo: profile.monorepo, workflow: profile.releaseWorkflow } } : {}),
        },
        (step) => {
          progress.report({ message: step });
          said.push(step);
          void services.store.refresh('a deployment moved on');
        },
        onRun,
        { isStopped: () => token.isCancellationRequested, onReview: offerReview(services, { appId: app.app.id, environmentId: environment.environment.id, label }) },
      ),
    );
  } finally {
    watching.dispose();
    void services.store.refresh('a deployment ended');
  }

  const outcome = result.problem ?? (result.stoppedWatching ? vscode.l10n.t('Stopped watching; the deployment of {0} to {1} goes on (see the deck).', target.imageTag, label) : verbWords(kind).done(label, result.build !== undefined ? buildWords(target.imageTag, result.build, vscode.l10n) : target.imageTag));
  // The log stays English whatever the person's language.
  const logged = result.problem !== undefined
    ? (result.englishProblem ?? result.problem)
    : result.stoppedWatching
      ? `Stopped watching; the deployment of ${target.imageTag} to ${label} goes on (see the deck).`
      : `${label} ${VERBS[kind].done}: it now runs ${result.build !== undefined ? buildWords(target.imageTag, result.build) : target.imageTag}.`;
  services.log[result.problem !== undefined ? 'error' : 'info'](`${who} ${VERBS[kind].doing} ${label} to ${target.imageTag}: ${logged}${result.run !== undefined ? ` Run: ${result.run.htmlUrl}` : ''}`);
  const buttons: Array<{ label: string; url: string }> = [];
  if (result.run !== undefined) {
    buttons.push({ label: vscode.l10n.t('Open Run'), url: result.run.htmlUrl });
  }
  if (result.unknownOutcome !== undefined) {
    buttons.push({ label: vscode.l10n.t('Open Workflow Runs'), url: result.unknownOutcome.checkUrl });
  }
  if (result.problem !== undefined && !result.nothingStarted) {
    for (const link of environment.environment.consoleLinks) {
      buttons.push({ label: vscode.l10n.t('Open {0}', link.label), url: link.url });
    }
  }
  // A run that failed can be diagnosed in the editor (its failed step's log tail).
  const failedRun = result.run?.status === 'completed' && result.run.conclusion !== 'success' ? result.run : undefined;
  const show = result.problem !== undefined ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
  const showFailure = vscode.l10n.t('Show Failure…');
  void show(outcome, ...(failedRun !== undefined ? [showFailure] : []), ...buttons.map((button) => button.label)).then((choice) => {
    if (choice === showFailure && failedRun !== undefined) {
      void executeCommand(COMMANDS.showFailure, { appId: app.app.id, environmentId: environment.environment.id, runId: failedRun.id });
      return;
    }
    const button = buttons.find((candidate) => candidate.label === choice);
    if (button !== undefined) {
      void openLink(button.url, services.log);
    }
  });
  return { ...result, progress: said };
}

/** The confirmation's lines on what changes: commits added or taken away, and variables to set first. */
function previewLines(preview: DeploymentPreview): string[] {
  const { code } = preview;
  const codeLines = code.kind === 'same'
    ? [vscode.l10n.t('The same commit runs there now: nothing changes in the code.')]
    : code.kind === 'unknown'
      ? [vscode.l10n.t('The commits between them cannot be listed (one of the two commits is unknown).')]
      : code.kind === 'unlisted'
        ? [vscode.l10n.t('The commits between them could not be listed: {0}', code.why)]
        : [
            code.direction === 'added' ? vscode.l10n.t('Code: commits added — {0}', code.note) : vscode.l10n.t('Code: commits taken away — {0}', code.note),
            ...code.commits.slice(0, 8).map((commit) => `  ${shortSha(commit.sha)} ${commit.title}`),
            ...(code.commits.length > 8 ? [vscode.l10n.t('  … and {0} more: {1}', code.commits.length - 8, code.compareUrl)] : []),
          ];
  const advice = environmentVariableAdvice(preview.environmentVariables, vscode.l10n.t('before this deployment'), vscode.l10n);
  const variableLines = advice.length > 0 ? ['', vscode.l10n.t('⚠ Environment variables:'), ...advice.map((line) => `  ${line}`)] : [];
  return [...codeLines, ...variableLines];
}
