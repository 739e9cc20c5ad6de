import { changesBuild } from './buildPaths';
import type { AppCommits, DeckFacts } from './facts';
import { english, type L10n } from './l10n';
import type { AppProfile } from './profileTypes';
import { escapeRegExp } from './regExpText';
import { VERSION_SOURCES } from './releaseVersion';
import { shortSha } from './tags';
import { DEFAULT_IMAGE_SCHEME, readImageTag, type SchemeImageTag, type TagScheme } from './tagScheme';
import { commitTitle } from './words';

/**
 * Reading what a deployment run deployed from its title, where the profile's `runTitle` template says
 * the workflow's run-name puts it:
 * - `{imageTag}`: the image tag itself ("Deploy {imageTag} to *");
 * - `{commitTitle}`: the first line of the message of the commit the image was built from. Openverse's CI
 *   dispatches staging with `run_name` = that line and `tag` = the commit's SHA (openverse-facts §1.4), so
 *   the title is mapped back to the commit of main with that first line, among the commits that changed
 *   the app (an image exists only for those). Two such commits with that line: ambiguous, never a guess.
 * - `*` stands for any text.
 * Without a template, or for a title that does not fit it (a run dispatched by hand, titled otherwise),
 * the image tag is read wherever the title names one (findImageTagIn).
 */

export type TitleReading =
  | { readonly kind: 'tag'; readonly imageTag: string; readonly from: 'title' | 'commitTitle' }
  | { readonly kind: 'unknown'; readonly why?: string };

/**
 * `createdAt`: when the run was created; a commit made after it cannot be what it deployed. `scheme`: the
 * app's image tags (tagScheme.ts), Openverse's `rel-{date}` unless given. `l10n`: the language `why` is said in.
 */
export function readRunTitle(title: string, template: string | undefined, appCommits?: AppCommits, createdAt?: string, scheme: Pick<TagScheme, 'image'> = DEFAULT_IMAGE_SCHEME, l10n: L10n = english): TitleReading {
  let unmatched: string | undefined;
  if (template?.includes('{commitTitle}') === true) {
    const messageLine = fitTemplate(template, '{commitTitle}', '(.+)', title);
    if (messageLine !== undefined) {
      const byCommit = commitOfTitle(messageLine, appCommits, createdAt, l10n);
      if (byCommit !== undefined) {
        return byCommit;
      }
      unmatched = l10n.t('No recent commit that changed the app has the first line "{0}", and the title names no image tag.', messageLine);
    }
  } else if (template?.includes('{imageTag}') === true) {
    const tag = fitTemplate(template, '{imageTag}', `(${imageTagSource(scheme)})`, title);
    if (tag !== undefined) {
      return { kind: 'tag', imageTag: tag, from: 'title' };
    }
  }
  const named = findImageTagIn(title, scheme);
  return named !== undefined ? { kind: 'tag', imageTag: named.text, from: 'title' } : { kind: 'unknown', ...(unmatched !== undefined ? { why: unmatched } : {}) };
}

/** A regular expression source matching the scheme's release image tags or a full commit SHA. */
export function imageTagSource(scheme: Pick<TagScheme, 'image'>): string {
  const value = { ...VERSION_SOURCES, sha: '[0-9a-f]{40}', sha7: '[0-9a-f]{7}' }[scheme.image.value];
  return `${escapeRegExp(scheme.image.before)}${value}${escapeRegExp(scheme.image.after)}|[0-9a-f]{40}`;
}

/**
 * The pinned image tag a deployment run's title names. A title naming two (a reason that mentions an
 * older tag, e.g. "Hotfix after rel-A broke search (rel-B)") is read at the place the deployment
 * workflows' run names put the tag: "Deploy {tag} to {service}" (production) or "{run_name} ({tag})"
 * (staging and manual runs, whose run name is free text). When neither place settles it, the title is
 * ambiguous and no tag is read from it: never the first match.
 */
export function findImageTagIn(text: string, scheme: Pick<TagScheme, 'image'> = DEFAULT_IMAGE_SCHEME): SchemeImageTag | undefined {
  const found = new Map<string, SchemeImageTag>();
  const pattern = new RegExp(`(?<![\\w.-])(?:${imageTagSource(scheme)})(?![\\w-]|\\.\\w)`, 'g');
  for (const candidate of text.match(pattern) ?? []) {
    const parsed = readImageTag(scheme, candidate);
    if (parsed.ok) {
      found.set(parsed.value.text, parsed.value);
    }
  }
  if (found.size <= 1) {
    return found.values().next().value;
  }
  const placed = new Set([/^Deploy (\S+) to /.exec(text)?.[1], /\((\S+)\)\s*$/.exec(text)?.[1]].filter((tag): tag is string => tag !== undefined && found.has(tag)));
  const [only] = placed;
  return placed.size === 1 && only !== undefined ? found.get(only) : undefined;
}

/** The commit message's first line a title names, when the template puts `{commitTitle}` in it and the title fits. */
export function titledLine(title: string, template: string | undefined): string | undefined {
  return template?.includes('{commitTitle}') === true ? fitTemplate(template, '{commitTitle}', '(.+)', title)?.trim() : undefined;
}

/** The text the placeholder stands for when the whole title fits the template; `*` is any text. */
function fitTemplate(template: string, placeholder: string, capture: string, title: string): string | undefined {
  const [before = '', after = ''] = template.split(placeholder, 2);
  const literal = (text: string): string => text.split('*').map((part) => escapeRegExp(part)).join('.*?');
  const match = new RegExp(`^${literal(before)}${capture}${literal(after)}$`, 's').exec(title);
  return match?.[1];
}

function commitOfTitle(line: string, appCommits: AppCommits | undefined, createdAt: string | undefined, l10n: L10n): TitleReading | undefined {
  if (appCommits === undefined || !appCommits.known) {
    const why = appCommits?.known === false ? appCommits.why : l10n.t('they were not read');
    return { kind: 'unknown', why: l10n.t('The run is titled with a commit message, but the commits that changed the app are not known ({0}).', why) };
  }
  const latest = createdAt !== undefined ? Date.parse(createdAt) : Number.POSITIVE_INFINITY;
  const matches = appCommits.commits.filter((commit) => commitTitle(commit.message).trim() === line.trim() && !(Date.parse(commit.date) > latest));
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) {
    return { kind: 'tag', imageTag: only.sha, from: 'commitTitle' };
  }
  if (matches.length > 1) {
    return {
      kind: 'unknown',
      why: l10n.t('{0} recent commits that changed the app have the first line "{1}" ({2}), so which one was deployed cannot be told from the run\'s title.', matches.length, line, matches.map((commit) => shortSha(commit.sha)).join(', ')),
    };
  }
  // No recent commit of the app has this first line: the title may name the tag itself (a run dispatched by hand).
  return undefined;
}

/**
 * The commits a message title is matched among: the app's commits when read in full, else main's newest
 * commits named by a title whose files change the app's build paths (titledCommits.ts).
 */
export function titledCommitsOf(app: AppProfile, facts: DeckFacts): AppCommits | undefined {
  const full = facts.appCommits?.[app.id];
  if (full !== undefined || facts.commitFiles === undefined) {
    return full;
  }
  if (facts.commitFilesProblem !== undefined) {
    return { known: false, why: facts.commitFilesProblem };
  }
  const files = facts.commitFiles;
  return {
    known: true,
    commits: facts.mainCommits.filter((commit) => {
      const changed = files[commit.sha];
      return changed !== undefined && changesBuild(app, changed);
    }),
  };
}
