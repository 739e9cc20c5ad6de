import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { executeCommand } from '../executeCommand';
import { findEnvironment, type AppDeck, type DeploymentRecord, type EnvironmentDeck } from '../domain/snapshot';
import { dispatchedRunShown, type UnsettledDispatch } from '../domain/dispatchedRun';
import type { DeckState } from '../state/deckStore';
import { describeTag, type DeployTarget } from '../domain/deployPlan';
import { environmentVariableAdvice } from '../domain/environmentVariables';
import type { WorkflowRunFact } from '../domain/facts';
import { shortSha } from '../domain/tags';
import { activeRunInDeck, busyMessage } from '../domain/busyEnvironment';
import { deployAndFollow, type DeployResult } from '../operations/deploy';
import { environmentKey } from '../operations/inFlight';
import { previewDeployment, type DeploymentPreview } from '../operations/previewDeployment';
import { buildWords } from '../domain/sameBuild';
import type { Services } from '../services';
import { openLink } from '../ui/links';
import { deploymentReason } from './deploymentReason';
import { offerReview } from './offerReview';
import { placeLabel } from '../domain/words';

export type DeploymentKind = 'deploy' | 'redeploy' | 'rollBack';

const VERBS: Record<DeploymentKind, { question: string; button: string; doing: string; done: string }> = {
  deploy: { question: 'Deploy', button: 'Deploy', doing: 'deploying', done: 'deployed' },
  redeploy: { question: 'Redeploy', button: 'Redeploy', doing: 'redeploying', done: 'redeployed' },
  rollBack: { question: 'Roll back', button: 'Roll Back', doing: 'rolling back', done: 'rolled back' },
};

/**
 * The one path every deployment takes: one at a time per app × environment, what would change,
 * a modal confirmation naming app, environment, current and target tag, then dispatch, follow, verify.
 */
export async function runDeployment(services: Services, kind: DeploymentKind, app: AppDeck, environment: EnvironmentDeck, target: DeployTarget, reasonGiven?: string): Promise<DeployResult | undefined> {
  const key = environmentKey(app.app.id, environment.environment.id);
  const label = placeLabel(app.app, environment.environment);
  const claim = services.inFlight.claim(key, { what: `${VERBS[kind].doing} ${label}` });
  if (!claim.ok) {
    const runUrl = claim.running.runUrl;
    services.log.warn(`Refused a second deployment of ${label}: ${claim.running.what} is under way.`);
    void vscode.window.showWarningMessage(`A deployment of ${label} is already under way (${claim.running.what}); wait for it to finish.`, ...(runUrl !== undefined ? ['Open Run'] : [])).then((choice) => {
      if (choice !== undefined && runUrl !== undefined) {
        void openLink(runUrl, services.log);
      }
    });
    return undefined;
  }
  let result: DeployResult | undefined;
  try {
    result = await confirmAndDeploy(services, kind, app, environment, target, reasonGiven, (run) => {
      services.inFlight.update(key, { what: `${VERBS[kind].doing} ${label} to ${target.imageTag}`, runUrl: run.htmlUrl });
    });
    return result;
  } finally {
    const unknown = result?.unknownOutcome;
    if (unknown !== undefined) {
      // Whether a run started is not known: no other deployment of this environment from this window
      // until the deck shows the run (its busy check takes over then), or for a bounded while.
      services.inFlight.update(key, { what: `checking whether the last dispatch to ${label} started a run`, runUrl: unknown.checkUrl });
      holdUntilShown(services, claim.release, { appId: app.app.id, environmentId: environment.environment.id, label }, unknown.dispatch);
    } else {
      claim.release();
    }
  }
}

/** The longest the environment stays guarded after a dispatch whose outcome could not be told. */
export const UNKNOWN_OUTCOME_HOLD_MS = 5 * 60_000;

/**
 * Keeps the claim after a dispatch whose outcome could not be told until a refresh shows its run — from
 * then on the deck's own busy check refuses while it runs — or UNKNOWN_OUTCOME_HOLD_MS at most (GitHub
 * may never create it: the dispatch may not have been applied).
 */
function holdUntilShown(services: Services, release: () => void, place: { appId: string; environmentId: string; label: string }, dispatch: UnsettledDispatch): void {
  const shown = (state: DeckState): DeploymentRecord | undefined => {
    const found = state.snapshot !== undefined ? findEnvironment(state.snapshot, place.appId, place.environmentId) : undefined;
    return found !== undefined ? dispatchedRunShown(found.environment, dispatch) : undefined;
  };
  const settle = (): void => {
    clearTimeout(timer);
    listener.dispose();
    release();
  };
  const timer = setTimeout(() => {
    services.log.info(`No run of the last dispatch to ${place.label} appeared in ${UNKNOWN_OUTCOME_HOLD_MS / 60_000} minutes; ${place.label} is no longer held in this window.`);
    settle();
  }, UNKNOWN_OUTCOME_HOLD_MS);
  const check = (state: DeckState): void => {
    const run = shown(state);
    if (run !== undefined) {
      services.log.info(`The last dispatch to ${place.label} started ${run.runUrl}; the deck follows it from here.`);
      settle();
    }
  };
  const listener = services.store.onDidChange(check);
  // The refresh at the deployment's end may already have shown it.
  check(services.store.state);
}

/** Refuses (says why, returns it) before anything is asked or sent, when the deck shows a run acting on the environment. */
export function refuseBusy(services: Services, label: string, action: string, environment: EnvironmentDeck): string | undefined {
  const active = activeRunInDeck(environment);
  if (active === undefined) {
    return undefined;
  }
  const message = busyMessage(label, action, active);
  services.log.warn(message);
  void vscode.window.showWarningMessage(message, 'Open Run').then((choice) => {
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
    void vscode.window.showWarningMessage('Sign in to GitHub first.');
    return undefined;
  }
  const label = placeLabel(app.app, environment.environment);
  const busy = refuseBusy(services, label, VERBS[kind].question.toLowerCase(), environment);
  if (busy !== undefined) {
    return { stoppedWatching: false, nothingStarted: true, problem: busy };
  }
  const current = environment.running?.imageTag ?? 'unknown';

  const preview = previewLines(await previewDeployment(client, profile.monorepo, app, environment, target));

  const deploy = environment.environment.deploy;
  const asked = deploy.kind === 'workflow' ? await deploymentReason(services, client, deploy, `${VERBS[kind].question} ${label} to ${target.imageTag}`, reasonGiven, `${VERBS[kind].question} ${target.imageTag} from Release Deck`) : undefined;
  if (deploy.kind === 'workflow' && asked === undefined) {
    return undefined;
  }
  const reason = asked?.reason ?? reasonGiven ?? `${VERBS[kind].question} ${target.imageTag} from Release Deck`;
  const production = environment.environment.production;
  const confirmed = await services.confirmer.ask({
    message: `${VERBS[kind].question} ${production ? 'PRODUCTION: ' : ''}${label} to ${describeTag(target.imageTag)}?`,
    detail: [
      `App: ${app.app.label}`,
      `Environment: ${environment.environment.label}${production ? ' (production)' : ''}`,
      `Runs now: ${current}`,
      `Target: ${target.imageTag}${target.gitTag !== undefined ? ` (GitHub Release ${target.gitTag})` : ''}`,
      `How: ${deploy.kind === 'workflow' ? `${deploy.workflow} in ${deploy.repo}` : 'manual'}`,
      ...(asked !== undefined ? [asked.line] : []),
      '',
      ...preview,
    ].join('\n'),
    confirmLabel: VERBS[kind].button,
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
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Release Deck · ${label}`, cancellable: true }, (progress, token) =>
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

  const outcome = result.problem ?? (result.stoppedWatching ? `Stopped watching; the deployment of ${target.imageTag} to ${label} goes on (see the deck).` : `${label} ${VERBS[kind].done}: it now runs ${result.build !== undefined ? buildWords(target.imageTag, result.build) : target.imageTag}.`);
  services.log[result.problem !== undefined ? 'error' : 'info'](`${who} ${VERBS[kind].doing} ${label} to ${target.imageTag}: ${outcome}${result.run !== undefined ? ` Run: ${result.run.htmlUrl}` : ''}`);
  const buttons: Array<{ label: string; url: string }> = [];
  if (result.run !== undefined) {
    buttons.push({ label: 'Open Run', url: result.run.htmlUrl });
  }
  if (result.unknownOutcome !== undefined) {
    buttons.push({ label: 'Open Workflow Runs', url: result.unknownOutcome.checkUrl });
  }
  if (result.problem !== undefined && !result.nothingStarted) {
    for (const link of environment.environment.consoleLinks) {
      buttons.push({ label: `Open ${link.label}`, url: link.url });
    }
  }
  // A run that failed can be diagnosed in the editor (its failed step's log tail).
  const failedRun = result.run?.status === 'completed' && result.run.conclusion !== 'success' ? result.run : undefined;
  const show = result.problem !== undefined ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
  void show(outcome, ...(failedRun !== undefined ? ['Show Failure…'] : []), ...buttons.map((button) => button.label)).then((choice) => {
    if (choice === 'Show Failure…' && failedRun !== undefined) {
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
    ? ['The same commit runs there now: nothing changes in the code.']
    : code.kind === 'unknown'
      ? ['The commits between them cannot be listed (one of the two commits is unknown).']
      : code.kind === 'unlisted'
        ? [`The commits between them could not be listed: ${code.why}`]
        : [
            `Code: commits ${code.direction === 'added' ? 'added' : 'taken away'} — ${code.note}`,
            ...code.commits.slice(0, 8).map((commit) => `  ${shortSha(commit.sha)} ${commit.title}`),
            ...(code.commits.length > 8 ? [`  … and ${code.commits.length - 8} more: ${code.compareUrl}`] : []),
          ];
  const advice = environmentVariableAdvice(preview.environmentVariables, 'before this deployment');
  const variableLines = advice.length > 0 ? ['', '⚠ Environment variables:', ...advice.map((line) => `  ${line}`)] : [];
  return [...codeLines, ...variableLines];
}
