import { english, type L10n } from './l10n';
import type { AppDeck, EnvironmentDeck } from './snapshot';
import { isFullSha, shortSha } from './tags';
import { DEFAULT_IMAGE_SCHEME, readImageTag, tagSchemeOf, type TagScheme } from './tagScheme';
import { compareReleaseVersions } from './releaseVersion';
import { findImageTagIn } from './runTitle';
import { ok, refuse, type Result } from './result';
import { placeLabel } from './words';

/** What a deployment would put where, checked before anything is sent to GitHub. */
export interface DeployTarget {
  readonly imageTag: string;
  /** The commit the image was built from, when known (a SHA tag, or a release whose tag commit is known). */
  readonly sha?: string;
  /** The release the image tag belongs to, if any. */
  readonly gitTag?: string;
  /**
   * For a release whose build commit the deck does not know: the commit its git tag names (`sha` then),
   * from which the deployment reads the build before checking /version (sameBuild.ts).
   */
  readonly tagCommit?: string;
}

/** Checks a typed or chosen image tag for an environment and says which commit it is. */
export function resolveDeployTarget(app: AppDeck, text: string): Result<DeployTarget> {
  const scheme = tagSchemeOf(app.app);
  const parsed = readImageTag(scheme, text.trim());
  if (!parsed.ok) {
    return refuse(parsed.error);
  }
  if (parsed.value.kind === 'commit') {
    return ok({ imageTag: parsed.value.text, sha: parsed.value.sha });
  }
  const release = app.releases.find((candidate) => candidate.imageTag === parsed.value.text);
  if (release === undefined && app.releases.length > 0) {
    const newest = app.releases[0];
    const known = app.environments.some((environment) => environment.history.some((record) => record.imageTag === parsed.value.text));
    if (!known && newest !== undefined && (compareReleaseVersions(parsed.value.version, newest.version) ?? 0) > 0) {
      return refuse(`${parsed.value.text} is newer than ${app.app.label}'s newest published release (${newest.imageTag}): no image carries that tag yet. Publish the GitHub Release first.`);
    }
  }
  // /version reports the images' build commit: the release's build when known, else its tag's commit.
  const sha = release?.buildSha ?? release?.commitSha;
  return ok({
    imageTag: parsed.value.text,
    ...(sha !== undefined ? { sha } : {}),
    ...(release?.buildSha === undefined && release?.commitSha !== undefined ? { tagCommit: release.commitSha } : {}),
    ...(release !== undefined ? { gitTag: release.gitTag } : {}),
  });
}

/** Refuses a deployment the environment cannot take, with the reason and what to do instead. */
export function deployableProblem(app: AppDeck, environment: EnvironmentDeck): string | undefined {
  const deploy = environment.environment.deploy;
  if (deploy.kind === 'latest') {
    return `${app.app.label} always runs the image tagged latest: there is nothing to deploy. To change what runs, merge (or revert) a change in the monorepo.`;
  }
  if (deploy.kind === 'manual') {
    return `${placeLabel(app.app, environment.environment)} is deployed by hand with ${deploy.tool}: follow its manual procedure.`;
  }
  return undefined;
}

/** How a run title or tag reads in messages: the image tag, with the short SHA when it is a commit. */
export function describeTag(imageTag: string, l10n: L10n = english): string {
  return isFullSha(imageTag) ? l10n.t('commit {0}', shortSha(imageTag)) : imageTag;
}

/** The image tag that runs in an environment now, for a redeploy. */
export function runningImageTag(environment: EnvironmentDeck, scheme: Pick<TagScheme, 'image'> = DEFAULT_IMAGE_SCHEME): string | undefined {
  const running = environment.running;
  if (running?.release !== undefined) {
    return running.release.imageTag;
  }
  if (running?.imageTag !== undefined && readImageTag(scheme, running.imageTag).ok) {
    return running.imageTag;
  }
  return environment.lastSuccessfulDeployment?.imageTag ?? (environment.lastSuccessfulDeployment !== undefined ? findImageTagIn(environment.lastSuccessfulDeployment.title, scheme)?.text : undefined);
}
