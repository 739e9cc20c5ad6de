import { busyMessage } from '../domain/busyEnvironment';
import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import type { DeployTarget } from '../domain/deployPlan';
import { tagSchemeOf } from '../domain/tagScheme';
import { baselineOf, titleNamesTag, workflowRunsPage, type UnsettledDispatch } from '../domain/dispatchedRun';
import type { WorkflowRunFact } from '../domain/facts';
import { shortSha } from '../domain/tags';
import type { GitHubClient } from '../github/client';
import type { WorkflowDeploy } from '../domain/profileTypes';
import { resolveReasonInput } from '../github/workflowFile';
import { ENGLISH, describeError, type Language, type Said } from '../github/errors';
import { defaultBranchOf } from '../github/repos';
import { dispatchWorkflow, getRun } from '../github/workflows';
import { runsActingOn } from './busyOnGitHub';
import { lookForDispatchedRun, lostAnswer, outcomeUnclear } from './outcome';
import { wrongEnvironmentWarning } from '../domain/environmentName';
import { followRun, verifyVersion, words, type FollowOptions, type VersionCheck } from './follow';
import { placeLabel } from '../domain/words';
import { buildWords } from '../domain/sameBuild';
import { releaseBuild, type ExpectedBuild } from './releaseBuild';
import { versionReason } from '../domain/versionFailure';

export interface DeployPlan {
  readonly app: AppDeck;
  readonly environment: EnvironmentDeck;
  readonly target: DeployTarget;
  /** The run name or reason, sent when the workflow takes one. */
  readonly reason: string;
  /**
   * The input the reason is sent as (the profile's reasonInput, or the one read from the workflow file),
   * false when it is known there is none; unset, deployAndFollow finds it (github/workflowFile.ts).
   */
  readonly reasonInput?: string | false;
  /** Index of the app and environment in the profile, for error messages naming the field. */
  readonly profilePath: string;
  /** The web root of the GitHub in use (the endpoint's), for the runs page named when an outcome is unknown. */
  readonly webUrl: string;
  /** For an environment deployed on publish: the monorepo's release workflow, whose runs deploy it too. */
  readonly releaseWorkflow?: { readonly repo: string; readonly workflow: string };
  /** The monorepo, to read which commit a release's images were built from when the deck does not know. */
  readonly monorepo?: string;
  /** The language of the progress steps (the person's); English when unset. */
  readonly language?: Language;
}

export interface DeployResult {
  readonly run?: WorkflowRunFact;
  readonly version?: VersionCheck;
  /** For a release: the commit its images were built from, which /version reported. */
  readonly build?: string;
  readonly stoppedWatching: boolean;
  /** What went wrong, said in terms of what the environment runs now, in the plan's language. */
  readonly problem?: string;
  /** `problem` in English, for the log. */
  readonly englishProblem?: string;
  /** True when it is known that nothing was started (GitHub refused, or the connection was never opened). */
  readonly nothingStarted: boolean;
  /** Set when it cannot be told whether a run started: the page to check before trying again, and what would settle it. */
  readonly unknownOutcome?: { readonly checkUrl: string; readonly dispatch: UnsettledDispatch };
  /** What the command's progress notification said, in order (set by the command; for automation and tests). */
  readonly progress?: readonly string[];
}

/**
 * Reads the workflow's newest runs, refuses while one of them is unfinished (someone else's deployment,
 * or the one a publish set off) or, for an environment deployed on publish, while a publish of the app
 * is still tagging (runsActingOn), then dispatches the environment's deployment workflow with the image
 * tag (once: never retried), follows the run to its end, and polls /version until it reports the target
 * commit. When the dispatch's answer is lost, looks for the run before saying anything.
 */
export async function deployAndFollow(client: GitHubClient, plan: DeployPlan, report: (step: string) => void, onRun: (run: WorkflowRunFact) => void, options: FollowOptions = {}): Promise<DeployResult> {
  const { app, environment, target } = plan;
  const deploy = environment.environment.deploy;
  const language = plan.language ?? ENGLISH;
  const { l10n } = language;
  // A problem in the plan's language, and in English for the log.
  const failed = (said: Said): { problem: string; englishProblem: string } => ({ problem: said(language), englishProblem: said(ENGLISH) });
  const label = placeLabel(app.app, environment.environment);
  if (deploy.kind !== 'workflow') {
    return { stoppedWatching: false, nothingStarted: true, ...failed((other) => other.l10n.t('{0} is not deployed through a GitHub Workflow.', label)) };
  }
  const beforeIn = (other: Language): string => environment.running?.imageTag ?? other.l10n.t('what it ran before');
  const profileField = `${plan.profilePath}.deploy.workflow`;
  const inputs: Record<string, string> = { [deploy.tagInput]: target.imageTag };
  const reasonInput = plan.reasonInput ?? (await reasonInputOf(client, deploy));
  if (reasonInput !== false && plan.reason.trim() !== '') {
    inputs[reasonInput] = runName(plan.reason.trim(), target.imageTag);
  }

  report(plan.releaseWorkflow !== undefined ? l10n.t('Checking that no run of {0} or {1} is under way…', deploy.workflow, plan.releaseWorkflow.workflow) : l10n.t('Checking that no run of {0} is under way…', deploy.workflow));
  let recent: WorkflowRunFact[];
  try {
    const releaseChain = plan.releaseWorkflow !== undefined ? { ...plan.releaseWorkflow, app: app.app } : undefined;
    const busy = await runsActingOn(client, { deploy: { repo: deploy.repo, workflow: deploy.workflow, profileField }, ...(releaseChain !== undefined ? { releaseChain } : {}) });
    if (busy.active !== undefined) {
      const active = busy.active;
      return { stoppedWatching: false, nothingStarted: true, ...failed((other) => busyMessage(label, 'deploy', active, other.l10n, other.locale)) };
    }
    recent = busy.deploymentRuns;
  } catch (error) {
    return { stoppedWatching: false, nothingStarted: true, ...failed((other) => other.l10n.t('{0} Nothing was sent: without its runs, Release Deck cannot tell whether a deployment of {1} is already under way. {1} still runs {2}.', describeError(error, other), label, beforeIn(other))) };
  }
  // The branch to dispatch on: the profile's, else the repository's default branch as GitHub reports it.
  let ref: string;
  try {
    ref = deploy.ref ?? (await defaultBranchOf(client, deploy.repo, `${plan.profilePath}.deploy.ref`));
  } catch (error) {
    return { stoppedWatching: false, nothingStarted: true, ...failed((other) => other.l10n.t('{0} Nothing was sent: without it, Release Deck does not know which branch to dispatch {1} on. {2} still runs {3}.', describeError(error, other), deploy.workflow, label, beforeIn(other))) };
  }
  const runsPage = workflowRunsPage(plan.webUrl, deploy.repo, deploy.workflow);
  const look = { repo: deploy.repo, workflow: deploy.workflow, ref, imageTag: target.imageTag, scheme: tagSchemeOf(app.app), baseline: baselineOf(recent), askedAt: new Date(), runsPage, profileField };

  report(l10n.t('Dispatching {0} with {1}…', deploy.workflow, target.imageTag));
  let runId: number | undefined;
  let found: WorkflowRunFact | undefined;
  try {
    runId = await dispatchWorkflow(client, { repo: deploy.repo, workflow: deploy.workflow, ref, inputs, profileField });
  } catch (error) {
    if (!outcomeUnclear(error)) {
      return { stoppedWatching: false, nothingStarted: true, ...failed((other) => other.l10n.t('{0} {1} still runs {2}.', describeError(error, other), label, beforeIn(other))) };
    }
    const lostIn = (other: Language): string => other.l10n.t('{0} while trying to dispatch {1} in {2}', lostAnswer(error, other.l10n), deploy.workflow, deploy.repo);
    report(l10n.t('{0}. Looking for the run it may have started…', lostIn(language)));
    const outcome = await lookForDispatchedRun(client, look, error, lookOptions(options));
    if (outcome.kind === 'notDone') {
      return { stoppedWatching: false, nothingStarted: true, ...failed((other) => other.l10n.t('{0} ({1}), so nothing was started. {2} still runs {3}; you can try again.', lostIn(other), outcome.said?.(other) ?? outcome.evidence, label, beforeIn(other))) };
    }
    if (outcome.kind === 'unknown') {
      return unknown((other) => other.l10n.t('{0}, and {1}.', lostIn(other), outcome.said?.(other) ?? outcome.why), { checkUrl: outcome.checkUrl, dispatch: look }, label, beforeIn, failed);
    }
    found = outcome.value;
    report(l10n.t('{0}, but GitHub started the run: following it.', lostIn(language)));
  }
  if (found === undefined && runId === undefined) {
    // GitHub accepted the dispatch without naming the run (an older GitHub Enterprise Server answers 204).
    const outcome = await lookForDispatchedRun(client, look, undefined, lookOptions(options));
    if (outcome.kind !== 'done') {
      const why = outcome.kind === 'unknown' ? outcome.why : outcome.evidence;
      return unknown((other) => other.l10n.t('GitHub accepted the dispatch of {0} with {1}, but its run was not found: {2}.', deploy.workflow, target.imageTag, outcome.said?.(other) ?? why), { checkUrl: runsPage, dispatch: look }, label, beforeIn, failed);
    }
    found = outcome.value;
  }

  let run: WorkflowRunFact | undefined;
  try {
    run = found ?? (await getRun(client, deploy.repo, runId ?? 0));
    onRun(run);
    const followed = await followRun(client, deploy.repo, run, {
      ...options,
      onUpdate: (current, review) => {
        run = current;
        report(l10n.t('Deploying {0} to {1}: {2}', target.imageTag, label, words(current, review, plan.language)));
      },
    });
    run = followed.run;
    if (followed.kind === 'stopped') {
      return { run, stoppedWatching: true, nothingStarted: false };
    }
  } catch (error) {
    return {
      ...(run !== undefined ? { run } : {}),
      stoppedWatching: false,
      nothingStarted: false,
      ...failed((other) => other.l10n.t("The deployment of {0} to {1} was dispatched, but following it failed: {2} When last seen, {1} ran {3}; check the workflow's runs on GitHub before trying again.", target.imageTag, label, describeError(error, other), beforeIn(other))),
    };
  }
  if (run.conclusion !== 'success') {
    const conclusion = run.conclusion;
    return { run, stoppedWatching: false, nothingStarted: false, ...failed((other) => other.l10n.t('The deployment of {0} to {1} ended in {2}. {1} still runs {3}.', target.imageTag, label, conclusion ?? other.l10n.t('an unknown state'), beforeIn(other))) };
  }
  const versionUrl = environment.environment.versionUrl;
  if (versionUrl === undefined || target.sha === undefined) {
    return { run, stoppedWatching: false, nothingStarted: false };
  }
  // A release's image reports its build commit, usually before the git tag's (sameBuild.ts).
  const expected: ExpectedBuild = target.tagCommit !== undefined && plan.monorepo !== undefined ? await releaseBuild(client, plan.monorepo, app.app, target.tagCommit, target.imageTag, undefined, language) : { sha: target.sha };
  const whatIn = (other: Language): string => (target.gitTag !== undefined ? buildWords(target.imageTag, expected.sha, other.l10n) : other.l10n.t('commit {0}', shortSha(expected.sha)));
  report(l10n.t('Deployed. Checking that {0} reports {1}…', label, whatIn(language)));
  // The environment a wrong answer named, to say that reason in English too.
  let answeredEnvironment: string | undefined;
  const wrongEnvironmentIn = (other: Language, name: string): string | undefined => wrongEnvironmentWarning(app.app, environment.environment, name, other.l10n);
  const version = await verifyVersion(versionUrl, expected.sha, {
    ...options,
    wrongEnvironment: (name) => {
      answeredEnvironment = name;
      return wrongEnvironmentIn(language, name);
    },
  });
  if (version.kind === 'mismatch') {
    const seen = version.seen.slice(0, 12);
    const unsureIn = (other: Language): string => {
      const unsure = expected.unsureSaid?.(other) ?? expected.unsure;
      return unsure !== undefined ? ` (${unsure})` : '';
    };
    return { run, version, stoppedWatching: false, nothingStarted: false, ...failed((other) => other.l10n.t('The deployment of {0} to {1} succeeded, but {2} reports commit {3} instead of {4}{5}.', target.imageTag, label, versionUrl, seen, whatIn(other), unsureIn(other))) };
  }
  if (version.kind === 'unreachable') {
    const reason = version.reason;
    const wrongName = answeredEnvironment !== undefined && reason === wrongEnvironmentIn(language, answeredEnvironment) ? answeredEnvironment : undefined;
    const reasonIn = (other: Language): string => (wrongName !== undefined ? (wrongEnvironmentIn(other, wrongName) ?? reason) : versionReason(version, other.l10n));
    return { run, version, stoppedWatching: false, nothingStarted: false, ...failed((other) => other.l10n.t('The deployment of {0} to {1} succeeded, but {2} could not confirm it ({3}).', target.imageTag, label, versionUrl, reasonIn(other))) };
  }
  return { run, version, ...(target.gitTag !== undefined ? { build: expected.sha } : {}), stoppedWatching: version.kind === 'stopped', nothingStarted: false };
}

async function reasonInputOf(client: GitHubClient, deploy: WorkflowDeploy): Promise<string | false> {
  const resolution = await resolveReasonInput(client, deploy);
  return resolution.kind === 'profile' ? resolution.key : resolution.kind === 'file' ? resolution.input.key : false;
}

/**
 * The reason as the run's name: it names the image tag, so that a run titled with it (a run-name made of
 * that input) still says what it deployed, to the deck's history and to finding a dispatched run.
 */
export function runName(reason: string, imageTag: string): string {
  const suffix = ` (${imageTag})`;
  return titleNamesTag(reason, imageTag) ? reason.slice(0, 200) : `${reason.slice(0, 200 - suffix.length)}${suffix}`;
}

function unknown(what: Said, outcome: { checkUrl: string; dispatch: UnsettledDispatch }, label: string, beforeIn: Said, failed: (said: Said) => Pick<DeployResult, 'problem' | 'englishProblem'>): DeployResult {
  return {
    stoppedWatching: false,
    nothingStarted: false,
    unknownOutcome: { checkUrl: outcome.checkUrl, dispatch: { imageTag: outcome.dispatch.imageTag, baseline: outcome.dispatch.baseline, scheme: outcome.dispatch.scheme } },
    ...failed((other) => other.l10n.t("{0} Check the workflow's runs on GitHub before deploying {1} again ({2}). When last seen, {1} ran {3}.", what(other), label, outcome.checkUrl, beforeIn(other))),
  };
}

/** The look after a lost answer polls at the follow's pace (tests make it fast). */
function lookOptions(options: FollowOptions): { intervalMs?: number; sleep?: (ms: number) => Promise<void> } {
  return { ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}), ...(options.sleep !== undefined ? { sleep: options.sleep } : {}) };
}
