import type { PullRequestFact } from './facts';
import type { AppProfile } from './profileTypes';
import { escapeRegExp } from './regExpText';
import { gitValueSource, readGitTag, tagSchemeOf, type SchemedApp } from './tagScheme';

/**
 * The changelog pull request the release workflow opens after a publish, found by its branch: the
 * profile's `changelogBranch` template with {app} (the app's id), {date} (the release's value under the
 * app's tag scheme: its date, YYYY.MM.DD.HH.MM.SS, or its semantic version) and {gitTag} (the app's git tag).
 */

/** An open changelog pull request of one app, waiting for review. */
export interface ChangelogPull {
  readonly number: number;
  readonly title: string;
  readonly htmlUrl: string;
  readonly branch: string;
  /** The git tag the branch names (unless the template names no date). */
  readonly gitTag?: string;
}

/** The branch of the changelog pull request of one release of an app. */
export function changelogBranchFor(template: string, app: Pick<AppProfile, 'id'>, gitTag: string, date: string): string {
  return template.replaceAll('{gitTag}', gitTag).replaceAll('{app}', app.id).replaceAll('{date}', date);
}

/**
 * Whether a branch is a changelog branch of the app per the template (undefined when not), with the git
 * tag it names when the template names the release (by {gitTag} or {date}), read with the app's tag scheme.
 */
export function matchChangelogBranch(template: string, app: SchemedApp, branch: string): { readonly gitTag?: string } | undefined {
  const scheme = tagSchemeOf(app);
  const value = `(${gitValueSource(scheme)})`;
  const source = template
    .split(/(\{gitTag\}|\{app\}|\{date\})/)
    .map((part) => {
      switch (part) {
        case '{gitTag}':
          return `${escapeRegExp(scheme.git.before)}${value}${escapeRegExp(scheme.git.after)}`;
        case '{date}':
          return value;
        case '{app}':
          return escapeRegExp(app.id);
        default:
          return escapeRegExp(part);
      }
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(branch);
  if (match === null) {
    return undefined;
  }
  // A template may name the release twice ({gitTag} and {date}): each must be the same release.
  // An unmatched group is undefined, whatever RegExpExecArray's element type says.
  const groups: ReadonlyArray<string | undefined> = match.slice(1);
  const values = [...new Set(groups.filter((found): found is string => found !== undefined))];
  const [only] = values;
  if (only === undefined) {
    return {};
  }
  const gitTag = readGitTag(scheme, `${scheme.git.before}${only}${scheme.git.after}`);
  return values.length === 1 && gitTag.ok ? { gitTag: gitTag.value.gitTag } : undefined;
}

/** The app's open changelog pull requests among a repository's open pull requests, newest first. */
export function changelogPullsOf(template: string, app: SchemedApp, pulls: readonly PullRequestFact[]): ChangelogPull[] {
  return pulls
    .filter((pull) => pull.state === 'open')
    .flatMap((pull) => {
      const match = matchChangelogBranch(template, app, pull.headRef);
      return match !== undefined ? [{ number: pull.number, title: pull.title, htmlUrl: pull.htmlUrl, branch: pull.headRef, ...match }] : [];
    })
    .sort((a, b) => b.number - a.number);
}
