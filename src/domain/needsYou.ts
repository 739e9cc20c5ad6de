import { runDuration, runFailed, runTarget } from './runWords';
import type { AppDeck, DeckSnapshot, DeploymentRecord, DraftRelease, EnvironmentDeck } from './snapshot';
import type { ChangelogPull } from './changelogPulls';
import { ago, placeLabel, plural } from './words';
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

/** Everything waiting on a person, most urgent first: reviews, failures, changelog PRs, old drafts. */
export function needsYou(snapshot: DeckSnapshot, options: NeedsYouOptions): NeedsYouEntry[] {
  const now = new Date(snapshot.generatedAt);
  const waiting: NeedsYouEntry[] = [];
  const failed: NeedsYouEntry[] = [];
  const pulls: NeedsYouEntry[] = [];
  const drafts: NeedsYouEntry[] = [];
  for (const app of snapshot.apps) {
    for (const environment of app.environments) {
      // A wait only on the environment's wait timer ends by itself: nobody is needed (deploymentReview.ts).
      for (const record of environment.runs.filter((run) => run.status === 'waiting' && !(run.review !== undefined && timerOnly(run.review)))) {
        waiting.push(waitingEntry(app, environment, record, now));
      }
      const failure = unrecoveredFailure(environment);
      if (failure !== undefined) {
        failed.push(failedEntry(app, environment, failure, now));
      }
    }
    for (const pull of app.changelogPulls) {
      pulls.push(pullEntry(app, pull));
    }
    const draft = staleDraft(app, now, options.draftAgeDays);
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

function waitingEntry(app: AppDeck, environment: EnvironmentDeck, record: DeploymentRecord, now: Date): NeedsYouEntry {
  const place = placeLabel(app.app, environment.environment);
  return {
    kind: 'waitingReview',
    id: `waiting:${record.runId}`,
    appId: app.app.id,
    environmentId: environment.environment.id,
    record,
    label: `Review the deployment of ${runTarget(record)}`,
    description: `${place} · waiting ${ago(record.updatedAt, now).replace(' ago', '')}`,
    detail: `${record.actor}'s deployment of ${runTarget(record)} to ${place} waits for a reviewer of the environment to approve or reject it (GitHub's environment protection rules). Nothing is deployed until someone does.${record.review !== undefined ? ` Who may review: ${reviewersWords(record.review)}. ${reviewHint(record.review)}` : ''}`,
    url: record.runUrl,
  };
}

function failedEntry(app: AppDeck, environment: EnvironmentDeck, record: DeploymentRecord, now: Date): NeedsYouEntry {
  const place = placeLabel(app.app, environment.environment);
  const took = runDuration(record);
  const still = environment.running?.imageTag !== undefined ? ` ${environment.running.imageTag} still runs there.` : '';
  return {
    kind: 'failedDeployment',
    id: `failed:${app.app.id}/${environment.environment.id}/${record.runId}`,
    appId: app.app.id,
    environmentId: environment.environment.id,
    record,
    label: `Failed deployment of ${runTarget(record)}`,
    description: `${place} · ${ago(record.updatedAt, now)} by ${record.actor}`,
    detail: `The last deployment to ${place} (${record.title}, started by ${record.actor}) failed${took !== undefined ? ` after ${took}` : ''}, and no deployment has succeeded there since.${still} Look at the failed run, then deploy again or roll back.`,
    url: record.runUrl,
  };
}

function pullEntry(app: AppDeck, pull: ChangelogPull): NeedsYouEntry {
  return {
    kind: 'changelogPull',
    id: `pull:${app.app.id}/${pull.number}`,
    appId: app.app.id,
    pull,
    label: `Review changelog PR #${pull.number}`,
    description: `${app.app.label} · ${pull.gitTag ?? pull.branch}`,
    detail: `The release workflow opened "${pull.title}" after ${pull.gitTag ?? `a release of ${app.app.label}`} was published: review and merge it to add the changelog.`,
    url: pull.htmlUrl,
  };
}

/**
 * The app's draft when it has changes and they have waited longer than `ageDays`: since the first
 * change of the app after its newest release was published, when the app's commits are known, else since
 * that publish (an upper bound: the first change may have come later), else since the draft was drafted.
 */
export function staleDraft(app: AppDeck, now: Date, ageDays: number): NeedsYouEntry | undefined {
  const draft = app.draft;
  if (draft === undefined || draft.changeCount === 0 || !(ageDays > 0)) {
    return undefined;
  }
  const since = changesWaitingSince(app, draft);
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
    label: `Publish ${draft.gitTag}?`,
    description: `${app.app.label} · ${plural(draft.changeCount, 'change')} · ${plural(waitingDays, 'day')} unpublished`,
    detail: `${plural(draft.changeCount, 'change')} of ${app.app.label} have waited ${plural(waitingDays, 'day')} ${since.why}, more than the ${plural(ageDays, 'day')} of the setting releaseDeck.needsYou.draftAgeDays. Read the release notes, then publish the draft (or leave it: it stays here until published).`,
    url: draft.htmlUrl,
  };
}

function changesWaitingSince(app: AppDeck, draft: DraftRelease): { readonly at: string; readonly why: string } {
  const newest = app.releases[0];
  if (newest === undefined) {
    // A date-stamped draft is named for when it was drafted; under another scheme GitHub's created_at says it.
    return { at: draft.version.kind === 'date' ? new Date(draft.version.date.epochMs).toISOString() : draft.createdAt, why: `since the draft was drafted (${app.app.label} has no published release)` };
  }
  const changed = app.changedCommits;
  if (changed?.known === true) {
    const after = changed.commits.filter((commit) => Date.parse(commit.date) > Date.parse(newest.publishedAt));
    const first = after[after.length - 1];
    if (first !== undefined) {
      return { at: first.date, why: `since the first change after ${newest.imageTag} was published` };
    }
  }
  return { at: newest.publishedAt, why: `since ${newest.imageTag} was published` };
}

/** The badge's tooltip: how many things, of which kinds. */
export function needsYouSummary(entries: readonly NeedsYouEntry[]): string {
  if (entries.length === 0) {
    return 'Nothing needs you.';
  }
  const count = (kind: NeedsYouKind): number => entries.filter((entry) => entry.kind === kind).length;
  const parts = [
    [count('waitingReview'), 'deployment waiting for review', 'deployments waiting for review'],
    [count('failedDeployment'), 'failed deployment', 'failed deployments'],
    [count('changelogPull'), 'changelog PR to review', 'changelog PRs to review'],
    [count('staleDraft'), 'draft left unpublished', 'drafts left unpublished'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return `${entries.length === 1 ? '1 thing needs' : `${entries.length} things need`} you: ${said.join(', ')}.`;
}
