import type { PatternCapture, RecordFact } from './facts';
import type { RecordedIn } from './profileTypes';
import type { PublishedRelease, RunningVersion } from './snapshot';
import { commitsStartingWith, isFullSha, shortSha } from './tags';
import { readImageTag, type TagScheme } from './tagScheme';
import { english, type L10n } from './l10n';
import { backtrackingProblem } from './patternSafety';
import { dateTime } from './words';

/**
 * What a manual environment runs, as its deployment procedure records it: the Openverse runbooks set the
 * image tag in the infrastructure repository (`just bump production airflow`, `just bump prod
 * ingestion-server`) and then open a pull request there (openverse-facts §5). The profile's `recordedIn`
 * names the file and a pattern capturing the tag; the file on the default branch says what was recorded
 * as deployed, an open pull request changing it a bump not merged yet.
 */

/** Why a pattern cannot read a tag (not a regular expression, no capture group) or must not run (it could backtrack catastrophically), if so. */
export function recordPatternProblem(pattern: string, l10n: L10n = english): string | undefined {
  let expression: RegExp;
  try {
    expression = new RegExp(pattern);
  } catch (error) {
    // The reason is the JavaScript engine's own words (English).
    return l10n.t('The pattern is not a regular expression ({0}).', error instanceof Error ? error.message : String(error));
  }
  return (new RegExp(`${expression.source}|`).exec('')?.length ?? 0) < 2 ? l10n.t('The pattern has no capture group: put the image tag in parentheses, e.g. image_tag: "(rel-[^"]+)".') : backtrackingProblem(pattern, l10n);
}

/** How much of a recorded file the pattern reads: a tag is near the top of a small file, and a long text must not keep the editor busy. */
export const RECORD_TEXT_LIMIT = 64 * 1024;

/**
 * The pinned image tag (per the app's image template, or a commit SHA) the pattern captured in a text, when
 * it captured one. The pattern itself ran where the text was read, under a time limit (state/patternGuard.ts).
 */
export function tagIn(capture: PatternCapture, scheme: Pick<TagScheme, 'image'>): string | undefined {
  const { captured } = capture;
  return captured !== undefined && readImageTag(scheme, captured).ok ? captured : undefined;
}

/** The release whose image a recorded tag names: by its image tag, or (a commit tag, `{sha7}`) the one release whose commit it names. */
function releaseOfRecorded(imageTag: string, releases: readonly PublishedRelease[], scheme: Pick<TagScheme, 'image'>): PublishedRelease | undefined {
  const exact = releases.find((candidate) => candidate.imageTag === imageTag);
  const tag = readImageTag(scheme, imageTag);
  if (exact !== undefined || !tag.ok || tag.value.kind !== 'commit') {
    return exact;
  }
  const [only, ...others] = commitsStartingWith(tag.value.sha, releases.flatMap((candidate) => [candidate.commitSha, candidate.buildSha]));
  return only !== undefined && others.length === 0 ? releases.find((candidate) => candidate.commitSha === only || candidate.buildSha === only) : undefined;
}

export interface RecordedReading {
  readonly running?: RunningVersion;
  /** What the deck says of it, in place of "version not reported". */
  readonly detail: string;
  /** Short words for an open pull request changing the record: "rel-… in open PR #12, not merged". */
  readonly pending?: string;
}

/**
 * What the record says runs, in the language of `l10n`; the record's commit date in `locale` and this
 * process's time zone (the person's).
 */
export function readRecord(recordedIn: RecordedIn, fact: RecordFact | undefined, releases: readonly PublishedRelease[], scheme: Pick<TagScheme, 'image'>, l10n: L10n = english, locale = 'en'): RecordedReading | undefined {
  if (fact === undefined) {
    return undefined;
  }
  const where = l10n.t('{0} in {1}', fact.path, fact.repo);
  const pulls = fact.pulls.map((pull) => ({ pull, tag: pull.capture !== undefined ? tagIn(pull.capture, scheme) : undefined }));
  const pending = pulls
    .map(({ pull, tag }) => {
      if (tag !== undefined) {
        return ` ${l10n.t('{0} is recorded in open pull request #{1} by {2}, not yet merged ({3}).', tag, pull.number, pull.author, pull.htmlUrl)}`;
      }
      return pull.capture?.timedOut === true
        ? ` ${l10n.t('A change is recorded in open pull request #{0} by {1}, not yet merged ({2}); the pattern {3} took too long on its copy of the file and was stopped.', pull.number, pull.author, pull.htmlUrl, recordedIn.pattern)}`
        : ` ${l10n.t('A change is recorded in open pull request #{0} by {1}, not yet merged ({2}).', pull.number, pull.author, pull.htmlUrl)}`;
    })
    .join('');
  const short = pulls.map(({ pull, tag }) => (tag !== undefined ? l10n.t('{0} in open PR #{1}', tag, pull.number) : l10n.t('a change in open PR #{0}', pull.number))).join(', ');
  const shortWords = short !== '' ? { pending: l10n.t('{0}, not merged', short) } : {};
  if (fact.file === undefined) {
    const unread = fact.problem !== undefined
      ? l10n.t('{0} could not be read: {1}, so what runs there is not known.', where, fact.problem)
      : l10n.t('{0} does not exist on the default branch, so what runs there is not known.', where);
    return { detail: `${unread}${pending}`, ...shortWords };
  }
  const { capture, commit } = fact.file;
  const imageTag = tagIn(capture, scheme);
  const by = l10n.t('commit {0} by {1}, {2}', shortSha(commit.sha), commit.author, dateTime(commit.date, locale));
  if (imageTag === undefined) {
    const none = capture.timedOut === true
      ? l10n.t('{0} ({1}): the pattern {2} took too long on this file and was stopped, so what runs there is not known. Simplify the pattern in the profile: repeat one simple part only, e.g. image_tag: "(rel-[^"]+)".', where, by, recordedIn.pattern)
      : capture.cut === true
      ? l10n.t('{0} ({1}) holds no image tag matching {2} in its first {3} KB (Release Deck reads no further), so what runs there is not known.', where, by, recordedIn.pattern, RECORD_TEXT_LIMIT / 1024)
      : l10n.t('{0} ({1}) holds no image tag matching {2}, so what runs there is not known.', where, by, recordedIn.pattern);
    return { detail: `${none}${pending}`, ...shortWords };
  }
  const release = releaseOfRecorded(imageTag, releases, scheme);
  const running: RunningVersion = {
    ...(release?.commitSha !== undefined ? { sha: release.commitSha } : isFullSha(imageTag) ? { sha: imageTag } : {}),
    ...(release !== undefined ? { release } : {}),
    imageTag,
    source: 'recorded',
  };
  return { running, detail: `${l10n.t('Recorded as deployed: {0} ({1}, {2}).', imageTag, by, where)}${pending}`, ...shortWords };
}
