import type { JobFact, WorkflowRunFact } from './facts';
import { english, type L10n } from './l10n';
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
 * `l10n`: the person's language; each case is one whole sentence per variant, joined with its neighbours by a space.
 */
export function judgeChain(end: ChainEnd, words: ChainWords, stillRuns: string, l10n: L10n = english): ChainVerdict {
  const { run, deployRun } = end;
  const { gitTag, imageTag } = words;
  const place = words.place ?? l10n.t('the environment');
  const open = ` ${l10n.t('Open the release workflow run to see where it stopped.')}`;
  const meanwhile = deployRun === undefined ? '' : ` ${meanwhileWords(deployRun, imageTag, place, l10n)}`;
  const unlessDeployed = deployRun?.conclusion === 'success' ? '' : stillRuns;
  if (run.conclusion === 'success') {
    return { kind: 'succeeded', deployed: deployRun?.conclusion === 'success' || (!('unreadable' in end.jobs) && partSucceeded(end.jobs, 'deploy')) };
  }
  const ended = run.conclusion ?? l10n.t('an unknown state');
  if ('unreadable' in end.jobs) {
    const said = l10n.t('{0} is published, but its release workflow run ended in {1}, and which step failed could not be read ({2}): whether the image was tagged {3} is not known.', gitTag, ended, end.jobs.unreadable, imageTag);
    return { kind: 'problem', message: `${said}${meanwhile}${unlessDeployed}${open}` };
  }
  const jobs = end.jobs;
  if (run.conclusion === 'cancelled' && nothingRan(jobs)) {
    const said = end.sawWaiting
      ? l10n.t('{0} is published, but GitHub cancelled its release workflow run before it started: it was waiting for another run of its concurrency group, and GitHub keeps one waiting run per group, cancelling the older one when a newer run queues. Nothing was tagged or deployed.', gitTag)
      : l10n.t('{0} is published, but GitHub cancelled its release workflow run before it started (GitHub does so when a newer run of its concurrency group queues while it waits; or someone cancelled it). Nothing was tagged or deployed.', gitTag);
    const rerun = words.place !== undefined
      ? l10n.t('Re-run that release workflow run once no other release run is under way: it tags the image that is latest at that moment as {0} and deploys it to {1}.', imageTag, words.place)
      : l10n.t('Re-run that release workflow run once no other release run is under way: it tags the image that is latest at that moment as {0}.', imageTag);
    return { kind: 'problem', message: `${said}${stillRuns} ${rerun}` };
  }
  const failed = failedStep(jobs);
  if (failed === undefined) {
    const said = l10n.t('{0} is published, but its release workflow run ended in {1} and its jobs show no failed step: whether the image was tagged {2} is not known.', gitTag, ended, imageTag);
    return { kind: 'problem', message: `${said}${meanwhile}${unlessDeployed}${open}` };
  }
  const step = `"${failed.step.name}"`;
  const stepFailed = failed.step.conclusion === 'failure';
  const stepEnded = failed.step.conclusion ?? l10n.t('an unknown state');
  switch (failed.part) {
    case 'prepare':
    case 'tag':
      if (!hasPart(jobs, 'tag')) {
        // No step of this workflow is named like an image tagging: what the failed step did cannot be told from its name.
        const said = stepFailed
          ? l10n.t('{0} is published, but its release workflow failed at step {1}. Its steps do not say which one tags the image, so whether the image was tagged {2} or anything deployed is not known.', gitTag, step, imageTag)
          : l10n.t('{0} is published, but its release workflow ended in {1} at step {2}. Its steps do not say which one tags the image, so whether the image was tagged {3} or anything deployed is not known.', gitTag, stepEnded, step, imageTag);
        const deployment = deployRun === undefined ? '' : ` ${meanwhileWords(deployRun, imageTag, undefined, l10n)}`;
        return { kind: 'problem', message: `${said}${deployment}${unlessDeployed}${open}` };
      }
      {
        const said = stepFailed
          ? l10n.t('{0} is published, but its release workflow failed at step {1}: the image was not tagged {2}, so nothing was deployed.', gitTag, step, imageTag)
          : l10n.t('{0} is published, but its release workflow ended in {1} at step {2}: the image was not tagged {3}, so nothing was deployed.', gitTag, stepEnded, step, imageTag);
        const next = l10n.t("Do not simply re-run the release workflow: it tags whatever image is latest at that moment, which may be a newer build than this release's. Open its run to see why it failed.");
        return { kind: 'problem', message: `${said}${stillRuns} ${next}` };
      }
    case 'deploy':
      return deployFailed(end, words, step, stillRuns, l10n);
    case 'changelog':
      return { kind: 'changelogFailed', step: failed.step.name, deployed: deployRun?.conclusion === 'success' || (hasPart(jobs, 'deploy') && partSucceeded(jobs, 'deploy')) };
  }
}

function deployFailed(end: ChainEnd, words: ChainWords, step: string, stillRuns: string, l10n: L10n): ChainVerdict {
  const { deployRun } = end;
  const { gitTag, imageTag } = words;
  const place = words.place ?? l10n.t('the environment');
  if (deployRun === undefined) {
    const said = l10n.t('{0} is published and the image tagged {1}, but its release workflow failed at step {2}, and no deployment run of {1} to {3} was found: whether a deployment was started is not known.', gitTag, imageTag, step, place);
    const lastSeen = stillRuns === '' ? '' : ` ${l10n.t('When last seen,{0}', stillRuns)}`;
    return { kind: 'problem', message: `${said}${lastSeen} ${l10n.t('Open the release workflow run to see why the step failed.')}` };
  }
  if (deployRun.status !== 'completed') {
    return {
      kind: 'problem',
      message: l10n.t('{0} is published and the image tagged {1}; its release workflow stopped waiting for the deployment (step {2} failed, as it does when its time limit passes), but the deployment run of {1} to {3} is still {4}: it may still succeed. The deck keeps showing it; the changelog pull request will not be opened automatically: add the changelog by hand once it has deployed.', gitTag, imageTag, step, place, statusWords(deployRun, l10n)),
    };
  }
  if (deployRun.conclusion === 'success') {
    return { kind: 'deployStepFailedRunSucceeded', step: step.slice(1, -1) };
  }
  const said = l10n.t('{0} is published and the image tagged {1}, but the deployment of {1} to {2} failed: its run ended in {3}, so the release workflow stopped at step {4} and opened no changelog pull request.', gitTag, imageTag, place, deployRun.conclusion ?? l10n.t('an unknown state'), step);
  return { kind: 'problem', message: `${said}${stillRuns} ${l10n.t('Open the deployment run and the console to see why; roll back or redeploy from the deck.')}` };
}

/** "Meanwhile the deployment run of rel-X to API production ended in failure." (`place` left out when unknown). */
function meanwhileWords(run: WorkflowRunFact, imageTag: string, place: string | undefined, l10n: L10n): string {
  if (run.status === 'completed') {
    const ended = run.conclusion ?? l10n.t('an unknown state');
    return place === undefined
      ? l10n.t('Meanwhile the deployment run of {0} ended in {1}.', imageTag, ended)
      : l10n.t('Meanwhile the deployment run of {0} to {1} ended in {2}.', imageTag, place, ended);
  }
  return place === undefined
    ? l10n.t('Meanwhile the deployment run of {0} is {1}.', imageTag, statusWords(run, l10n))
    : l10n.t('Meanwhile the deployment run of {0} to {1} is {2}.', imageTag, place, statusWords(run, l10n));
}

/** A run that has not completed: "in progress", or GitHub's status ("queued", "waiting"…). */
function statusWords(run: WorkflowRunFact, l10n: L10n): string {
  return run.status === 'in_progress' ? l10n.t('in progress') : run.status;
}
