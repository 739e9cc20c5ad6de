import { english, type L10n } from './l10n';
import { ok, refuse, type Result } from './result';

/**
 * Tags of the release process, in the glossary's sense:
 * - a git tag names the commit an app was released from: `{app}-{YYYY.MM.DD.HH.MM.SS}`;
 * - an image tag names one Docker image version: `rel-{YYYY.MM.DD.HH.MM.SS}` for a published release,
 *   or the 40-character commit SHA the image was built from;
 * - the release tag is the pair of both, sharing one UTC date.
 */

export const IMAGE_TAG_PREFIX = 'rel-';
export const LATEST = 'latest';
/** Longer input is refused before it is even parsed: no real tag comes near it. */
export const MAX_TAG_LENGTH = 100;

const DATE_PATTERN = /^(\d{4})\.(\d{2})\.(\d{2})\.(\d{2})\.(\d{2})\.(\d{2})$/;
const FULL_SHA_PATTERN = /^[0-9a-f]{40}$/;
const SHORT_SHA_PATTERN = /^[0-9a-f]{7,40}$/;
const APP_SLUG_PATTERN = /^[a-z][a-z0-9_]*$/;

export const DATE_FORMAT_HINT = 'YYYY.MM.DD.HH.MM.SS (UTC)';

/** The UTC moment shared by a release's git tag and image tag. */
export interface ReleaseDate {
  readonly text: string;
  readonly epochMs: number;
}

/**
 * Refuses text that no tag or SHA can contain: empty or blank input, white space, control characters,
 * non-ASCII letters (look-alikes such as a Cyrillic "а"), shell and URL metacharacters, path traversal,
 * and over-long values. Returns undefined when the text is plain.
 */
export function hostileInputProblem(text: string, what: string): string | undefined {
  if (text.length === 0) {
    return `The ${what} is empty.`;
  }
  if (text.trim().length === 0) {
    return `The ${what} is blank.`;
  }
  if (text.length > MAX_TAG_LENGTH) {
    return `The ${what} is ${text.length} characters long; no valid ${what} is longer than ${MAX_TAG_LENGTH}.`;
  }
  if (/\s/.test(text)) {
    return `The ${what} "${printable(text)}" contains white space.`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    return `The ${what} contains control characters.`;
  }
  if (/[^\u0020-\u007e]/.test(text)) {
    return `The ${what} "${printable(text)}" contains non-ASCII characters (look-alike letters are refused).`;
  }
  if (text.includes('..') || text.includes('/') || text.includes('\\')) {
    return `The ${what} "${text}" contains a path separator or "..".`;
  }
  const metacharacter = /[;&|`$<>(){}[\]*?!'"#%+=,:@^~]/.exec(text);
  if (metacharacter) {
    return `The ${what} "${text}" contains the character "${metacharacter[0]}", which no ${what} has.`;
  }
  return undefined;
}

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return visible.length > 60 ? `${visible.slice(0, 57)}...` : visible;
}

/** Parses `YYYY.MM.DD.HH.MM.SS` as a real UTC calendar moment. */
export function parseReleaseDate(text: string): Result<ReleaseDate> {
  const match = DATE_PATTERN.exec(text);
  if (!match) {
    return refuse(`"${printable(text)}" is not a date of the form ${DATE_FORMAT_HINT}.`);
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12) {
    return refuse(`"${text}" has month ${pad(month)}, which does not exist.`);
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return refuse(`"${text}" has day ${pad(day)}, but month ${pad(month)} of ${year} has ${daysInMonth} days.`);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return refuse(`"${text}" has the time ${pad(hour)}:${pad(minute)}:${pad(second)}, which does not exist.`);
  }
  return ok({ text, epochMs: Date.UTC(year, month - 1, day, hour, minute, second) });
}

/** Formats a moment as the date part of a release tag, in UTC. */
export function formatReleaseDate(moment: Date): string {
  return [
    moment.getUTCFullYear().toString().padStart(4, '0'),
    pad(moment.getUTCMonth() + 1),
    pad(moment.getUTCDate()),
    pad(moment.getUTCHours()),
    pad(moment.getUTCMinutes()),
    pad(moment.getUTCSeconds()),
  ].join('.');
}

function pad(value: number): string {
  return value.toString().padStart(2, '0');
}

/** Validates an app's git tag prefix such as `api-` or `ingestion_server-`. */
export function gitTagPrefixProblem(prefix: string, l10n: L10n = english): string | undefined {
  if (!prefix.endsWith('-') || !APP_SLUG_PATTERN.test(prefix.slice(0, -1))) {
    return l10n.t('"{0}" is not a git tag prefix: expected lower-case letters, digits or "_" followed by "-", e.g. "api-".', printable(prefix));
  }
  return undefined;
}

/** Parses a full or abbreviated commit SHA (lower-case hex). */
export function parseCommitSha(text: string, options: { allowShort: boolean }): Result<string> {
  const hostile = hostileInputProblem(text, 'commit SHA');
  if (hostile) {
    return refuse(hostile);
  }
  const pattern = options.allowShort ? SHORT_SHA_PATTERN : FULL_SHA_PATTERN;
  if (!pattern.test(text)) {
    const wanted = options.allowShort ? '7 to 40 lower-case hexadecimal characters' : '40 lower-case hexadecimal characters';
    return refuse(`"${text}" is not a commit SHA: expected ${wanted}.`);
  }
  return ok(text);
}

export function isFullSha(text: string): boolean {
  return FULL_SHA_PATTERN.test(text);
}

/**
 * The distinct full SHAs among `candidates` that start with `prefix`: none when the prefix is shorter than
 * 7 hex characters (git's shortest default abbreviation) or not hex at all, never a guess.
 */
export function commitsStartingWith(prefix: string, candidates: ReadonlyArray<string | undefined>): string[] {
  if (!/^[0-9a-f]{7,40}$/.test(prefix)) {
    return [];
  }
  return [...new Set(candidates.filter((sha): sha is string => sha !== undefined && isFullSha(sha) && sha.startsWith(prefix)))];
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
