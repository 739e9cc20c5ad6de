import type { PullRequestFact } from './facts';
import type { AppProfile } from './profileTypes';
import { parseGitTag } from './tags';

/**
 * The changelog pull request the release workflow opens after a publish, found by its branch: the
 * profile's `changelogBranch` template with {app} (the app's id), {date} (the release date,
 * YYYY.MM.DD.HH.MM.SS) and {gitTag} (the app's git tag prefix and the date).
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

const DATE_SHAPE = '\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{2}';

/** The branch of the changelog pull request of one release of an app. */
export function changelogBranchFor(template: string, app: Pick<AppProfile, 'id'>, gitTag: string, date: string): string {
  return template.replaceAll('{gitTag}', gitTag).replaceAll('{app}', app.id).replaceAll('{date}', date);
}

/**
 * Whether a branch is a changelog branch of the app per the template (undefined when not), with the git
 * tag it names when the template names the date.
 */
export function matchChangelogBranch(template: string, app: Pick<AppProfile, 'id' | 'gitTagPrefix'>, branch: string): { readonly gitTag?: string } | undefined {
  const source = template
    .split(/(\{gitTag\}|\{app\}|\{date\})/)
    .map((part) => {
      switch (part) {
        case '{gitTag}':
          return `${escape(app.gitTagPrefix)}(?<gitTag>${DATE_SHAPE})`;
        case '{date}':
          return `(?<date>${DATE_SHAPE})`;
        case '{app}':
          return escape(app.id);
        default:
          return escape(part);
      }
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(branch);
  if (match === null) {
    return undefined;
  }
  // A template may name the date twice ({gitTag} and {date}): both must be the same release.
  const dates = [...new Set([match.groups?.gitTag, match.groups?.date].filter((date): date is string => date !== undefined))];
  if (dates.length === 0) {
    return {};
  }
  const gitTag = `${app.gitTagPrefix}${dates[0] ?? ''}`;
  return dates.length === 1 && parseGitTag(gitTag, app.gitTagPrefix).ok ? { gitTag } : undefined;
}

/** The app's open changelog pull requests among a repository's open pull requests, newest first. */
export function changelogPullsOf(template: string, app: Pick<AppProfile, 'id' | 'gitTagPrefix'>, pulls: readonly PullRequestFact[]): ChangelogPull[] {
  return pulls
    .filter((pull) => pull.state === 'open')
    .flatMap((pull) => {
      const match = matchChangelogBranch(template, app, pull.headRef);
      return match !== undefined ? [{ number: pull.number, title: pull.title, htmlUrl: pull.htmlUrl, branch: pull.headRef, ...match }] : [];
    })
    .sort((a, b) => b.number - a.number);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
