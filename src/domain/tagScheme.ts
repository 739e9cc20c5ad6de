import { english, type L10n } from './l10n';
import { readReleaseVersion, VERSION_SOURCES, type ReleaseVersion } from './releaseVersion';
import { ok, refuse, type Result } from './result';
import { hostileInputProblem, IMAGE_TAG_PREFIX, isFullSha, LATEST } from './tags';

/**
 * An app's release tag scheme (the profile's `releaseTags`): how its git tags and the image tags of its
 * releases are written. Absent, Openverse's date scheme: git tag `{gitTagPrefix}{date}`, image tag
 * `rel-{date}`. A git template holds literal text, `{app}` and exactly one of `{date}` or `{version}`
 * (a semantic version, semver.org 2.0); an image template one of `{date}`, `{version}`, `{sha}` (the
 * 40-character commit SHA the release's git tag names) or `{sha7}` (its first 7 characters).
 */

export type ValuePlaceholder = 'date' | 'version' | 'sha' | 'sha7';

export interface TagTemplate {
  /** The template with `{app}` filled in. */
  readonly text: string;
  readonly before: string;
  readonly after: string;
  readonly value: ValuePlaceholder;
}

export interface TagScheme {
  readonly git: TagTemplate;
  readonly image: TagTemplate;
}

export interface ReleaseTag {
  readonly gitTag: string;
  readonly version: ReleaseVersion;
}

/** An image tag that pins one image: a release's (per the scheme) or a commit's. */
export type SchemeImageTag =
  | { readonly kind: 'release'; readonly text: string; readonly version: ReleaseVersion }
  | { readonly kind: 'commit'; readonly text: string; readonly sha: string };

/** Git tag names (git check-ref-format) are longer than image tags may be; none of a release comes near. */
const MAX_GIT_TAG_LENGTH = 200;
/** Docker's tag grammar: `[\w][\w.-]{0,127}`. */
const MAX_IMAGE_TAG_LENGTH = 128;
const GIT_LITERAL = /^[A-Za-z0-9._@/+-]*$/;
const IMAGE_LITERAL = /^[A-Za-z0-9_.-]*$/;

export const DEFAULT_IMAGE_TEMPLATE = `${IMAGE_TAG_PREFIX}{date}`;

/** Parses a template; `kind` says which placeholders and characters it may hold. */
export function parseTagTemplate(template: string, kind: 'git' | 'image', appId: string, l10n: L10n = english): Result<TagTemplate> {
  const allowed: readonly ValuePlaceholder[] = kind === 'git' ? ['date', 'version'] : ['date', 'version', 'sha', 'sha7'];
  const names = allowed.map((name) => `{${name}}`).join(', ');
  const placeholders = [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
  const unknown = placeholders.find((name) => name !== 'app' && !(allowed as readonly string[]).includes(name));
  if (unknown !== undefined) {
    const placeholder = `{${unknown}}`;
    return refuse(kind === 'git' ? l10n.t('{0} is not a placeholder of git tags; use {app} and one of {1}.', placeholder, names) : l10n.t('{0} is not a placeholder of image tags; use {app} and one of {1}.', placeholder, names));
  }
  const values = placeholders.filter((name) => name !== 'app') as ValuePlaceholder[];
  if (values.length !== 1 || values[0] === undefined) {
    return refuse(
      values.length === 0
        ? l10n.t('"{0}" must hold exactly one of {1} (it holds none).', template, names)
        : l10n.t('"{0}" must hold exactly one of {1} (it holds {2}).', template, names, values.map((name) => `{${name}}`).join(', ')),
    );
  }
  const value = values[0];
  const text = template.split('{app}').join(appId);
  const [before = '', after = ''] = text.split(`{${value}}`);
  const literal = before + after;
  if (/[{}]/.test(literal)) {
    return refuse(l10n.t('"{0}" has a brace that is not part of a placeholder.', template));
  }
  if (kind === 'git') {
    if (!GIT_LITERAL.test(literal)) {
      return refuse(l10n.t('"{0}" has a character git tags of a release should not have; use letters, digits and . _ @ / + -.', template));
    }
    if (literal.includes('..') || literal.includes('//') || before.startsWith('/') || before.startsWith('.') || before.startsWith('-') || after.endsWith('/') || after.endsWith('.') || after.endsWith('.lock')) {
      return refuse(l10n.t('"{0}" does not make a valid git tag name (no "..", "//", leading "/", "." or "-", trailing "/", "." or ".lock").', template));
    }
  } else {
    if (!IMAGE_LITERAL.test(literal)) {
      return refuse(l10n.t('"{0}" has a character Docker image tags cannot have; use letters, digits and _ . -.', template));
    }
    if (before.startsWith('.') || before.startsWith('-')) {
      return refuse(l10n.t('"{0}" does not make a valid Docker image tag: it may not start with "." or "-".', template));
    }
    if (text === LATEST) {
      return refuse(l10n.t('"latest" moves with every build, so it cannot pin a release.'));
    }
  }
  return ok({ text, before, after, value });
}

/** Problems of an app's `releaseTags`, by field, in `l10n`'s language. */
export function releaseTagsProblems(releaseTags: { readonly git?: string; readonly image?: string }, appId: string, l10n: L10n = english): Array<{ field: 'git' | 'image'; message: string }> {
  const problems: Array<{ field: 'git' | 'image'; message: string }> = [];
  const git = releaseTags.git !== undefined ? parseTagTemplate(releaseTags.git, 'git', appId, l10n) : undefined;
  if (git !== undefined && !git.ok) {
    problems.push({ field: 'git', message: git.error });
  }
  const image = parseTagTemplate(releaseTags.image ?? DEFAULT_IMAGE_TEMPLATE, 'image', appId, l10n);
  if (!image.ok) {
    problems.push({ field: 'image', message: image.error });
  }
  const gitValue = git?.ok === true ? git.value.value : 'date';
  // With the git template refused, which value it holds is unknown: nothing more to say of the image's.
  if (git?.ok !== false && image.ok && (image.value.value === 'date' || image.value.value === 'version') && image.value.value !== gitValue) {
    problems.push({
      field: 'image',
      message:
        releaseTags.image === undefined
          ? l10n.t('The git tags hold {0}, so the default image tag {1} cannot be derived from them; set "image", e.g. "{0}" or "sha-{sha7}".', `{${gitValue}}`, DEFAULT_IMAGE_TEMPLATE)
          : l10n.t("The image tag's {0} cannot be derived from git tags that hold {1}; use {1}, {sha} or {sha7}.", `{${image.value.value}}`, `{${gitValue}}`),
    });
  }
  return problems;
}

/** The text of a git tag before its value: what a profile's `gitTagPrefix` defaults to under a template. */
export function gitTagPrefixOfTemplate(template: string, appId: string): string {
  return template.split('{app}').join(appId).split(/\{(?:date|version)\}/)[0] ?? '';
}

/** What an app's tag scheme is read from: its id, git tag prefix and `releaseTags` (AppProfile). */
export interface SchemedApp {
  readonly id: string;
  readonly gitTagPrefix: string;
  readonly releaseTags?: { readonly git?: string; readonly image?: string };
}

const schemes = new WeakMap<object, TagScheme>();

/** The scheme of an app of a validated profile (validation refused any template this cannot read). */
export function tagSchemeOf(app: SchemedApp): TagScheme {
  const known = schemes.get(app);
  if (known !== undefined) {
    return known;
  }
  const git = parseTagTemplate(app.releaseTags?.git ?? `${app.gitTagPrefix}{date}`, 'git', app.id);
  const image = parseTagTemplate(app.releaseTags?.image ?? DEFAULT_IMAGE_TEMPLATE, 'image', app.id);
  const scheme = {
    git: git.ok ? git.value : { text: `${app.gitTagPrefix}{date}`, before: app.gitTagPrefix, after: '', value: 'date' as const },
    image: image.ok ? image.value : DEFAULT_IMAGE_SCHEME.image,
  };
  schemes.set(app, scheme);
  return scheme;
}

/** Openverse's image tags, `rel-{date}`: what a title is read with when no app's scheme is known. */
export const DEFAULT_IMAGE_SCHEME: Pick<TagScheme, 'image'> = {
  image: { text: DEFAULT_IMAGE_TEMPLATE, before: IMAGE_TAG_PREFIX, after: '', value: 'date' },
};

/** How a template reads in messages: `web@{version}` → `web@MAJOR.MINOR.PATCH`. */
export function templateHint(template: TagTemplate): string {
  const value = template.value === 'version' ? 'MAJOR.MINOR.PATCH' : template.value === 'date' ? 'YYYY.MM.DD.HH.MM.SS' : template.value === 'sha' ? '<commit SHA>' : '<7-character SHA>';
  return `${template.before}${value}${template.after}`;
}

function readValue(text: string, template: TagTemplate): Result<string> {
  if (!text.startsWith(template.before) || !text.endsWith(template.after) || text.length <= template.before.length + template.after.length) {
    return refuse(`expected ${templateHint(template)}.`);
  }
  return ok(text.slice(template.before.length, text.length - template.after.length));
}

/**
 * False for text that cannot be one of the app's git tags (readGitTag refuses it), found without wording why: what a
 * loop over the whole releases listing checks first, once per app (a 100-app monorepo lists some 300 releases).
 */
export function mayBeGitTagOf(scheme: TagScheme, text: string): boolean {
  return text.startsWith(scheme.git.before) && text.endsWith(scheme.git.after);
}

/** Reads one of the app's git tags: its version, or why it is not one of the app's release tags. */
export function readGitTag(scheme: Pick<TagScheme, 'git'>, text: string): Result<ReleaseTag> {
  if (text.length === 0 || text.length > MAX_GIT_TAG_LENGTH || !/^[\x21-\x7e]+$/.test(text) || /[~^:?*[\\]/.test(text)) {
    return refuse(`"${text.slice(0, 60)}" is not a git tag name.`);
  }
  const value = readValue(text, scheme.git);
  if (!value.ok) {
    return refuse(`"${text}" is not a git tag of this app: ${value.error}`);
  }
  const version = readReleaseVersion(value.value, scheme.git.value === 'date' ? 'date' : 'version');
  return version.ok ? ok({ gitTag: text, version: version.value }) : refuse(`"${text}" is not a valid git tag: ${version.error} Expected ${templateHint(scheme.git)}.`);
}

/** The git tag of a version under the scheme. */
export function gitTagOf(scheme: TagScheme, version: ReleaseVersion): string {
  return `${scheme.git.before}${version.text}${scheme.git.after}`;
}

/**
 * The image tag a release's images get, or undefined when it cannot be written: a commit-SHA template
 * without the commit, or a version with build metadata (`+`, which Docker tags cannot hold).
 */
export function imageTagOfRelease(scheme: Pick<TagScheme, 'image'>, version: ReleaseVersion, commitSha?: string): string | undefined {
  switch (scheme.image.value) {
    case 'date':
    case 'version':
      return version.text.includes('+') ? undefined : `${scheme.image.before}${version.text}${scheme.image.after}`;
    case 'sha':
      return commitSha !== undefined && isFullSha(commitSha) ? `${scheme.image.before}${commitSha}${scheme.image.after}` : undefined;
    case 'sha7':
      return commitSha !== undefined && isFullSha(commitSha) ? `${scheme.image.before}${commitSha.slice(0, 7)}${scheme.image.after}` : undefined;
  }
}

/**
 * Parses an image tag that pins one image: a release's image tag per the scheme, or the 40-character
 * commit SHA CI tags every build with. `latest` is refused: it moves.
 */
export function readImageTag(scheme: Pick<TagScheme, 'image'>, text: string): Result<SchemeImageTag> {
  const hostile = hostileInputProblem(text, 'image tag');
  if (hostile) {
    return refuse(hostile);
  }
  const expected = `expected ${templateHint(scheme.image)} or a 40-character commit SHA`;
  if (text === LATEST) {
    return refuse(`"latest" moves with every build, so it cannot pin a deployment: ${expected}.`);
  }
  if (text.length > MAX_IMAGE_TAG_LENGTH) {
    return refuse(`"${text.slice(0, 60)}…" is longer than an image tag can be.`);
  }
  const value = readValue(text, scheme.image);
  if (value.ok) {
    if (scheme.image.value === 'date' || scheme.image.value === 'version') {
      const version = readReleaseVersion(value.value, scheme.image.value);
      if (version.ok) {
        return ok({ kind: 'release', text, version: version.value });
      }
      if (!isFullSha(text)) {
        return refuse(`"${text}" is not an image tag: ${expected}. ${version.error}`);
      }
    } else if (scheme.image.value === 'sha' ? isFullSha(value.value) : /^[0-9a-f]{7}$/.test(value.value)) {
      return ok({ kind: 'commit', text, sha: value.value });
    }
  }
  if (isFullSha(text)) {
    return ok({ kind: 'commit', text, sha: text });
  }
  if (/^[0-9a-f]{7,39}$/.test(text)) {
    return refuse(`"${text}" looks like an abbreviated commit SHA; images are tagged with the full 40-character SHA.`);
  }
  return refuse(`"${text}" is not an image tag: ${expected}.`);
}

/** A regular expression source matching the values of the scheme's git tags (a date, or a semantic version). */
export function gitValueSource(scheme: Pick<TagScheme, 'git'>): string {
  return scheme.git.value === 'date' ? VERSION_SOURCES.date : VERSION_SOURCES.version;
}
