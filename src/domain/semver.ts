import { ok, refuse, type Result } from './result';

/**
 * Semantic versions as https://semver.org/spec/v2.0.0.html defines them: MAJOR.MINOR.PATCH, an optional
 * pre-release (`-rc.1`) and optional build metadata (`+build.5`), ordered by the specification's
 * precedence (§11): numbers numerically, a pre-release before its release, build metadata ignored.
 */
export interface SemVer {
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Dot-separated pre-release identifiers, empty for a release. */
  readonly prerelease: readonly string[];
  readonly build: readonly string[];
}

// The specification's own regular expression (semver.org, "Is there a suggested regular expression").
const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** The same grammar without anchors, for finding a version inside longer text. */
export const SEMVER_SOURCE = String.raw`(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?`;

/** Numbers past this are refused: JavaScript numbers stop being exact, so the order could not be trusted. */
const MAX_PART = Number.MAX_SAFE_INTEGER;

export function parseSemVer(text: string): Result<SemVer> {
  const match = SEMVER_PATTERN.exec(text);
  if (!match) {
    return refuse(`"${text.slice(0, 60)}" is not a semantic version: expected MAJOR.MINOR.PATCH, e.g. 1.4.2 or 2.0.0-rc.1 (semver.org 2.0, no leading zeros, no "v").`);
  }
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (major > MAX_PART || minor > MAX_PART || patch > MAX_PART) {
    return refuse(`"${text.slice(0, 60)}" has a version number too large to compare exactly.`);
  }
  return ok({
    text,
    major,
    minor,
    patch,
    prerelease: match[4] !== undefined ? match[4].split('.') : [],
    build: match[5] !== undefined ? match[5].split('.') : [],
  });
}

export function isPrerelease(version: SemVer): boolean {
  return version.prerelease.length > 0;
}

/** Negative when `a` has lower precedence than `b`, zero when equal (build metadata aside), positive otherwise. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) {
    return Math.sign(core);
  }
  // §11.3: a version with a pre-release has lower precedence than the same version without.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return (a.prerelease.length === 0 ? 1 : 0) - (b.prerelease.length === 0 ? 1 : 0);
  }
  for (let index = 0; index < Math.max(a.prerelease.length, b.prerelease.length); index += 1) {
    const left = a.prerelease[index];
    const right = b.prerelease[index];
    // §11.4.4: a larger set of fields has higher precedence when all the preceding ones are equal.
    if (left === undefined) {
      return -1;
    }
    if (right === undefined) {
      return 1;
    }
    const order = compareIdentifiers(left, right);
    if (order !== 0) {
      return order;
    }
  }
  return 0;
}

function compareIdentifiers(left: string, right: string): number {
  const leftNumeric = /^\d+$/.test(left);
  const rightNumeric = /^\d+$/.test(right);
  if (leftNumeric && rightNumeric) {
    // Compared as digit strings (no leading zeros by the grammar): exact whatever their length.
    return left.length - right.length || (left < right ? -1 : left > right ? 1 : 0);
  }
  // §11.4.3: numeric identifiers have lower precedence than alphanumeric ones.
  if (leftNumeric !== rightNumeric) {
    return leftNumeric ? -1 : 1;
  }
  return left < right ? -1 : left > right ? 1 : 0;
}
