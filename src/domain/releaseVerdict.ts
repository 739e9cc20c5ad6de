import type { JobFact, WorkflowRunFact } from './facts';
import { failedStep, hasPart, nothingRan, partSucceeded, type ChainWords } from './releaseChain';

/**
 * How a finished release run went, told by the step that failed (GET …/actions/runs/{id}/jobs), with
 * the deployment run it dispatched when one was found. A failed tag step is not a failed deployment and
 * a failed deployment is not an untagged image; what is not known is said as unknown.
 */
export interface ChainEnd {
  /** The completed release run. */
  readonly run: WorkflowRunFact;
  /** Its jobs, or why they could not be read. */
  readonly jobs: readonly JobFact[] | { readonly unreadable: string };
  /** The deployment run of the image tag, when one was found. */
  readonly deployRun?: WorkflowRunFact;
  /** True when the run was seen waiting in its concurrency group. */
  readonly sawWaiting: boolean;
}

export type ChainVerdict =
  /** Everything succeeded; `deployed` when the run deployed (its deploy step, or the deployment run, succeeded). */
  | { readonly kind: 'succeeded'; readonly deployed: boolean }
  /** Tagged and (when it deploys) deployed; only the changelog steps failed, at `step`. */
  | { readonly kind: 'changelogFailed'; readonly step: string; readonly deployed: boolean }
  /** The deployment run succeeded but the release run's deploy step failed (it may have followed another run). */
  | { readonly kind: 'deployStepFailedRunSucceeded'; readonly step: string }
  /** Anything else: what happened, why, and what to do, in one message (`stillRuns` is appended where true). */
  | { readonly kind: 'problem'; readonly message: string };

/**
 * `stillRuns`: " API production still runs rel-X." (or '') — said only where the chain did not change it.
 */
export function judgeChain(end: ChainEnd, words: ChainWords, stillRuns: string): ChainVerdict {
  const { run, deployRun } = end;
  const { gitTag, imageTag } = words;
  const place = words.place ?? 'the environment';
  const deployRunWords = deployRun !== undefined ? `the deployment run of ${imageTag} to ${place} ${runState(deployRun)}` : undefined;
  if (run.conclusion === 'success') {
    return { kind: 'succeeded', deployed: deployRun?.conclusion === 'success' || (!('unreadable' in end.jobs) && partSucceeded(end.jobs, 'deploy')) };
  }
  const ended = run.conclusion ?? 'an unknown state';
  if ('unreadable' in end.jobs) {
    const deployment = deployRunWords !== undefined ? ` Meanwhile ${deployRunWords}.` : '';
    const unchanged = deployRun?.conclusion === 'success' ? '' : stillRuns;
    return {
      kind: 'problem',
      message: `${gitTag} is published, but its release workflow run ended in ${ended}, and which step failed could not be read (${end.jobs.unreadable}): whether the image was tagged ${imageTag} is not known.${deployment}${unchanged} Open the release workflow run to see where it stopped.`,
    };
  }
  const jobs = end.jobs;
  if (run.conclusion === 'cancelled' && nothingRan(jobs)) {
    const why = end.sawWaiting
      ? ': it was waiting for another run of its concurrency group, and GitHub keeps one waiting run per group, cancelling the older one when a newer run queues'
      : ' (GitHub does so when a newer run of its concurrency group queues while it waits; or someone cancelled it)';
    const deploys = words.place !== undefined ? ` and deploys it to ${words.place}` : '';
    return {
      kind: 'problem',
      message: `${gitTag} is published, but GitHub cancelled its release workflow run before it started${why}. Nothing was tagged or deployed.${stillRuns} Re-run that release workflow run once no other release run is under way: it tags the image that is latest at that moment as ${imageTag}${deploys}.`,
    };
  }
  const failed = failedStep(jobs);
  if (failed === undefined) {
    const deployment = deployRunWords !== undefined ? ` Meanwhile ${deployRunWords}.` : '';
    return {
      kind: 'problem',
      message: `${gitTag} is published, but its release workflow run ended in ${ended} and its jobs show no failed step: whether the image was tagged ${imageTag} is not known.${deployment}${deployRun?.conclusion === 'success' ? '' : stillRuns} Open the release workflow run to see where it stopped.`,
    };
  }
  const step = `"${failed.step.name}"`;
  const how = failed.step.conclusion === 'failure' ? 'failed' : `ended in ${failed.step.conclusion ?? 'an unknown state'}`;
  switch (failed.part) {
    case 'prepare':
    case 'tag':
      if (!hasPart(jobs, 'tag')) {
        // No step of this workflow is named like an image tagging: what the failed step did cannot be told from its name.
        const deployment = deployRun !== undefined ? ` Meanwhile the deployment run of ${imageTag} ${runState(deployRun)}.` : '';
        return {
          kind: 'problem',
          message: `${gitTag} is published, but its release workflow ${how} at step ${step}. Its steps do not say which one tags the image, so whether the image was tagged ${imageTag} or anything deployed is not known.${deployment}${deployRun?.conclusion === 'success' ? '' : stillRuns} Open the release workflow run to see where it stopped.`,
        };
      }
      return {
        kind: 'problem',
        message: `${gitTag} is published, but its release workflow ${how} at step ${step}: the image was not tagged ${imageTag}, so nothing was deployed.${stillRuns} Do not simply re-run the release workflow: it tags whatever image is latest at that moment, which may be a newer build than this release's. Open its run to see why it failed.`,
      };
    case 'deploy':
      return deployFailed(end, words, step, stillRuns);
    case 'changelog':
      return { kind: 'changelogFailed', step: failed.step.name, deployed: deployRun?.conclusion === 'success' || (hasPart(jobs, 'deploy') && partSucceeded(jobs, 'deploy')) };
  }
}

function deployFailed(end: ChainEnd, words: ChainWords, step: string, stillRuns: string): ChainVerdict {
  const { deployRun } = end;
  const { gitTag, imageTag } = words;
  const place = words.place ?? 'the environment';
  const tagged = `${gitTag} is published and the image tagged ${imageTag}`;
  if (deployRun === undefined) {
    return {
      kind: 'problem',
      message: `${tagged}, but its release workflow failed at step ${step}, and no deployment run of ${imageTag} to ${place} was found: whether a deployment was started is not known. When last seen,${stillRuns.replace(/^ /, ' ')} Open the release workflow run to see why the step failed.`,
    };
  }
  if (deployRun.status !== 'completed') {
    return {
      kind: 'problem',
      message: `${tagged}; its release workflow stopped waiting for the deployment (step ${step} failed, as it does when its time limit passes), but the deployment run of ${imageTag} to ${place} is still ${runState(deployRun).replace(/^is /, '')}: it may still succeed. The deck keeps showing it; the changelog pull request will not be opened automatically: add the changelog by hand once it has deployed.`,
    };
  }
  if (deployRun.conclusion === 'success') {
    return { kind: 'deployStepFailedRunSucceeded', step: step.slice(1, -1) };
  }
  return {
    kind: 'problem',
    message: `${tagged}, but the deployment of ${imageTag} to ${place} failed: its run ended in ${deployRun.conclusion ?? 'an unknown state'}, so the release workflow stopped at step ${step} and opened no changelog pull request.${stillRuns} Open the deployment run and the console to see why; roll back or redeploy from the deck.`,
  };
}

function runState(run: WorkflowRunFact): string {
  if (run.status === 'completed') {
    return `ended in ${run.conclusion ?? 'an unknown state'}`;
  }
  return `is ${run.status === 'in_progress' ? 'in progress' : run.status}`;
}
