import type { DeckFacts } from './facts';
import { wrongEnvironmentWarning } from './environmentName';
import type { AppProfile, EnvironmentProfile } from './profileTypes';
import type { DeploymentRecord, EnvironmentState, PublishedRelease, RunningVersion } from './snapshot';
import { commitsStartingWith, isFullSha } from './tags';
import { readImageTag, tagSchemeOf, type SchemedApp, type TagScheme } from './tagScheme';
import { commitTitle } from './words';
import { english, type L10n } from './l10n';
import { versionReason } from './versionFailure';

/** What resolving a running version needs of a refresh: the recent commits of main, indexed by SHA. */
export interface CommitContext {
  readonly facts: Pick<DeckFacts, 'mainCommits'>;
  readonly commitIndex: ReadonlyMap<string, number>;
  /** The language of the problems said (English without it). */
  readonly l10n?: L10n;
}

export interface RunningResult {
  readonly running?: RunningVersion;
  readonly problem?: string;
  readonly problemState?: EnvironmentState;
  /** Its /version names another environment of the app (see environmentName.ts). */
  readonly versionWarning?: string;
}

export function runningVersion(
  app: AppProfile,
  environment: EnvironmentProfile,
  version: DeckFacts['versions'][string] | undefined,
  lastSuccessful: DeploymentRecord | undefined,
  releases: readonly PublishedRelease[],
  context: CommitContext,
): RunningResult {
  const l10n = context.l10n ?? english;
  if (environment.versionUrl !== undefined) {
    if (version === undefined || version.kind === 'unreachable') {
      const reason = version?.kind === 'unreachable' ? versionReason(version, l10n) : l10n.t('it was not asked');
      const fallback = lastSuccessful !== undefined ? fromDeployment(lastSuccessful, releases, context) : undefined;
      const unreached = l10n.t('{0} could not be reached ({1}).', environment.versionUrl, reason);
      return {
        ...(fallback !== undefined ? { running: fallback } : {}),
        problem: fallback?.imageTag !== undefined ? `${unreached} ${l10n.t('The last successful deployment was {0}.', fallback.imageTag)}` : unreached,
        problemState: 'unreachable',
      };
    }
    if (version.kind === 'malformed') {
      return { problem: l10n.t('{0} answered something that is not a version: {1}', environment.versionUrl, versionReason(version, l10n)), problemState: 'unknown' };
    }
    const warning = wrongEnvironmentWarning(app, environment, version.environment, l10n);
    if (warning !== undefined) {
      // Not proof of what runs here: fall back to the last successful deployment, as when it cannot be reached.
      const fallback = lastSuccessful !== undefined ? fromDeployment(lastSuccessful, releases, context) : undefined;
      const notTaken = l10n.t('Its /version says it is {0}: the URL may point at the wrong environment ({1}), so its answer is not taken as what runs here.', version.environment.trim(), environment.versionUrl);
      return {
        ...(fallback !== undefined ? { running: fallback } : {}),
        problem: fallback?.imageTag !== undefined ? `${notTaken} ${l10n.t('The last successful deployment was {0}.', fallback.imageTag)}` : notTaken,
        problemState: 'unknown',
        versionWarning: warning,
      };
    }
    return fromVersionAnswer(version.release, lastSuccessful, releases, context, environment.versionUrl, tagSchemeOf(app));
  }
  if (lastSuccessful !== undefined) {
    const running = fromDeployment(lastSuccessful, releases, context);
    return running !== undefined ? { running } : {};
  }
  return {};
}

function fromVersionAnswer(
  release: string,
  lastSuccessful: DeploymentRecord | undefined,
  releases: readonly PublishedRelease[],
  context: CommitContext,
  url: string,
  scheme: TagScheme,
): RunningResult {
  if (isFullSha(release)) {
    // The image's build commit usually precedes the git tag's commit (later commits of main may not touch
    // the app): a release matches by either (buildSha, sameBuild.ts); else the last successful deployment's.
    const byCommit = releases.find((candidate) => candidate.commitSha === release || candidate.buildSha === release);
    const deployed = releaseOfImageTag(lastSuccessful?.imageTag, releases);
    // Unless that release's build is known to be another commit.
    const deployedRelease = deployed?.buildSha === undefined || deployed.buildSha === release ? deployed : undefined;
    const matched = byCommit ?? deployedRelease;
    return { running: withCommit({ sha: release, source: 'version endpoint', ...releaseFields(matched, release) }, context) };
  }
  const tag = readImageTag(scheme, release);
  if (tag.ok && tag.value.kind === 'release') {
    const matched = releaseOfImageTag(tag.value.text, releases);
    return {
      running: withCommit(
        { ...(matched?.commitSha !== undefined ? { sha: matched.commitSha } : {}), source: 'version endpoint', ...releaseFields(matched, tag.value.text) },
        context,
      ),
    };
  }
  const l10n = context.l10n ?? english;
  // A commit named by 7 to 39 characters: a `{sha7}` image tag, or an abbreviated SHA. Taken only when
  // exactly one known commit starts with it: a shorter or shared prefix names no commit for sure.
  const prefix = tag.ok && tag.value.kind === 'commit' ? tag.value.sha : /^[0-9a-f]{7,39}$/.test(release) ? release : undefined;
  if (prefix !== undefined) {
    const known = [...releases.flatMap((candidate) => [candidate.commitSha, candidate.buildSha]), ...context.facts.mainCommits.map((commit) => commit.sha)];
    const matches = commitsStartingWith(prefix, known);
    const [only] = matches;
    if (only !== undefined && matches.length === 1) {
      return fromVersionAnswer(only, lastSuccessful, releases, context, url, scheme);
    }
    return {
      problem:
        matches.length > 1
          ? l10n.t('{0} answered "{1}", and {2} commits start with {3} ({4}): which one runs cannot be told. A /version answer with the full 40-character SHA would say.', url, release.slice(0, 60), matches.length, prefix, matches.map((sha) => sha.slice(0, 12)).join(', '))
          : l10n.t('{0} answered "{1}", commit {2}…, which is neither a published release nor among the monorepo\'s recent commits.', url, release.slice(0, 60), prefix),
      problemState: 'unknown',
    };
  }
  return { problem: l10n.t('{0} answered release "{1}", which is neither a commit SHA nor an image tag.', url, release.slice(0, 60)), problemState: 'unknown' };
}

/**
 * Whether a deployment deployed what runs now: the same image tag, or an image tag naming the running
 * commit (its full SHA, or a `{sha7}` tag of it) while the running version is known by another tag.
 */
export function runsNow(record: Pick<DeploymentRecord, 'imageTag'>, running: RunningVersion | undefined, app: SchemedApp): boolean {
  if (record.imageTag === undefined || running === undefined) {
    return false;
  }
  if (record.imageTag === running.imageTag) {
    return true;
  }
  const tag = readImageTag(tagSchemeOf(app), record.imageTag);
  return running.sha !== undefined && tag.ok && tag.value.kind === 'commit' && commitsStartingWith(tag.value.sha, [running.sha]).length === 1;
}

function fromDeployment(record: DeploymentRecord, releases: readonly PublishedRelease[], context: CommitContext): RunningVersion | undefined {
  if (record.imageTag === undefined) {
    return undefined;
  }
  if (isFullSha(record.imageTag)) {
    const matched = releases.find((candidate) => candidate.commitSha === record.imageTag);
    return withCommit({ sha: record.imageTag, source: 'last deployment', ...releaseFields(matched, record.imageTag) }, context);
  }
  const matched = releaseOfImageTag(record.imageTag, releases);
  return withCommit(
    { ...(matched?.commitSha !== undefined ? { sha: matched.commitSha } : {}), source: 'last deployment', ...releaseFields(matched, record.imageTag) },
    context,
  );
}

function releaseFields(release: PublishedRelease | undefined, fallbackImageTag: string): { release?: PublishedRelease; imageTag: string } {
  return release !== undefined ? { release, imageTag: release.imageTag } : { imageTag: fallbackImageTag };
}

function releaseOfImageTag(imageTag: string | undefined, releases: readonly PublishedRelease[]): PublishedRelease | undefined {
  return imageTag === undefined ? undefined : releases.find((release) => release.imageTag === imageTag);
}

function withCommit(running: RunningVersion, context: CommitContext): RunningVersion {
  if (running.sha === undefined) {
    return running;
  }
  const index = context.commitIndex.get(running.sha);
  const commit = index !== undefined ? context.facts.mainCommits[index] : undefined;
  return commit !== undefined ? { ...running, commitTitle: commitTitle(commit.message) } : running;
}
