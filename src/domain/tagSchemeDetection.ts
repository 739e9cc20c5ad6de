/**
 * Which release tag scheme a repository follows, read from the names of its recent GitHub Releases' git
 * tags (Create Profile): Openverse's date-stamped `{app}-YYYY.MM.DD.HH.MM.SS` (the default, written as no
 * `releaseTags` at all), or a semantic version after the app's name (`web@1.4.2`, `api/v2.3.0`,
 * `worker-v0.9.0`). Pure: the caller reads the tags, this only classifies their names.
 */

const DATE = String.raw`\d{4}\.\d{2}\.\d{2}\.\d{2}\.\d{2}\.\d{2}`;
/** semver.org's core with an optional pre-release or build suffix. */
const SEMVER = String.raw`\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?`;
const APP_ID = /^[a-z][a-z0-9_]*$/;
/** At most this many tag names are looked at, whatever the caller passes: one page of releases is plenty. */
export const MAX_TAGS_READ = 300;

/** The shapes recognised, most specific first; `{app}` is the literal app name in the written template. */
const SHAPES: ReadonlyArray<{ readonly scheme: 'date' | 'semver'; readonly pattern: RegExp; readonly template: string }> = [
  { scheme: 'date', pattern: new RegExp(`^(.+)-(${DATE})$`), template: '{app}-{date}' },
  { scheme: 'semver', pattern: new RegExp(`^(.+)@v(${SEMVER})$`), template: '{app}@v{version}' },
  { scheme: 'semver', pattern: new RegExp(`^(.+)@(${SEMVER})$`), template: '{app}@{version}' },
  { scheme: 'semver', pattern: new RegExp(`^(.+)/v(${SEMVER})$`), template: '{app}/v{version}' },
  { scheme: 'semver', pattern: new RegExp(`^(.+)/(${SEMVER})$`), template: '{app}/{version}' },
  { scheme: 'semver', pattern: new RegExp(`^(.+)-v(${SEMVER})$`), template: '{app}-v{version}' },
  { scheme: 'semver', pattern: new RegExp(`^(.+)-(${SEMVER})$`), template: '{app}-{version}' },
];

export interface DetectedAppTags {
  /** The app's id as a profile writes it (lower case, `_` for `-`). */
  readonly id: string;
  /** The app's name as its tags spell it. */
  readonly name: string;
  readonly scheme: 'date' | 'semver';
  /** The git tag template with the app's name written out, e.g. `web@{version}` or `api-{date}`. */
  readonly gitTemplate: string;
  /** How many of the tags read follow it. */
  readonly count: number;
  /** The newest tag of the app read (the first in the list). */
  readonly example: string;
}

export interface TagSchemeDetection {
  readonly apps: readonly DetectedAppTags[];
  /** Tags that fit no known scheme or name no app a profile can hold (shown in the profile's comments). */
  readonly unrecognised: readonly string[];
  /** How many tag names were read (at most MAX_TAGS_READ). */
  readonly read: number;
}

/** Classifies tag names (newest first); each app takes the template most of its tags follow. */
export function detectTagSchemes(tagNames: readonly string[]): TagSchemeDetection {
  const names = tagNames.slice(0, MAX_TAGS_READ);
  const byApp = new Map<string, { name: string; example: string; templates: Map<string, { scheme: 'date' | 'semver'; count: number }> }>();
  const unrecognised: string[] = [];
  for (const tag of names) {
    const shape = SHAPES.map((candidate) => ({ candidate, match: candidate.pattern.exec(tag) })).find(({ match }) => match !== null);
    const name = shape?.match?.[1];
    const id = name !== undefined ? appIdOf(name) : undefined;
    if (shape === undefined || name === undefined || id === undefined) {
      unrecognised.push(tag);
      continue;
    }
    const entry = byApp.get(id) ?? { name, example: tag, templates: new Map<string, { scheme: 'date' | 'semver'; count: number }>() };
    const template = shape.candidate.template.replace('{app}', name);
    const counted = entry.templates.get(template) ?? { scheme: shape.candidate.scheme, count: 0 };
    counted.count += 1;
    entry.templates.set(template, counted);
    byApp.set(id, entry);
  }
  const apps = [...byApp].map(([id, entry]): DetectedAppTags => {
    const [template, best] = [...entry.templates].sort((a, b) => b[1].count - a[1].count)[0] ?? ['', { scheme: 'date' as const, count: 0 }];
    return { id, name: entry.name, scheme: best.scheme, gitTemplate: template, count: best.count, example: entry.example };
  });
  return { apps, unrecognised, read: names.length };
}

/** `Web-Store` → `web_store`; undefined for a name no profile id can stand for (`@scope/pkg`, `1.x`). */
export function appIdOf(name: string): string | undefined {
  const id = name.toLowerCase().replace(/-/g, '_');
  return APP_ID.test(id) && id.length <= 60 ? id : undefined;
}
