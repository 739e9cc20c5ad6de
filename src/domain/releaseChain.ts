import { attemptStartedAt, type JobFact, type StepFact, type WorkflowRunFact } from './facts';
import { imageTagOfRelease, readGitTag, tagSchemeOf, type SchemedApp } from './tagScheme';
import { english, type L10n } from './l10n';

/**
 * What publishing a GitHub Release sets off, read from the release workflow's run and its jobs' steps
 * (openverse-facts §1.3): the run tags the image, then (API, frontend) dispatches the production
 * deployment and waits for it (felixp8/dispatch-and-wait), then writes the changelog and opens its pull
 * request. The run's end is the chain's end; a failure is told by the step that failed.
 */

/** The parts of a release run, in order. Steps are placed by the marker steps' names (stepMarker). */
export type ChainPart = 'prepare' | 'tag' | 'deploy' | 'changelog';

/**
 * The part a step marks by its name: the image tagging ("Tag latest with release tag"), the deployment
 * ("Deploy production application"), the changelog ("Add new changelog file…", "Open changelog PR").
 * Other steps (checkout, "Calculate tag name", registry login, setup) belong to the part before them.
 */
export function stepMarker(name: string): ChainPart | undefined {
  if (/\bdeploy/i.test(name)) {
    return 'deploy';
  }
  if (/changelog/i.test(name)) {
    return 'changelog';
  }
  if (/\btag\b/i.test(name) && /\b(image|latest|release|docker)\b/i.test(name)) {
    return 'tag';
  }
  return undefined;
}

export interface PlacedStep {
  readonly step: StepFact;
  readonly job: JobFact;
  readonly part: ChainPart;
}

/** Every step of the jobs with the part it belongs to: its own marker, else the last marker before it. */
export function placeSteps(jobs: readonly JobFact[]): PlacedStep[] {
  return jobs.flatMap((job) => {
    let part: ChainPart = 'prepare';
    return job.steps.map((step) => {
      part = stepMarker(step.name) ?? part;
      return { step, job, part };
    });
  });
}

const FAILED = new Set(['failure', 'cancelled', 'timed_out', 'startup_failure', 'action_required']);
const WAITING = new Set(['queued', 'pending', 'waiting', 'requested']);

export function isWaiting(run: Pick<WorkflowRunFact, 'status'>): boolean {
  return WAITING.has(run.status);
}

/** The first step that failed (or was cancelled, or timed out), if the jobs show one. */
export function failedStep(jobs: readonly JobFact[]): PlacedStep | undefined {
  return placeSteps(jobs).find((placed) => placed.step.conclusion !== null && FAILED.has(placed.step.conclusion));
}

/** True when a part has steps and they all succeeded. */
export function partSucceeded(jobs: readonly JobFact[], part: ChainPart): boolean {
  const steps = placeSteps(jobs).filter((placed) => placed.part === part && placed.step.conclusion !== 'skipped');
  return steps.length > 0 && steps.every((placed) => placed.step.conclusion === 'success');
}

/** True when the jobs show a step of this part (not skipped): e.g. whether the run deploys at all. */
export function hasPart(jobs: readonly JobFact[], part: ChainPart): boolean {
  return placeSteps(jobs).some((placed) => placed.part === part && stepMarker(placed.step.name) === part && placed.step.conclusion !== 'skipped');
}

/** True when no step of any job ran (none succeeded, failed or is running): cancelled or refused before starting. */
export function nothingRan(jobs: readonly JobFact[]): boolean {
  return jobs.every((job) => job.steps.every((step) => step.status !== 'in_progress' && step.conclusion !== 'success' && step.conclusion !== 'failure'));
}

export type ChainPhase =
  | { readonly kind: 'waiting' }
  /** GitHub's `waiting` status: a deployment protection rule (an approval) holds the run, not the concurrency group. */
  | { readonly kind: 'approval' }
  | { readonly kind: 'running'; readonly part: ChainPart }
  /** In progress, but the jobs do not tell which step (unreadable, or no step started yet). */
  | { readonly kind: 'runningUntold' }
  | { readonly kind: 'done' };

/** Where a release run is now, from its status and (when read) its jobs. */
export function chainPhase(run: Pick<WorkflowRunFact, 'status'>, jobs: readonly JobFact[] | undefined): ChainPhase {
  if (run.status === 'completed') {
    return { kind: 'done' };
  }
  if (run.status === 'waiting') {
    return { kind: 'approval' };
  }
  if (isWaiting(run)) {
    return { kind: 'waiting' };
  }
  const placed = placeSteps(jobs ?? []);
  const current = placed.find((one) => one.step.status === 'in_progress') ?? [...placed].reverse().find((one) => one.step.status === 'completed');
  return current !== undefined ? { kind: 'running', part: current.part } : { kind: 'runningUntold' };
}

/**
 * The run a waiting release run waits for: an unfinished run of the same release workflow, other than
 * it, whose latest attempt started before ours (the one in progress first): a re-run joins the concurrency
 * group's queue when it is re-run, not when its run was created (`run_started_at`, facts.ts). A run of
 * another workflow of the concurrency group (the release drafting) is not in this list: undefined then.
 */
export function blockingRun(ours: WorkflowRunFact, listed: readonly WorkflowRunFact[]): WorkflowRunFact | undefined {
  const start = (run: WorkflowRunFact): number => Date.parse(attemptStartedAt(run));
  const others = listed
    .filter((run) => run.id !== ours.id && run.status !== 'completed' && start(run) <= start(ours))
    .sort((a, b) => Number(b.status === 'in_progress') - Number(a.status === 'in_progress') || start(a) - start(b));
  return others[0];
}

/** What the release run of a publish is about, in words. */
export interface ChainWords {
  readonly gitTag: string;
  readonly imageTag: string;
  /** The environment publishing deploys ("API production"), if any. */
  readonly place?: string;
}

/** The name a run of the release workflow goes by: the git tag it was started for. */
export function releaseRunName(run: Pick<WorkflowRunFact, 'headBranch' | 'displayTitle'>): string {
  return run.headBranch !== '' ? run.headBranch : run.displayTitle;
}

export function waitingWords(blocker: WorkflowRunFact | undefined, l10n: L10n = english): string {
  return blocker !== undefined
    ? l10n.t("queued: waiting for {0}'s release run to finish (one release at a time)", releaseRunName(blocker))
    : l10n.t('queued: waiting for a runner, or for another run of its concurrency group to finish (such as the drafting of releases after a merge)');
}

/** The phase in the words a person reads in the progress notification and the deck (in the language of `l10n`). */
export function phaseWords(phase: ChainPhase, words: ChainWords, blocker?: WorkflowRunFact, l10n: L10n = english): string {
  switch (phase.kind) {
    case 'waiting':
      return waitingWords(blocker, l10n);
    case 'approval':
      return l10n.t('waiting for an approval on GitHub (a deployment protection rule)');
    case 'runningUntold':
      return l10n.t('in progress');
    case 'done':
      return l10n.t('done');
    case 'running':
      switch (phase.part) {
        case 'prepare':
          return l10n.t('preparing');
        case 'tag':
          return l10n.t('tagging the image {0}', words.imageTag);
        case 'deploy':
          return words.place !== undefined ? l10n.t('deploying {0} to {1}', words.imageTag, words.place) : l10n.t('deploying {0}', words.imageTag);
        case 'changelog':
          return l10n.t('writing the changelog');
      }
  }
}

/**
 * What the deck says of an environment deployed on publish while its app's release run is unfinished:
 * the phase from the run's jobs when the refresh read them, the release run it waits for when it waits.
 */
export function publishingDetail(run: WorkflowRunFact, jobs: readonly JobFact[] | undefined, releaseRuns: readonly WorkflowRunFact[], place: string, app: SchemedApp, l10n: L10n = english): string {
  const scheme = tagSchemeOf(app);
  const gitTag = readGitTag(scheme, run.headBranch);
  // A release run's head commit is the commit its git tag names: what a {sha}/{sha7} image tag is written from.
  const imageTag = (gitTag.ok ? imageTagOfRelease(scheme, gitTag.value.version, run.headSha) : undefined) ?? l10n.t('the release image tag');
  const phase = chainPhase(run, jobs);
  const blocker = phase.kind === 'waiting' ? blockingRun(run, releaseRuns) : undefined;
  return l10n.t('{0} was published; its release workflow run: {1}.', run.headBranch, phaseWords(phase, { gitTag: run.headBranch, imageTag, place }, blocker, l10n));
}

/** Whether a release workflow run is one of the app's releases: its branch is the git tag it was published with, read with the app's scheme. */
export function isReleaseRunOf(run: Pick<WorkflowRunFact, 'headBranch'>, app: SchemedApp): boolean {
  return readGitTag(tagSchemeOf(app), run.headBranch).ok;
}
