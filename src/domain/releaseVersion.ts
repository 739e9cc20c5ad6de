import { ok, refuse, type Result } from './result';
import { compareSemVer, isPrerelease, parseSemVer, SEMVER_SOURCE, type SemVer } from './semver';
import { parseReleaseDate, type ReleaseDate } from './tags';

/**
 * A release's version: what orders an app's releases. The value its git tag holds under the app's tag
 * scheme (tagScheme.ts): a date (Openverse's `YYYY.MM.DD.HH.MM.SS`) or a semantic version (semver.org 2.0).
 */

export type ReleaseVersion =
  | { readonly kind: 'date'; readonly text: string; readonly date: ReleaseDate }
  | { readonly kind: 'semver'; readonly text: string; readonly semver: SemVer };

/** Regular expression sources matching a version's text, by the placeholder of a template that holds it. */
export const VERSION_SOURCES = {
  date: String.raw`\d{4}\.\d{2}\.\d{2}\.\d{2}\.\d{2}\.\d{2}`,
  version: SEMVER_SOURCE,
} as const;

/** Reads the value a tag holds in the place of `{date}` or `{version}`. */
export function readReleaseVersion(value: string, placeholder: 'date' | 'version'): Result<ReleaseVersion> {
  if (placeholder === 'date') {
    const date = parseReleaseDate(value);
    return date.ok ? ok({ kind: 'date', text: value, date: date.value }) : refuse(date.error);
  }
  const semver = parseSemVer(value);
  return semver.ok ? ok({ kind: 'semver', text: value, semver: semver.value }) : refuse(semver.error);
}

/** Orders two release versions (negative: `a` is older); undefined when they are of different kinds. */
export function compareReleaseVersions(a: ReleaseVersion, b: ReleaseVersion): number | undefined {
  if (a.kind === 'date' && b.kind === 'date') {
    return a.date.epochMs - b.date.epochMs;
  }
  if (a.kind === 'semver' && b.kind === 'semver') {
    return compareSemVer(a.semver, b.semver);
  }
  return undefined;
}

/** Newest first, for sorting releases; a pre-release sorts below its release. */
export function newestVersionFirst(a: { readonly version: ReleaseVersion }, b: { readonly version: ReleaseVersion }): number {
  return -(compareReleaseVersions(a.version, b.version) ?? 0);
}

export function isPrereleaseVersion(version: ReleaseVersion): boolean {
  return version.kind === 'semver' && isPrerelease(version.semver);
}
