import type { EnvironmentDeck } from './snapshot';
import { attemptStartedAt, type WorkflowRunFact } from './facts';

/** A run of an environment's deployment (or the release chain deploying it) that has not finished. */
export interface ActiveRun {
  readonly title: string;
  readonly status: string;
  readonly actor: string;
  readonly startedAt: string;
  readonly url: string;
}

/** The run that keeps an environment busy according to the deck (a deployment, or a publish on its way). */
export function activeRunInDeck(environment: EnvironmentDeck): ActiveRun | undefined {
  const record = environment.activeDeployment ?? environment.publishingRun;
  return record !== undefined && record.status !== 'completed' ? { title: record.title, status: record.status, actor: record.actor, startedAt: record.startedAt, url: record.runUrl } : undefined;
}

/**
 * The unfinished run among a workflow's newest runs, as GitHub lists them now, whose latest attempt started
 * first: a re-run is queued when it is re-run, not when its run was created (`run_started_at`, facts.ts).
 */
export function activeRunAmong(runs: readonly WorkflowRunFact[]): ActiveRun | undefined {
  const active = runs.filter((run) => run.status !== 'completed').sort((a, b) => Date.parse(attemptStartedAt(a)) - Date.parse(attemptStartedAt(b)))[0];
  return active !== undefined ? { title: active.displayTitle, status: active.status, actor: active.actor, startedAt: attemptStartedAt(active), url: active.htmlUrl } : undefined;
}

/** Why nothing is sent while another run acts on the environment, naming who started it and when. */
export function busyMessage(label: string, action: string, run: ActiveRun): string {
  const state = run.status === 'in_progress' ? 'in progress' : run.status === 'waiting' ? 'waiting for review' : run.status;
  const who = run.actor !== '' && run.actor !== 'unknown' ? `started by ${run.actor}` : 'started';
  // A run waiting on its environment's reviewers ends only once reviewed (or after GitHub's 30 days).
  const until = run.status === 'waiting' ? 'that run must be reviewed (Review Deployment…, if you are one of its reviewers) and finish first' : 'wait for that run to finish';
  return `${label} is busy: "${run.title}" is ${state} on GitHub, ${who} at ${clock(run.startedAt)}. Nothing was sent: ${until}, then ${action} again.`;
}

function clock(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
