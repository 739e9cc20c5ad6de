import { readGitTag, type TagScheme } from './tagScheme';

/**
 * Whether two apps' git tag templates claim the same tags: then a release of one would be read as a release
 * of the other. Compared by their tags, not their prefixes: `{version}-web` and `{version}-api` start alike
 * and never meet, while `{version}` claims every `1.2.3-web` of `{version}-web` (a pre-release to semver).
 * Each template's tags for a range of values (a date, releases, pre-releases, build metadata) are read with
 * the other template: a tag both read is the proof shown to the user. Examples, not a proof of the contrary:
 * a pair of templates that meet only at values none of these has are not caught.
 */

const SAMPLE_VALUES: Readonly<Record<'date' | 'version', readonly string[]>> = {
  date: ['2026.01.02.03.04.05', '2026.11.25.18.00.00'],
  version: ['1.2.3', '10.20.30', '0.1.0', '1.2.3-rc.1', '1.2.3-0', '1.2.3-x-y.2', '1.2.3+build.5', '1.2.3-rc.1+build.5'],
};

/** A git tag both schemes read as one of their releases, or undefined when none of the samples is. */
export function sharedGitTag(a: Pick<TagScheme, 'git'>, b: Pick<TagScheme, 'git'>): string | undefined {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    for (const value of SAMPLE_VALUES[from.git.value === 'date' ? 'date' : 'version']) {
      const tag = `${from.git.before}${value}${from.git.after}`;
      if (readGitTag(from, tag).ok && readGitTag(to, tag).ok) {
        return tag;
      }
    }
  }
  return undefined;
}
