import type { AppDeck, EnvironmentDeck } from '../domain/deck';
import type { DeployTarget } from '../domain/deployPlan';
import type { WorkflowRunFact } from '../domain/facts';
import type { GitHubClient } from '../github/client';
import { describeError } from '../github/errors';
import { dispatchWorkflow, findDispatchedRun, getRun } from '../github/workflows';
import { followRun, verifyVersion, type FollowOptions, type VersionCheck } from './follow';
import { words } from './publish';

export interface DeployPlan {
  readonly app: AppDeck;
  readonly environment: EnvironmentDeck;
  readonly target: DeployTarget;
  /** The run name or reason, sent when the workflow takes one. */
  readonly reason: string;
  /** Who dispatches, to find the run when GitHub does not return its id. */
  readonly actor: string;
  /** Index of the app and environment in the profile, for error messages naming the field. */
  readonly profilePath: string;
}

export interface DeployResult {
  readonly run?: WorkflowRunFact;
  readonly version?: VersionCheck;
  readonly stoppedWatching: boolean;
  /** What went wrong, said in terms of what the environment runs now. */
  readonly problem?: string;
  /** True when GitHub never accepted the dispatch: nothing was started. */
  readonly nothingStarted: boolean;
}

/**
 * Dispatches the environment's deployment workflow with the image tag (once: never retried), follows
 * the run to its end, then polls /version until it reports the target commit.
 */
export async function deployAndFollow(client: GitHubClient, plan: DeployPlan, report: (step: string) => void, onRun: (run: WorkflowRunFact) => void, options: FollowOptions = {}): Promise<DeployResult> {
  const { app, environment, target } = plan;
  const deploy = environment.environment.deploy;
  if (deploy.kind !== 'workflow') {
    return { stoppedWatching: false, nothingStarted: true, problem: `${app.app.label} ${environment.environment.label.toLowerCase()} is not deployed through a GitHub Workflow.` };
  }
  const label = `${app.app.label} ${environment.environment.label.toLowerCase()}`;
  const before = environment.running?.imageTag ?? 'what it ran before';
  const inputs: Record<string, string> = { [deploy.tagInput]: target.imageTag };
  if (deploy.reasonInput !== undefined && plan.reason.trim() !== '') {
    inputs[deploy.reasonInput] = plan.reason.trim().slice(0, 200);
  }
  report(`Dispatching ${deploy.workflow} with ${target.imageTag}…`);
  const dispatchedAt = new Date();
  let runId: number | undefined;
  try {
    runId = await dispatchWorkflow(client, { repo: deploy.repo, workflow: deploy.workflow, ref: deploy.ref, inputs, profileField: `${plan.profilePath}.deploy.workflow` });
  } catch (error) {
    return { stoppedWatching: false, nothingStarted: true, problem: `${describeError(error)} ${label} still runs ${before}.` };
  }

  let run: WorkflowRunFact | undefined;
  try {
    run = runId !== undefined
      ? await getRun(client, deploy.repo, runId)
      : await findDispatchedRun(client, { repo: deploy.repo, workflow: deploy.workflow, actor: plan.actor, dispatchedAt, profileField: `${plan.profilePath}.deploy.workflow` });
    onRun(run);
    const followed = await followRun(client, deploy.repo, run, {
      ...options,
      onUpdate: (current) => {
        run = current;
        report(`Deploying ${target.imageTag} to ${label}: ${words(current)}`);
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
      problem: `The deployment of ${target.imageTag} to ${label} was dispatched, but following it failed: ${describeError(error)} When last seen, ${label} ran ${before}; check the workflow's runs on GitHub before trying again.`,
    };
  }
  if (run.conclusion !== 'success') {
    return { run, stoppedWatching: false, nothingStarted: false, problem: `The deployment of ${target.imageTag} to ${label} ended in ${run.conclusion ?? 'an unknown state'}. ${label} still runs ${before}.` };
  }
  const versionUrl = environment.environment.versionUrl;
  if (versionUrl === undefined || target.sha === undefined) {
    return { run, stoppedWatching: false, nothingStarted: false };
  }
  report(`Deployed. Checking that ${label} reports commit ${target.sha.slice(0, 7)}…`);
  const version = await verifyVersion(versionUrl, target.sha, options);
  if (version.kind === 'mismatch') {
    return { run, version, stoppedWatching: false, nothingStarted: false, problem: `The deployment of ${target.imageTag} to ${label} succeeded, but ${versionUrl} reports commit ${version.seen.slice(0, 12)} instead of ${target.sha.slice(0, 12)}.` };
  }
  if (version.kind === 'unreachable') {
    return { run, version, stoppedWatching: false, nothingStarted: false, problem: `The deployment of ${target.imageTag} to ${label} succeeded, but ${versionUrl} could not confirm it (${version.reason}).` };
  }
  return { run, version, stoppedWatching: version.kind === 'stopped', nothingStarted: false };
}
