import type { AppDeck, DeploymentRecord, EnvironmentDeck, RollbackTarget, RunningVersion } from './snapshot';
import type { CommitFact } from './facts';
import type { AppProfile, EnvironmentProfile } from './profileTypes';
import { shortSha } from './tags';
import { commitTitle, placeLabel } from './words';

/**
 * The last known working tag: the newest successful deployment older than the one running now that
 * deployed a different image tag. Failed runs never count, since only successful ones are in `history`.
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
  const target = older.find((record) => record.imageTag !== undefined && !runningTags.has(record.imageTag));
  if (target?.imageTag === undefined) {
    const workflow = environment.deploy.workflow;
    return {
      ok: false,
      reason: `No earlier successful deployment of ${placeLabel(app, environment)} with a different image tag is in the history of ${workflow}, so there is no known working tag to roll back to. Choose a specific image tag with "Deploy…" instead.`,
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
      detail: `Published release ${release.gitTag}${release.imageTag === runningTag ? ' · runs there now' : ''}`,
    });
  }
  for (const record of environment.history.slice(0, MAX_DEPLOYMENTS)) {
    if (record.imageTag !== undefined) {
      add({
        imageTag: record.imageTag,
        kind: 'deployment',
        label: record.imageTag,
        detail: `Deployed successfully on ${record.updatedAt.slice(0, 10)} by ${record.actor}${record.imageTag === runningTag ? ' · runs there now' : ''}`,
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
