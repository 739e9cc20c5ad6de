import type { RunBaseline } from '../domain/dispatchedRun';
import type { TagScheme } from '../domain/tagScheme';
import type { ReleaseFact, WorkflowRunFact } from '../domain/facts';
import type { GitHubClient } from '../github/client';
import { english, type L10n } from '../domain/l10n';
import { ENGLISH, describeError, formatClock, isGitHubError, type Said } from '../github/errors';
import { getRelease } from '../github/releases';
import { findDispatchedRun, getRun } from '../github/workflows';

/**
 * After a POST or PATCH whose answer did not come back clearly, Release Deck looks before it speaks:
 * GitHub may have done the work and lost only the answer. The outcome is one of three, never a guess.
 */
export type Outcome<T> =
  | { readonly kind: 'done'; readonly value: T }
  /** Not done, with what was looked at to know it (`said`: the same in any language). */
  | { readonly kind: 'notDone'; readonly evidence: string; readonly said?: Said }
  /** Could not be told: where to look (`said`: why, in any language). */
  | { readonly kind: 'unknown'; readonly why: string; readonly checkUrl: string; readonly said?: Said };

/** An outcome that is not done, or unknown: `evidence`/`why` (English) with its words in any language. */
function notDone(said: Said): { kind: 'notDone'; evidence: string; said: Said } {
  return { kind: 'notDone', evidence: said(ENGLISH), said };
}

function unknownOutcome(said: Said, checkUrl: string): { kind: 'unknown'; why: string; checkUrl: string; said: Said } {
  return { kind: 'unknown', why: said(ENGLISH), checkUrl, said };
}

/**
 * True when a failed request may still have been applied: no answer (timeout, connection reset), a
 * server error, or an answer that could not be read (malformed, or over the size cap: an answer came, so
 * the request reached something that may have acted). A 4xx (401, 403, 404, 422, a rate limit) is
 * GitHub saying plainly that it did nothing.
 */
export function outcomeUnclear(error: unknown): boolean {
  if (!isGitHubError(error)) {
    return true;
  }
  return error.kind === 'timeout' || error.kind === 'network' || error.kind === 'server' || error.kind === 'malformed' || error.kind === 'tooLarge';
}

/** What happened to the answer, in a few words, without advice (the advice depends on the outcome), in `l10n`'s language. */
export function lostAnswer(error: unknown, l10n: L10n = english): string {
  if (!isGitHubError(error)) {
    return l10n.t('the answer could not be read');
  }
  switch (error.kind) {
    case 'timeout':
      return l10n.t('GitHub did not answer in time');
    case 'network':
      return error.notConnected !== undefined ? l10n.t('the connection to GitHub could not be opened') : l10n.t('the connection to GitHub failed before its answer came');
    case 'server':
      return error.status !== undefined ? l10n.t('GitHub answered {0} (a server error)', error.status) : l10n.t('GitHub answered with a server error');
    case 'tooLarge':
      return l10n.t("GitHub's answer could not be read (it was larger than any answer of its REST API)");
    default:
      return l10n.t("GitHub's answer could not be read");
  }
}

export interface DispatchLook {
  readonly repo: string;
  readonly workflow: string;
  readonly ref: string;
  readonly imageTag: string;
  /** The app's image tags, by which the runs' titles are read. */
  readonly scheme: Pick<TagScheme, 'image'>;
  readonly baseline: RunBaseline;
  /** When the dispatch was sent (this machine's clock), for the message. */
  readonly askedAt: Date;
  readonly runsPage: string;
  readonly profileField: string;
}

/**
 * Did a dispatch whose answer was lost (`error`; none when GitHub accepted it without naming the run)
 * start a run? Only a connection that was never opened proves it did not. Otherwise Release Deck looks
 * for the run among the workflow's new runs, and not finding it proves nothing: GitHub creates the run
 * after accepting the dispatch, and it can take a while to appear.
 */
export async function lookForDispatchedRun(
  client: GitHubClient,
  look: DispatchLook,
  error: unknown,
  options: { attempts?: number; intervalMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<Outcome<WorkflowRunFact>> {
  if (isGitHubError(error) && error.notConnected !== undefined) {
    const code = error.notConnected;
    return notDone(({ l10n }) => l10n.t('{0}: the request never reached GitHub', code));
  }
  let match;
  try {
    match = await findDispatchedRun(client, look, options);
  } catch (failure) {
    return unknownOutcome((language) => language.l10n.t('whether it started a deployment of {0} cannot be told: its runs could not be read: {1}', look.imageTag, describeError(failure, language)), look.runsPage);
  }
  if (match.kind === 'found') {
    return { kind: 'done', value: match.run };
  }
  if (match.kind === 'ambiguous') {
    const runs = match.runs.map((run) => `"${run.displayTitle}"`).join(', ');
    return unknownOutcome(({ l10n }) => l10n.t('new runs of {0} appeared ({1}), but their titles do not tell whether one deploys {2} for this request', look.workflow, runs, look.imageTag), look.runsPage);
  }
  return unknownOutcome(
    ({ l10n, locale }) => l10n.t('no run of {0} for {1} on {2} has appeared since {3}: whether GitHub started one is unknown (it can create a run a while after accepting a dispatch)', look.workflow, look.imageTag, look.ref, formatClock(look.askedAt, locale)),
    look.runsPage,
  );
}

export interface LookOptions {
  /** How many times the release (or run) is read in all; the waits between reads are `intervalMs`. */
  readonly attempts?: number;
  readonly intervalMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** This machine's clock, for the time a read is said to have been made at. */
  readonly now?: () => Date;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Did a publish whose answer was lost (`error`) publish the release? Only a connection that was never opened
 * proves it did not. Otherwise the release is read again, a few times over about 30 s while it still shows a
 * draft: GitHub may still be applying a request whose answer it lost, so a draft read afterwards proves nothing
 * and the outcome stays unknown (said with the time it was read at).
 */
export async function lookForPublishedRelease(
  client: GitHubClient,
  monorepo: string,
  releaseId: number,
  expected: { tagName: string; targetCommitish: string; releasePage: string },
  error?: unknown,
  options: LookOptions = {},
): Promise<Outcome<ReleaseFact>> {
  if (isGitHubError(error) && error.notConnected !== undefined) {
    const notConnected = error.notConnected;
    return notDone(({ l10n }) => l10n.t('{0}: the request never reached GitHub', notConnected));
  }
  const read = await readAgain(() => getRelease(client, monorepo, releaseId), (found) => !found.draft, options);
  if (read.kind === 'failed') {
    const failure = read.error;
    return unknownOutcome((language) => language.l10n.t('the release could not be read again: {0}', describeError(failure, language)), expected.releasePage);
  }
  const { value: release, readAt } = read;
  if (release.draft) {
    const at = readAt;
    return unknownOutcome(({ l10n, locale }) => l10n.t('GitHub still showed {0} as a draft when read at {1}, but a lost answer is no refusal: GitHub may still publish it', expected.tagName, formatClock(at, locale)), expected.releasePage);
  }
  const published = release;
  if (published.tagName !== expected.tagName) {
    return unknownOutcome(({ l10n }) => l10n.t('the release is no longer a draft, but its tag is {0}, not {1}', published.tagName, expected.tagName), published.htmlUrl);
  }
  if (published.targetCommitish !== expected.targetCommitish) {
    return unknownOutcome(({ l10n }) => l10n.t('the release is published, but on {0}, not {1}', published.targetCommitish, expected.targetCommitish), published.htmlUrl);
  }
  return { kind: 'done', value: published };
}

/** A run acted on (Cancel Run, Re-run Failed Jobs) as the deck showed it before the request: its attempt (1 when not said). */
export interface RunActed {
  readonly repo: string;
  readonly runId: number;
  readonly action: 'cancel' | 'rerun';
  readonly attemptBefore: number;
  readonly runPage: string;
}

/**
 * Did a cancel or re-run whose answer was lost (`error`) act on the run? Only a connection that was never
 * opened proves it did not. Otherwise the run is read again, a few times over about 30 s while it does not
 * show the action: a re-run shows a new attempt (`run_attempt` + 1, queued or in progress); a cancel, the run
 * completed `cancelled`. A run that ended otherwise was not cancelled. Still unsettled: unknown, with the time.
 */
export async function lookForRunAction(client: GitHubClient, acted: RunActed, error: unknown, options: LookOptions = {}): Promise<Outcome<WorkflowRunFact>> {
  if (isGitHubError(error) && error.notConnected !== undefined) {
    const notConnected = error.notConnected;
    return notDone(({ l10n }) => l10n.t('{0}: the request never reached GitHub', notConnected));
  }
  const read = await readAgain(() => getRun(client, acted.repo, acted.runId), (found) => runActionShown(acted, found), options);
  if (read.kind === 'failed') {
    const failure = read.error;
    return unknownOutcome((language) => language.l10n.t('the run could not be read again: {0}', describeError(failure, language)), acted.runPage);
  }
  const { value: run, readAt } = read;
  const seen = run;
  if (runActionShown(acted, seen)) {
    return { kind: 'done', value: seen };
  }
  if (acted.action === 'cancel' && seen.status === 'completed') {
    return notDone(({ l10n }) => l10n.t('the run ended in {0}, so there was nothing left to cancel', seen.conclusion ?? seen.status));
  }
  const at = readAt;
  return acted.action === 'rerun'
    ? unknownOutcome(({ l10n, locale }) => l10n.t('the run still showed attempt {0} when read at {1}, but a lost answer is no refusal: GitHub may still re-run it', acted.attemptBefore, formatClock(at, locale)), acted.runPage)
    : unknownOutcome(({ l10n, locale }) => l10n.t('the run was still {0} when read at {1}: whether GitHub stops it is unknown', seen.status, formatClock(at, locale)), acted.runPage);
}

/**
 * Reads something again after a lost answer, up to `options.attempts` times (4) `intervalMs` apart, until
 * `shows` says it shows the change: the last value read and when, or the first read that failed.
 */
async function readAgain<T>(read: () => Promise<T>, shows: (value: T) => boolean, options: LookOptions): Promise<{ readonly kind: 'read'; readonly value: T; readonly readAt: Date } | { readonly kind: 'failed'; readonly error: unknown }> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? ((): Date => new Date());
  let value: T | undefined;
  let readAt = now();
  for (let attempt = 0; attempt < attempts && (value === undefined || !shows(value)); attempt += 1) {
    if (attempt > 0) {
      await sleep(options.intervalMs ?? 10_000);
    }
    try {
      value = await read();
      readAt = now();
    } catch (error) {
      return { kind: 'failed', error };
    }
  }
  // At least one read was made, and a failed one returned above.
  return { kind: 'read', value: value as T, readAt };
}

/** Whether the run shows the action applied: a new attempt that runs or ran, or the run cancelled. */
function runActionShown(acted: RunActed, run: WorkflowRunFact): boolean {
  if (acted.action === 'cancel') {
    return run.status === 'completed' && run.conclusion === 'cancelled';
  }
  return (run.runAttempt ?? 1) > acted.attemptBefore || (run.runAttempt === undefined && run.status !== 'completed');
}
