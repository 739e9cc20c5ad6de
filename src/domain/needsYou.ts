import { runDuration, runFailed, runTarget } from './runWords';
import type { AppDeck, DeckSnapshot, DeploymentRecord, DraftRelease, EnvironmentDeck } from './snapshot';
import type { ChangelogPull } from './changelogPulls';
import { ago, counts, elapsed, placeLabel } from './words';
import { english, type L10n } from './l10n';
import { reviewersWords, reviewHint, timerOnly } from './deploymentReview';

/**
 * What waits on a person, read from one snapshot (no request of its own): deployments waiting for
 * review, changelog pull requests to review, failed deployments not yet followed by a success, and
 * drafts with changes left unpublished for longer than the user's limit.
 */

interface EntryBase {
  /** Stable across refreshes while it is the same thing waiting (a tree item id, a command's reference). */
  readonly id: string;
  readonly appId: string;
  /** One line: what waits. */
  readonly label: string;
  /** Beside the label: where, since when. */
  readonly description: string;
  /** What it is, why it is here and what to do next. */
  readonly detail: string;
  /** The page on GitHub it is about. */
  readonly url: string;
}

export type NeedsYouEntry =
  | (EntryBase & { readonly kind: 'waitingReview'; readonly environmentId: string; readonly record: DeploymentRecord })
  | (EntryBase & { readonly kind: 'failedDeployment'; readonly environmentId: string; readonly record: DeploymentRecord })
  | (EntryBase & { readonly kind: 'changelogPull'; readonly pull: ChangelogPull })
  | (EntryBase & { readonly kind: 'staleDraft'; readonly draft: DraftRelease; readonly waitingDays: number });

export type NeedsYouKind = NeedsYouEntry['kind'];

export interface NeedsYouOptions {
  /** Days a draft with changes may stay unpublished before it needs someone; 0 leaves drafts out. */
  readonly draftAgeDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The language the entries are said in: `l10n` (English by default) and `locale`'s relative times. */
interface Speech {
  readonly l10n: L10n;
  readonly locale: string;
}

/** Everything waiting on a person, most urgent first: reviews, failures, changelog PRs, old drafts. */
export function needsYou(snapshot: DeckSnapshot, options: NeedsYouOptions, l10n: L10n = english, locale = 'en'): NeedsYouEntry[] {
  const speech: Speech = { l10n, locale };
  const now = new Date(snapshot.generatedAt);
  const waiting: NeedsYouEntry[] = [];
  const failed: NeedsYouEntry[] = [];
  const pulls: NeedsYouEntry[] = [];
  const drafts: NeedsYouEntry[] = [];
  for (const app of snapshot.apps) {
    for (const environment of app.environments) {
      // A wait only on the environment's wait timer ends by itself: nobody is needed (deploymentReview.ts).
      for (const record of environment.runs.filter((run) => run.status === 'waiting' && !(run.review !== undefined && timerOnly(run.review)))) {
        waiting.push(waitingEntry(app, environment, record, now, speech));
      }
      const failure = unrecoveredFailure(environment);
      if (failure !== undefined) {
        failed.push(failedEntry(app, environment, failure, now, speech));
      }
    }
    for (const pull of app.changelogPulls) {
      pulls.push(pullEntry(app, pull, l10n));
    }
    const draft = staleDraft(app, now, options.draftAgeDays, l10n);
    if (draft !== undefined) {
      drafts.push(draft);
    }
  }
  return [...waiting, ...failed, ...pulls, ...drafts];
}

/** The environment's newest finished deployment when it failed: no success has followed it yet. */
export function unrecoveredFailure(environment: EnvironmentDeck): DeploymentRecord | undefined {
  const last = environment.lastDeployment;
  return last !== undefined && runFailed(last) ? last : undefined;
}

function waitingEntry(app: AppDeck, environment: EnvironmentDeck, record: DeploymentRecord, now: Date, { l10n, locale }: Speech): NeedsYouEntry {
  const place = placeLabel(app.app, environment.environment);
  const waited = elapsed(record.updatedAt, now, locale);
  const review = record.review;
  return {
    kind: 'waitingReview',
    id: `waiting:${record.runId}`,
    appId: app.app.id,
    environmentId: environment.environment.id,
    record,
    label: l10n.t('Review the deployment of {0}', runTarget(record)),
    description: waited !== undefined ? l10n.t('{0} · waiting {1}', place, waited) : l10n.t('{0} · waiting since an unknown time', place),
    detail: [
      l10n.t("{0}'s deployment of {1} to {2} waits for a reviewer of the environment to approve or reject it (GitHub's environment protection rules). Nothing is deployed until someone does.", record.actor, runTarget(record), place),
      ...(review !== undefined ? [l10n.t('Who may review: {0}.', reviewersWords(review, l10n)), reviewHint(review, l10n)] : []),
    ].join(' '),
    url: record.runUrl,
  };
}

function failedEntry(app: AppDeck, environment: EnvironmentDeck, record: DeploymentRecord, now: Date, { l10n, locale }: Speech): NeedsYouEntry {
  const place = placeLabel(app.app, environment.environment);
  const took = runDuration(record, l10n);
  const still = environment.running?.imageTag !== undefined ? l10n.t('{0} still runs there.', environment.running.imageTag) : undefined;
  return {
    kind: 'failedDeployment',
    id: `failed:${app.app.id}/${environment.environment.id}/${record.runId}`,
    appId: app.app.id,
    environmentId: environment.environment.id,
    record,
    label: l10n.t('Failed deployment of {0}', runTarget(record)),
    description: l10n.t('{0} · {1} by {2}', place, ago(record.updatedAt, now, locale, l10n), record.actor),
    detail: [
      took !== undefined
        ? l10n.t('The last deployment to {0} ({1}, started by {2}) failed after {3}, and no deployment has succeeded there since.', place, record.title, record.actor, took)
        : l10n.t('The last deployment to {0} ({1}, started by {2}) failed, and no deployment has succeeded there since.', place, record.title, record.actor),
      ...(still !== undefined ? [still] : []),
      l10n.t('Look at the failed run, then deploy again or roll back.'),
    ].join(' '),
    url: record.runUrl,
  };
}

function pullEntry(app: AppDeck, pull: ChangelogPull, l10n: L10n): NeedsYouEntry {
  return {
    kind: 'changelogPull',
    id: `pull:${app.app.id}/${pull.number}`,
    appId: app.app.id,
    pull,
    label: l10n.t('Review changelog PR #{0}', pull.number),
    description: `${app.app.label} · ${pull.gitTag ?? pull.branch}`,
    detail: l10n.t('The release workflow opened "{0}" after {1} was published: review and merge it to add the changelog.', pull.title, pull.gitTag ?? l10n.t('a release of {0}', app.app.label)),
    url: pull.htmlUrl,
  };
}

/**
 * The app's draft when it has changes and they have waited longer than `ageDays`: since the first
 * change of the app after its newest release was published, when the app's commits are known, else since
 * that publish (an upper bound: the first change may have come later), else since the draft was drafted.
 */
export function staleDraft(app: AppDeck, now: Date, ageDays: number, l10n: L10n = english): NeedsYouEntry | undefined {
  const draft = app.draft;
  if (draft === undefined || draft.changeCount === 0 || !(ageDays > 0)) {
    return undefined;
  }
  const since = changesWaitingSince(app, draft, l10n);
  const waitedMs = now.getTime() - Date.parse(since.at);
  if (!Number.isFinite(waitedMs) || waitedMs <= ageDays * DAY_MS) {
    return undefined;
  }
  const waitingDays = Math.floor(waitedMs / DAY_MS);
  return {
    kind: 'staleDraft',
    id: `draft:${app.app.id}/${draft.id}`,
    appId: app.app.id,
    draft,
    waitingDays,
    label: l10n.t('Publish {0}?', draft.gitTag),
    description: l10n.t('{0} · {1} · {2} unpublished', app.app.label, counts.change(draft.changeCount, l10n), counts.day(waitingDays, l10n)),
    detail: l10n.t(
      '{0} of {1} have waited {2} {3}, more than the {4} of the setting releaseDeck.needsYou.draftAgeDays. Read the release notes, then publish the draft (or leave it: it stays here until published).',
      counts.change(draft.changeCount, l10n),
      app.app.label,
      counts.day(waitingDays, l10n),
      since.why,
      counts.day(ageDays, l10n),
    ),
    url: draft.htmlUrl,
  };
}

function changesWaitingSince(app: AppDeck, draft: DraftRelease, l10n: L10n): { readonly at: string; readonly why: string } {
  const newest = app.releases[0];
  if (newest === undefined) {
    // A date-stamped draft is named for when it was drafted; under another scheme GitHub's created_at says it.
    return { at: draft.version.kind === 'date' ? new Date(draft.version.date.epochMs).toISOString() : draft.createdAt, why: l10n.t('since the draft was drafted ({0} has no published release)', app.app.label) };
  }
  const changed = app.changedCommits;
  if (changed?.known === true) {
    const after = changed.commits.filter((commit) => Date.parse(commit.date) > Date.parse(newest.publishedAt));
    const first = after[after.length - 1];
    if (first !== undefined) {
      return { at: first.date, why: l10n.t('since the first change after {0} was published', newest.imageTag) };
    }
  }
  return { at: newest.publishedAt, why: l10n.t('since {0} was published', newest.imageTag) };
}

/** The badge's tooltip: how many things, of which kinds. */
export function needsYouSummary(entries: readonly NeedsYouEntry[], l10n: L10n = english): string {
  if (entries.length === 0) {
    return l10n.t('Nothing needs you.');
  }
  const count = (kind: NeedsYouKind): number => entries.filter((entry) => entry.kind === kind).length;
  const parts: ReadonlyArray<readonly [number, (n: number) => string]> = [
    [count('waitingReview'), (n) => (n === 1 ? l10n.t('1 deployment waiting for review') : l10n.t('{0} deployments waiting for review', n))],
    [count('failedDeployment'), (n) => (n === 1 ? l10n.t('1 failed deployment') : l10n.t('{0} failed deployments', n))],
    [count('changelogPull'), (n) => (n === 1 ? l10n.t('1 changelog PR to review') : l10n.t('{0} changelog PRs to review', n))],
    [count('staleDraft'), (n) => (n === 1 ? l10n.t('1 draft left unpublished') : l10n.t('{0} drafts left unpublished', n))],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, words]) => words(n)).join(', ');
  return entries.length === 1 ? l10n.t('1 thing needs you: {0}.', said) : l10n.t('{0} things need you: {1}.', entries.length, said);
}
