import type { JobFact, WorkflowRunFact } from '../domain/facts';
import type { GitHubClient } from '../github/client';
import { describeError, ENGLISH, type Language } from '../github/errors';
import { getRun, listRunJobs, listWorkflowRuns } from '../github/workflows';
import { runDeploysTag } from '../domain/dispatchedRun';
import type { TagScheme } from '../domain/tagScheme';
import { blockingRun, chainPhase, isWaiting, phaseWords, type ChainWords } from '../domain/releaseChain';
import type { ChainEnd } from '../domain/releaseVerdict';
import { sleep as defaultSleep } from '../timers';
import { FOLLOW_INTERVAL_MS, ReviewReader, waitForRun, words, type FollowOptions } from './follow';
import type { DeploymentReview } from '../domain/snapshot';

export interface ReleaseChainRequest {
  readonly monorepo: string;
  readonly releaseWorkflow: string;
  readonly since: Date;
  readonly words: ChainWords;
  /** The deployment workflow the release run dispatches (environments deployed on publish). */
  readonly deploy?: { readonly repo: string; readonly workflow: string; readonly scheme: Pick<TagScheme, 'image'> };
  /** The language the progress lines are said in (English without it). */
  readonly language?: Language;
}

export type ChainFollow =
  | { readonly kind: 'notStarted' }
  | { readonly kind: 'stopped'; readonly run?: WorkflowRunFact; readonly deployRun?: WorkflowRunFact }
  | ({ readonly kind: 'finished' } & ChainEnd);

/**
 * Follows the release run a publish started until it ends, reading its jobs' steps for the phase, the
 * runs of its workflow while it waits (which release it waits for), and, once it deploys, the deployment
 * run it dispatched (found by its title naming the image tag, then followed). Each poll is conditional:
 * an unchanged answer is free.
 */
export async function followReleaseChain(client: GitHubClient, request: ReleaseChainRequest, report: (step: string) => void, options: FollowOptions = {}): Promise<ChainFollow> {
  const sleep = options.sleep ?? defaultSleep;
  const { monorepo, releaseWorkflow, words: chainWords } = request;
  const language = request.language ?? ENGLISH;
  const found = await waitForRun(client, { repo: monorepo, workflow: releaseWorkflow, since: request.since, matches: (run) => run.event === 'release' && run.headBranch === chainWords.gitTag, profileField: 'releaseWorkflow' }, options);
  if (found === undefined) {
    return options.isStopped?.() === true ? { kind: 'stopped' } : { kind: 'notStarted' };
  }
  const timeoutMs = options.timeoutMs ?? 45 * 60_000;
  let deadline = Date.now() + timeoutMs;
  const reviews = request.deploy !== undefined ? new ReviewReader(client, request.deploy.repo, options.onReview) : undefined;
  let run = found;
  let deployRun: WorkflowRunFact | undefined;
  let sawWaiting = false;
  let jobs: readonly JobFact[] | { readonly unreadable: string } = { unreadable: 'not read yet' };
  let lastSaid = '';
  for (;;) {
    // A run still waiting has no step under way: its jobs are read once it runs.
    jobs = isWaiting(run) ? [] : await readJobs(client, monorepo, run.id);
    const phase = chainPhase(run, 'unreadable' in jobs ? undefined : jobs);
    let blocker: WorkflowRunFact | undefined;
    if (phase.kind === 'waiting') {
      sawWaiting = true;
      const listed = await listWorkflowRuns(client, monorepo, releaseWorkflow, { perPage: 30, profileField: 'releaseWorkflow' });
      blocker = blockingRun(run, listed);
    }
    const deploying = phase.kind === 'done' || phase.kind === 'runningUntold' || (phase.kind === 'running' && (phase.part === 'deploy' || phase.part === 'changelog'));
    if (request.deploy !== undefined && deploying) {
      deployRun = deployRun === undefined ? await findDeployRun(client, request.deploy, run, chainWords.imageTag) : deployRun.status === 'completed' ? deployRun : await getRun(client, request.deploy.repo, deployRun.id);
    }
    // A deployment waiting on its environment's reviewers: said, offered, and no reason to stop following.
    const review = deployRun !== undefined ? await reviews?.of(deployRun) : undefined;
    if (review !== undefined) {
      deadline = Date.now() + timeoutMs;
    }
    const phaseSaid = phaseWords(phase, chainWords, blocker, language.l10n);
    const said = deployRun !== undefined && phase.kind !== 'done' ? language.l10n.t('Release workflow: {0} ({1})', phaseSaid, deploymentState(deployRun, review, language)) : language.l10n.t('Release workflow: {0}', phaseSaid);
    if (said !== lastSaid) {
      report(said);
      lastSaid = said;
    }
    if (run.status === 'completed') {
      return { kind: 'finished', run, jobs, ...(deployRun !== undefined ? { deployRun } : {}), sawWaiting };
    }
    if (options.isStopped?.() === true || Date.now() > deadline) {
      return { kind: 'stopped', run, ...(deployRun !== undefined ? { deployRun } : {}) };
    }
    await sleep(options.intervalMs ?? FOLLOW_INTERVAL_MS);
    run = await getRun(client, monorepo, run.id);
  }
}

async function readJobs(client: GitHubClient, repo: string, runId: number): Promise<readonly JobFact[] | { readonly unreadable: string }> {
  try {
    return await listRunJobs(client, repo, runId);
  } catch (error) {
    return { unreadable: describeError(error) };
  }
}

/** The deployment run of the image tag created since the release run was (none yet: undefined). */
async function findDeployRun(client: GitHubClient, deploy: NonNullable<ReleaseChainRequest['deploy']>, releaseRun: WorkflowRunFact, imageTag: string): Promise<WorkflowRunFact | undefined> {
  const since = new Date(Date.parse(releaseRun.createdAt) - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const runs = await listWorkflowRuns(client, deploy.repo, deploy.workflow, { createdAfter: since, perPage: 30, profileField: 'deploy.workflow' });
  return runs.filter((run) => runDeploysTag(run, imageTag, deploy.scheme)).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

function deploymentState(run: WorkflowRunFact, review: DeploymentReview | undefined, language: Language): string {
  const { l10n } = language;
  if (run.status !== 'completed') {
    return l10n.t('its deployment run is {0}', words(run, review, language));
  }
  return run.conclusion === 'success' ? l10n.t('its deployment run succeeded') : l10n.t('its deployment run ended in {0}', words(run, undefined, language));
}
