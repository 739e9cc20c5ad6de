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

export function olderBuildOutcome(input: OlderBuildInput): { readonly build?: string; readonly note?: string; readonly problem?: string } {
  const { seen, expected, imageTag } = input;
  if (seen === input.before) {
    return {
      problem: `The deployment of ${imageTag} to ${input.label} succeeded, and ${input.versionUrl} reports commit ${shortSha(seen)}, as before the publish: ${input.why}. So ${imageTag} may be that same build, or the deployment did not take effect; Release Deck cannot tell which. The image's tags in the container registry say which (naming the app's package in the profile, "registry", makes Release Deck read them).`,
    };
  }
  return { build: seen, note: `${imageTag} is the build of commit ${shortSha(seen)}, not of ${shortSha(expected)}: ${input.why}.` };
}
