import type { AppDeck, DeploymentRecord, EnvironmentDeck, RollbackTarget, RunningVersion } from './snapshot';
import { english, type L10n } from './l10n';
import type { CommitFact } from './facts';
import type { AppProfile, EnvironmentProfile } from './profileTypes';
import { shortSha } from './tags';
import { DEFAULT_IMAGE_SCHEME, readImageTag, type TagScheme } from './tagScheme';
import { compareReleaseVersions } from './releaseVersion';
import { commitTitle, placeLabel } from './words';

/**
 * Tells which of two image tags is the older release: negative when `a` is older than `b`, zero when they
 * are the same version, undefined when it cannot be told. Release tags (`rel-{date}`, `v{version}`…)
 * compare by their date or semantic version; commit tags by their place on main, when both are among its recent commits (`commitIndex`, newest
 * first). Anything else (a commit beyond the recent ones, a commit against a release) is not guessed.
 */
export type ImageTagOrder = (a: string, b: string) => number | undefined;

export function imageTagOrder(commitIndex: ReadonlyMap<string, number>, scheme: Pick<TagScheme, 'image'> = DEFAULT_IMAGE_SCHEME): ImageTagOrder {
  return (a, b) => {
    if (a === b) {
      return 0;
    }
    const first = readImageTag(scheme, a);
    const second = readImageTag(scheme, b);
    if (!first.ok || !second.ok) {
      return undefined;
    }
    if (first.value.kind === 'release' && second.value.kind === 'release') {
      return compareReleaseVersions(first.value.version, second.value.version);
    }
    if (first.value.kind === 'commit' && second.value.kind === 'commit') {
      const indexA = commitIndex.get(first.value.sha);
      const indexB = commitIndex.get(second.value.sha);
      return indexA !== undefined && indexB !== undefined ? indexB - indexA : undefined;
    }
    return undefined;
  };
}

/**
 * Marks the versions that were rolled away from. Walking the successful deployments newest first, a
 * version's stretch (its consecutive deployments, redeploys included) was rolled away from when the
 * deployment that replaced it deployed an older release: that successor is a roll back away from it.
 * When the two image tags cannot be ordered, the record says so instead of guessing.
 */
export function markRollbacks(history: readonly DeploymentRecord[], order: ImageTagOrder): DeploymentRecord[] {
  const marked: DeploymentRecord[] = [];
  let successor: DeploymentRecord | undefined;
  for (const [index, record] of history.entries()) {
    const newer = history[index - 1];
    if (newer !== undefined && (record.imageTag === undefined || newer.imageTag !== record.imageTag)) {
      successor = newer;
    }
    marked.push(successor === undefined ? record : { ...record, ...standing(record, successor, order) });
  }
  return marked;
}

function standing(record: DeploymentRecord, successor: DeploymentRecord, order: ImageTagOrder): Pick<DeploymentRecord, 'rolledAwayFrom' | 'rollbackOrderUnknown'> {
  if (record.imageTag === undefined) {
    return {};
  }
  const comparison = successor.imageTag !== undefined ? order(successor.imageTag, record.imageTag) : undefined;
  if (comparison === undefined) {
    const replacement = successor.imageTag ?? `the run "${successor.title}"`;
    return {
      rollbackOrderUnknown: `Whether ${record.imageTag} was rolled away from is unknown: which of it and ${replacement}, deployed after it, is the older release cannot be told (a commit image tag carries no date, and only the monorepo's recent commits have a known order).`,
    };
  }
  return comparison < 0 && successor.imageTag !== undefined ? { rolledAwayFrom: { on: successor.updatedAt.slice(0, 10), toImageTag: successor.imageTag } } : {};
}

/** A few words on whether a deployed version still counts as working, for pickers and the history. */
export function standingWords(record: DeploymentRecord, l10n: L10n = english): string | undefined {
  if (record.rolledAwayFrom !== undefined) {
    return l10n.t('rolled away from on {0}', record.rolledAwayFrom.on);
  }
  return record.rollbackOrderUnknown !== undefined ? l10n.t('rolled away from? unknown') : undefined;
}

/**
 * The last known working tag: the newest successful deployment older than the one running now that
 * deployed a different image tag and was not rolled away from (`markRollbacks`). Failed runs never count,
 * since only successful ones are in `history`.
 */
export function lastKnownWorkingDeployment(
  history: readonly DeploymentRecord[],
  running: RunningVersion | undefined,
  app: AppProfile,
  environment: EnvironmentProfile,
): RollbackTarget {
  if (environment.deploy.kind !== 'workflow') {
    return {
      ok: false,
      reason: `${placeLabel(app, environment)} is deployed by hand; follow its manual procedure with the last known working image tag.`,
    };
  }
  const runningTags = new Set<string>();
  if (running?.imageTag !== undefined) {
    runningTags.add(running.imageTag);
  }
  if (running?.sha !== undefined) {
    runningTags.add(running.sha);
  }
  if (running?.release !== undefined) {
    runningTags.add(running.release.imageTag);
  }
  // With nothing known about what runs, the newest successful deployment is taken to be it.
  if (runningTags.size === 0 && history[0]?.imageTag !== undefined) {
    runningTags.add(history[0].imageTag);
  }
  const runningIndex = history.findIndex((record) => record.imageTag !== undefined && runningTags.has(record.imageTag));
  const older = history.slice(runningIndex + 1);
  const target = older.find((record) => record.imageTag !== undefined && !runningTags.has(record.imageTag) && record.rolledAwayFrom === undefined);
  if (target?.imageTag === undefined) {
    const workflow = environment.deploy.workflow;
    const rolledAway = older.find((record) => record.imageTag !== undefined && !runningTags.has(record.imageTag) && record.rolledAwayFrom !== undefined);
    const skipped = rolledAway?.rolledAwayFrom !== undefined ? ` ${rolledAway.imageTag ?? ''} was rolled away from on ${rolledAway.rolledAwayFrom.on} (replaced by the older ${rolledAway.rolledAwayFrom.toImageTag}), so it is not known to work.` : '';
    return {
      ok: false,
      reason: `No earlier successful deployment of ${placeLabel(app, environment)} with a different image tag is in the history of ${workflow}, so there is no known working tag to roll back to.${skipped} Choose a specific image tag with "Deploy…" instead.`,
    };
  }
  return { ok: true, deployment: target, imageTag: target.imageTag };
}

export interface DeployCandidate {
  readonly imageTag: string;
  readonly kind: 'release' | 'deployment' | 'commit';
  readonly label: string;
  readonly detail: string;
}

const MAX_RELEASES = 20;
const MAX_DEPLOYMENTS = 20;
const MAX_COMMITS = 20;

/**
 * What can be deployed to an environment: published releases' image tags, the tags of recent
 * successful deployments, and (outside production) recent commits of main. Each image tag appears once.
 */
export function deployCandidates(app: AppDeck, environment: EnvironmentDeck, mainCommits: readonly CommitFact[]): DeployCandidate[] {
  const candidates: DeployCandidate[] = [];
  const seen = new Set<string>();
  const add = (candidate: DeployCandidate): void => {
    if (!seen.has(candidate.imageTag)) {
      seen.add(candidate.imageTag);
      candidates.push(candidate);
    }
  };
  const runningTag = environment.running?.imageTag;
  for (const release of app.releases.slice(0, MAX_RELEASES)) {
    add({
      imageTag: release.imageTag,
      kind: 'release',
      label: release.imageTag,
      detail: `${release.prerelease ? 'Pre-release' : 'Published release'} ${release.gitTag}${release.imageTag === runningTag ? ' · runs there now' : ''}`,
    });
  }
  for (const record of environment.history.slice(0, MAX_DEPLOYMENTS)) {
    if (record.imageTag !== undefined) {
      add({
        imageTag: record.imageTag,
        kind: 'deployment',
        label: record.imageTag,
        detail: [
          `Deployed successfully on ${record.updatedAt.slice(0, 10)} by ${record.actor}`,
          record.imageTag === runningTag ? 'runs there now' : undefined,
          standingWords(record),
        ].filter((part) => part !== undefined).join(' · '),
      });
    }
  }
  if (!environment.environment.production) {
    for (const commit of mainCommits.slice(0, MAX_COMMITS)) {
      add({
        imageTag: commit.sha,
        kind: 'commit',
        label: shortSha(commit.sha),
        detail: `${commitTitle(commit.message)} · ${commit.author}`,
      });
    }
  }
  return candidates;
}
