import type { WorkflowRunFact } from './facts';
import type { DeploymentRecord, EnvironmentDeck } from './snapshot';
import type { TagScheme } from './tagScheme';
import { findImageTagIn } from './runTitle';

/** The app's image tags, by which a run's title is read (its `releaseTags.image`: `rel-{date}`, `{version}`…). */
type ImageScheme = Pick<TagScheme, 'image'>;

/**
 * Telling the run a dispatch created from the others, by what GitHub shows of its inputs. The runs list
 * does not return a run's inputs, and the actor is not reliable (a token from the environment has no
 * login, a colleague may dispatch at the same moment). What it does return: the event, the branch the
 * workflow was dispatched on (`head_branch`), and the run's title (`display_title`), which the
 * deployment workflows' `run-name` fills with the image tag ("The rel-* image tags in the titles of the
 * production deployment workflow runs is the image tag deployed for that run", openverse-facts §1.5).
 */

/** The runs of a workflow that existed before a request: anything else is new. */
export interface RunBaseline {
  readonly ids: ReadonlySet<number>;
  /** created_at of the newest run known before, on GitHub's clock (none: the workflow had no run). */
  readonly newestCreatedAt?: string;
}

export function baselineOf(runs: readonly WorkflowRunFact[]): RunBaseline {
  const newest = runs.reduce<string | undefined>((latest, run) => (latest === undefined || Date.parse(run.createdAt) > Date.parse(latest) ? run.createdAt : latest), undefined);
  return { ids: new Set(runs.map((run) => run.id)), ...(newest !== undefined ? { newestCreatedAt: newest } : {}) };
}

/**
 * True when the run deploys exactly this image tag: its title places the tag where the run-name puts it
 * (findImageTagIn). A title that names the tag elsewhere ("Hotfix after rel-A broke search (rel-B)")
 * deploys another one.
 */
export function runDeploysTag(run: Pick<WorkflowRunFact, 'displayTitle'>, imageTag: string, scheme: ImageScheme): boolean {
  // Both: findImageTagIn would read "rel-…331" as "rel-…33"; the whole-word test rules that out.
  return findImageTagIn(run.displayTitle, scheme)?.text === imageTag && titleNamesTag(run.displayTitle, imageTag);
}

/** True when the title names exactly this image tag as a whole word (not as part of a longer one), wherever it stands. */
export function titleNamesTag(title: string, imageTag: string): boolean {
  let from = 0;
  for (;;) {
    const at = title.indexOf(imageTag, from);
    if (at < 0) {
      return false;
    }
    const before = title.charAt(at - 1);
    const after = title.charAt(at + imageTag.length);
    if (!/[\w.-]/.test(before) && !/[\w.-]/.test(after)) {
      return true;
    }
    from = at + 1;
  }
}

export type DispatchedRunMatch =
  | { readonly kind: 'found'; readonly run: WorkflowRunFact }
  | { readonly kind: 'none' }
  /** New runs that could be ours: their titles do not show the image tag, or more than one does. */
  | { readonly kind: 'ambiguous'; readonly runs: readonly WorkflowRunFact[] };

/**
 * Among a workflow's runs, the one a dispatch of `imageTag` on `ref` created after `baseline`: a
 * workflow_dispatch run on that branch, not known before, that deploys the tag (runDeploysTag). A new
 * run whose title places no image tag, or names ours elsewhere, cannot be told apart, and is never
 * taken for ours.
 */
export function matchDispatchedRun(runs: readonly WorkflowRunFact[], request: { readonly ref: string; readonly imageTag: string; readonly scheme: ImageScheme }, baseline: RunBaseline): DispatchedRunMatch {
  const branch = request.ref.replace(/^refs\/heads\//, '');
  const floor = baseline.newestCreatedAt !== undefined ? Date.parse(baseline.newestCreatedAt) : Number.NEGATIVE_INFINITY;
  const fresh = runs.filter((run) => run.event === 'workflow_dispatch' && run.headBranch === branch && !baseline.ids.has(run.id) && Date.parse(run.createdAt) >= floor);
  const named = fresh.filter((run) => runDeploysTag(run, request.imageTag, request.scheme));
  const untold = fresh.filter((run) => !named.includes(run) && (findImageTagIn(run.displayTitle, request.scheme) === undefined || titleNamesTag(run.displayTitle, request.imageTag)));
  if (named.length === 1 && untold.length === 0 && named[0] !== undefined) {
    return { kind: 'found', run: named[0] };
  }
  if (named.length > 1 || untold.length > 0) {
    return { kind: 'ambiguous', runs: [...named, ...untold] };
  }
  return { kind: 'none' };
}

/** A dispatch whose outcome could not be told: its run showing up is what settles it. */
export interface UnsettledDispatch {
  readonly imageTag: string;
  readonly baseline: RunBaseline;
  readonly scheme: ImageScheme;
}

/** The run of an unsettled dispatch among what the deck shows of the environment: new, dispatched, deploying the tag. */
export function dispatchedRunShown(environment: EnvironmentDeck, dispatch: UnsettledDispatch): DeploymentRecord | undefined {
  return [environment.activeDeployment, environment.lastDeployment].find(
    (record) => record !== undefined && record.event === 'workflow_dispatch' && !dispatch.baseline.ids.has(record.runId) && runDeploysTag({ displayTitle: record.title }, dispatch.imageTag, dispatch.scheme),
  );
}

/** The web page listing a workflow's runs, on the host that serves the run pages GitHub links to. */
export function workflowRunsPage(webOrigin: string, repo: string, workflow: string): string {
  return `${webOrigin}/${repo}/actions/workflows/${encodeURIComponent(workflow)}`;
}
