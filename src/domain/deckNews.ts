import { versionKey } from './facts';
import { english, type L10n } from './l10n';
import { outcomeWords, runDuration, runFailed, runTarget } from './runWords';
import type { AppDeck, DeckSnapshot, DeploymentRecord, EnvironmentDeck, PublishedRelease } from './snapshot';
import { placeLabel } from './words';

/**
 * News from everyone: what changed between two refreshes, whoever did it (a colleague, CI, this window),
 * derived by comparing what the deck knew before with a new snapshot: no request of its own.
 *
 * What the deck knew is kept as a `NewsDigest`, small and plain (JSON), so that it survives a reload: the
 * first snapshot after a reload is compared with the digest saved before it, and announces only what
 * changed since.
 */

export type NewsKind = 'deploymentStarted' | 'deploymentWaiting' | 'deploymentFinished' | 'versionChanged' | 'releasePublished';

export interface NewsEvent {
  /** The same change always has the same key (run, release or version ids): it is announced once. */
  readonly key: string;
  readonly kind: NewsKind;
  /** A deployment that failed: announced even when only failures are wanted. */
  readonly failure: boolean;
  readonly appId: string;
  readonly environmentId?: string;
  /** What changed and who did it, as one or two sentences. */
  readonly message: string;
  readonly link?: { readonly label: string; readonly url: string };
}

/** What the deck knew, per environment and app, in the few fields news is derived from. */
export interface NewsDigest {
  readonly version: 1;
  /** Per `versionKey(app, environment)`: each listed run's id and phase, and when the newest run's latest attempt started (a re-run's is its own: runOrder.ts). */
  readonly environments: Readonly<Record<string, { readonly runs: Readonly<Record<string, string>>; readonly newestRunAt?: string; readonly running?: string; readonly runningLabel?: string }>>;
  /** Per app id: its published releases' ids, and the date its newest release tag names (epoch ms). */
  readonly apps: Readonly<Record<string, { readonly releases: readonly number[]; readonly newestReleaseMs?: number }>>;
}

/** A run's phase: its status, or `completed:{conclusion}`; then `#{attempt}` when it was re-run (`run_attempt` above 1). */
function phaseOf(record: DeploymentRecord): string {
  const phase = record.status === 'completed' ? `completed:${record.conclusion ?? 'unknown'}` : record.status;
  return record.attempt !== undefined ? `${phase}#${record.attempt}` : phase;
}

/**
 * What the digest knew of a run's latest attempt: its phase without the attempt; nothing when the digest
 * knew an earlier attempt only (a re-run is news of its own, as a new run is).
 */
function knownPhase(known: string | undefined, record: DeploymentRecord): string | undefined {
  const [phase, attempt] = (known ?? '').split('#');
  return known !== undefined && Number(attempt ?? 1) >= (record.attempt ?? 1) ? phase : undefined;
}

/** What runs there, as a person names it: its image tag, else its commit. */
function runningOf(environment: EnvironmentDeck): string | undefined {
  return environment.running?.imageTag ?? environment.running?.sha;
}

/**
 * What runs there, as compared between refreshes: its commit when known (a release that stops being
 * recognised, or starts to be, changes the name but not the version), else its image tag.
 */
function runningIdentity(environment: EnvironmentDeck): string | undefined {
  return environment.running?.sha ?? environment.running?.imageTag;
}

/** The digest of a snapshot: what the next comparison starts from. */
export function newsDigest(snapshot: DeckSnapshot): NewsDigest {
  const environments: Record<string, NewsDigest['environments'][string]> = {};
  const apps: Record<string, NewsDigest['apps'][string]> = {};
  for (const app of snapshot.apps) {
    const newest = app.releases[0];
    apps[app.app.id] = { releases: app.releases.map((release) => release.id), ...(newest !== undefined ? { newestReleaseMs: releaseMoment(newest) } : {}) };
    for (const environment of app.environments) {
      const running = runningIdentity(environment);
      const runningLabel = runningOf(environment);
      const newestRun = environment.runs[0];
      environments[versionKey(app.app.id, environment.environment.id)] = {
        runs: Object.fromEntries(environment.runs.map((record) => [String(record.runId), phaseOf(record)])),
        ...(newestRun !== undefined ? { newestRunAt: newestRun.startedAt } : {}),
        ...(running !== undefined ? { running } : {}),
        ...(runningLabel !== undefined && runningLabel !== running ? { runningLabel } : {}),
      };
    }
  }
  return { version: 1, environments, apps };
}

/** Reads a digest saved earlier (workspace state): anything else is no digest. */
export function readNewsDigest(value: unknown): NewsDigest | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const candidate = value as Partial<NewsDigest>;
  const isRecord = (field: unknown): field is Record<string, unknown> => typeof field === 'object' && field !== null && !Array.isArray(field);
  if (candidate.version !== 1 || !isRecord(candidate.environments) || !isRecord(candidate.apps)) {
    return undefined;
  }
  const environmentsOk = Object.values(candidate.environments).every((environment) => isRecord(environment) && isRecord(environment.runs) && Object.values(environment.runs).every((phase) => typeof phase === 'string'));
  const appsOk = Object.values(candidate.apps).every((app) => isRecord(app) && Array.isArray(app.releases) && app.releases.every((id) => typeof id === 'number'));
  return environmentsOk && appsOk ? (candidate as NewsDigest) : undefined;
}

/**
 * What changed between what the deck knew and a new snapshot. An environment or app the digest does not
 * know (a new profile) announces nothing; a run or release older than the newest one known (one that
 * came back into the listing's window) neither.
 */
export function newsBetween(before: NewsDigest, after: DeckSnapshot, l10n: L10n = english, locale = 'en'): NewsEvent[] {
  const events: NewsEvent[] = [];
  const speech = { l10n, locale };
  for (const app of after.apps) {
    const known = before.apps[app.app.id];
    if (known !== undefined) {
      events.push(...releaseNews(app, known, l10n));
    }
    for (const environment of app.environments) {
      const knownEnvironment = before.environments[versionKey(app.app.id, environment.environment.id)];
      if (knownEnvironment !== undefined) {
        events.push(...environmentNews(app, environment, knownEnvironment, speech));
      }
    }
  }
  return events;
}

/** The news between two snapshots (the digest of the first, then the second). */
export function snapshotNews(before: DeckSnapshot, after: DeckSnapshot, l10n: L10n = english, locale = 'en'): NewsEvent[] {
  return newsBetween(newsDigest(before), after, l10n, locale);
}

/** A release's moment for telling a newly published one: its tag's date, or (semantic versions) when it was published. */
function releaseMoment(release: PublishedRelease): number {
  return release.version.kind === 'date' ? release.version.date.epochMs : Date.parse(release.publishedAt);
}

function releaseNews(app: AppDeck, known: NewsDigest['apps'][string], l10n: L10n): NewsEvent[] {
  const ids = new Set(known.releases);
  // A newly published release is the app's newest (one draft per app, replaced on each push: openverse-facts §1.1).
  const newestKnown = known.newestReleaseMs ?? -Infinity;
  return app.releases
    .filter((release) => !ids.has(release.id) && releaseMoment(release) > newestKnown)
    .reverse()
    .map((release) => ({
      key: `release:${release.id}`,
      kind: 'releasePublished',
      failure: false,
      appId: app.app.id,
      // Publishing starts the release workflow, which tags the images afterwards: the image tag is what it will be, not a fact yet.
      message: release.publishedBy !== undefined
        ? l10n.t('{0} published {1} of {2} (image tag {3}).', release.publishedBy, release.gitTag, app.app.label, release.imageTag)
        : l10n.t('Published {0} of {1} (image tag {2}). Who published it is not known (its release workflow run is not listed).', release.gitTag, app.app.label, release.imageTag),
      link: { label: l10n.t('Open Release'), url: release.htmlUrl },
    }));
}

function environmentNews(app: AppDeck, environment: EnvironmentDeck, known: NewsDigest['environments'][string], speech: { readonly l10n: L10n; readonly locale: string }): NewsEvent[] {
  const { l10n } = speech;
  const events: NewsEvent[] = [];
  const place = placeLabel(app.app, environment.environment);
  const newestKnown = known.newestRunAt !== undefined ? Date.parse(known.newestRunAt) : -Infinity;
  const base = { appId: app.app.id, environmentId: environment.environment.id };
  // Oldest first, so that notifications come in the order things happened.
  for (const record of [...environment.runs].reverse()) {
    const phase = knownPhase(known.runs[String(record.runId)], record);
    // A re-run's news has keys of its own: its first attempt's were announced already.
    const id = record.attempt !== undefined ? `${record.runId}:${record.attempt}` : String(record.runId);
    const link = { label: l10n.t('Open Run'), url: record.runUrl };
    const target = runTarget(record);
    if (phase === undefined && Date.parse(record.startedAt) < newestKnown) {
      continue;
    }
    if (record.status === 'completed') {
      if (phase === undefined || !phase.startsWith('completed')) {
        events.push({ ...base, key: `run:${id}:completed`, kind: 'deploymentFinished', failure: runFailed(record), message: finishedMessage(environment, record, place, speech), link });
      }
      continue;
    }
    if (record.status === 'waiting' && phase !== 'waiting') {
      events.push({ ...base, key: `run:${id}:waiting`, kind: 'deploymentWaiting', failure: false, message: l10n.t("{0}'s deployment of {1} to {2} is waiting for review: a reviewer of the environment must approve it.", record.actor, target, place), link });
    } else if (phase === undefined) {
      events.push({ ...base, key: `run:${id}:started`, kind: 'deploymentStarted', failure: false, message: l10n.t('{0} started deploying {1} to {2} ({3}).', record.actor, target, place, record.event), link });
    }
  }
  const running = runningIdentity(environment);
  const label = runningOf(environment);
  // A version that changed with no deployment of it on record (deployed by hand, from elsewhere): what
  // the deployment runs above did not already say.
  if (known.running !== undefined && running !== undefined && running !== known.running && environment.lastSuccessfulDeployment?.imageTag !== label && environment.activeDeployment?.imageTag !== label) {
    const versionUrl = environment.environment.versionUrl;
    events.push({
      ...base,
      key: `version:${app.app.id}/${environment.environment.id}:${running}`,
      kind: 'versionChanged',
      failure: false,
      message: l10n.t('{0} now runs {1} (it ran {2}). No deployment run in the deck deployed it, so who changed it is not known.', place, label ?? running, known.runningLabel ?? known.running),
      ...(versionUrl !== undefined ? { link: { label: l10n.t('Open /version'), url: versionUrl } } : {}),
    });
  }
  return events;
}

function finishedMessage(environment: EnvironmentDeck, record: DeploymentRecord, place: string, { l10n, locale }: { readonly l10n: L10n; readonly locale: string }): string {
  const took = runDuration(record, l10n);
  const target = runTarget(record);
  if (record.conclusion === 'success') {
    return took !== undefined
      ? l10n.t("{0}'s deployment of {1} to {2} succeeded in {3}.", record.actor, target, place, took)
      : l10n.t("{0}'s deployment of {1} to {2} succeeded.", record.actor, target, place);
  }
  const ended = outcomeWords(record, l10n, locale);
  const said = took !== undefined
    ? l10n.t("{0}'s deployment of {1} to {2} {3} after {4}.", record.actor, target, place, ended, took)
    : l10n.t("{0}'s deployment of {1} to {2} {3}.", record.actor, target, place, ended);
  return environment.running !== undefined && runningOf(environment) !== record.imageTag ? `${said} ${l10n.t('{0} still runs there.', runningOf(environment) ?? '')}` : said;
}

/** "and 4 more changes": what is left once the first few notifications are shown. */
export function moreNews(count: number, l10n: L10n = english): string {
  return count === 1
    ? l10n.t("1 more change on the deck since the last refresh: see each environment's history in the Release Deck view.")
    : l10n.t("{0} more changes on the deck since the last refresh: see each environment's history in the Release Deck view.", count);
}
