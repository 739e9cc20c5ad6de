import { english, type L10n } from './l10n';
import { shortSha } from './tags';

/**
 * After a successful deployment of a release, /version reports an older commit of the app than the one its
 * release was inferred to be built from, while CI may not have built that one when the release was tagged
 * (operations/releaseBuild.ts `maybeOlder`). A deployment that succeeded runs the release's image, whose
 * /version is its build commit: so an older commit of the app is the release's build, unless it is what
 * the environment ran before the publish, when a deployment that did not take effect looks the same.
 */
export interface OlderBuildInput {
  /** What /version reports now: one of the app's commits before `expected`. */
  readonly seen: string;
  /** The app's last commit up to the git tag's, whose image may not have existed yet. */
  readonly expected: string;
  /** What the environment ran before, if known. */
  readonly before: string | undefined;
  readonly imageTag: string;
  /** "Frontend production". */
  readonly label: string;
  readonly versionUrl: string;
  /** Why the release may be an older build (which runs had not finished). */
  readonly why: string;
}

/** The release's build, and the note or problem that says so (in `l10n`'s language). */
export function olderBuildOutcome(input: OlderBuildInput, l10n: L10n = english): { readonly build?: string; readonly note?: string; readonly problem?: string } {
  const { seen, expected, imageTag } = input;
  if (seen === input.before) {
    return {
      problem: l10n.t(
        'The deployment of {0} to {1} succeeded, and {2} reports commit {3}, as before the publish: {4}. So {0} may be that same build, or the deployment did not take effect; Release Deck cannot tell which. The image\'s tags in the container registry say which (naming the app\'s package in the profile, "registry", makes Release Deck read them).',
        imageTag,
        input.label,
        input.versionUrl,
        shortSha(seen),
        input.why,
      ),
    };
  }
  return { build: seen, note: l10n.t('{0} is the build of commit {1}, not of {2}: {3}.', imageTag, shortSha(seen), shortSha(expected), input.why) };
}
