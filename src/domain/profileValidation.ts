import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import validateAgainstSchema from './generated/profileSchemaValidator';
import type { SchemaError } from './generated/profileSchemaValidator';
import { urlProblem } from './links';
import { applyDefaults, type RawProfile } from './profileDefaults';
import { controlCharacterProblem, hazardProblems, NO_CONTROL_CHARACTERS_PATTERN } from './profileHazards';
import { depthProblem, duplicateKeyProblems } from './profileText';
import type { Profile, ProfileChoice, ProfileProblem, ProfileValidation } from './profileTypes';
import type { DeckWithoutProfile } from './gitRemotes';
import { gitTagPrefixProblem } from './tags';
import { sharedGitTag } from './tagOverlap';
import { releaseTagsProblems, tagSchemeOf, type TagScheme } from './tagScheme';

const MANUAL_PLACEHOLDERS = new Set(['imageTag', 'gitTag', 'environment']);
const CHANGELOG_PLACEHOLDERS = new Set(['gitTag', 'app', 'date']);

/** Parses a profile file's text. Every problem found is reported, each with its JSON path. */
export function parseProfileText(text: string): ProfileValidation {
  // Past the depth limit, what the schema says of the nesting is noise, and recursive readers (the JSONC parser first) overflow.
  const tooDeep = depthProblem(text);
  if (tooDeep !== undefined) {
    return { ok: false, problems: [tooDeep] };
  }
  // JSONC as the editor shows the file (jsonc-parser, as VS Code's own settings): comments are allowed, trailing commas are not.
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false });
  const [error] = errors;
  if (error !== undefined) {
    return { ok: false, problems: [{ path: '$', message: `The file is not valid JSON: ${printParseErrorCode(error.error)} at line ${lineOf(text, error.offset)}.` }] };
  }
  const duplicates = duplicateKeyProblems(text);
  const validation = validateProfile(data);
  if (duplicates.length === 0) {
    return validation;
  }
  return { ok: false, problems: [...duplicates, ...(validation.ok ? [] : validation.problems)] };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Validates a profile against the JSON schema, then with the checks a schema cannot express. */
export function validateProfile(data: unknown): ProfileValidation {
  if (!validateAgainstSchema(data)) {
    return { ok: false, problems: describeSchemaErrors(validateAgainstSchema.errors ?? []) };
  }
  // The schema has vouched for the shape; from here on the raw types hold.
  const raw = data as RawProfile;
  const profile = applyDefaults(raw);
  const problems = [...semanticProblems(profile, raw.apps.map((app) => app.gitTagPrefix)), ...hazardProblems(profile)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profile };
}

/** Converts a JSON pointer such as `/apps/1/id` into `$.apps[1].id`. */
export function jsonPathOf(pointer: string): string {
  if (pointer === '') {
    return '$';
  }
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
      .join('')
  );
}

function describeSchemaErrors(errors: readonly SchemaError[]): ProfileProblem[] {
  const seen = new Set<string>();
  const problems: ProfileProblem[] = [];
  for (const error of errors) {
    // A failed oneOf is explained by the errors of the branch the discriminator chose.
    if (error.keyword === 'oneOf' || error.keyword === 'if') {
      continue;
    }
    const problem = describeSchemaError(error);
    const key = `${problem.path} ${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function describeSchemaError(error: SchemaError): ProfileProblem {
  const path = jsonPathOf(error.instancePath);
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return { path, message: `"${String(params.missingProperty)}" is required here.` };
    case 'additionalProperties':
      return {
        path: `${path}.${String(params.additionalProperty)}`,
        message: `"${String(params.additionalProperty)}" is not a profile field here (check its spelling).`,
      };
    case 'pattern':
      if (params.pattern === NO_CONTROL_CHARACTERS_PATTERN) {
        return { path, message: `The command ${controlCharacterProblem('\n') ?? ''}` };
      }
      return { path, message: `does not match the expected form ${String(params.pattern)}.` };
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}.` };
    case 'discriminator':
      return { path: `${path}.kind`, message: 'must be "workflow", "manual" or "latest".' };
    default:
      return { path, message: `${error.message ?? 'is invalid'}.` };
  }
}

/** `rawPrefixes`: each app's gitTagPrefix as the file gives it (undefined where the default applies). */
function semanticProblems(profile: Profile, rawPrefixes: ReadonlyArray<string | undefined>): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  const declaredRepos = new Set([profile.monorepo.toLowerCase(), profile.infrastructureRepo.toLowerCase()]);

  for (const [key, url] of Object.entries(profile.github)) {
    if (typeof url === 'string') {
      const problem = urlProblem(url);
      if (problem) {
        add(`$.github.${key}`, problem);
      }
    }
  }
  for (const placeholder of placeholdersIn(profile.changelogBranch)) {
    if (!CHANGELOG_PLACEHOLDERS.has(placeholder)) {
      add('$.changelogBranch', `{${placeholder}} is not a known placeholder; use {gitTag}, {app} or {date}.`);
    }
  }

  const appIds = new Map<string, number>();
  const releasing: Array<{ readonly index: number; readonly scheme: TagScheme }> = [];
  profile.apps.forEach((app, appIndex) => {
    const appPath = `$.apps[${appIndex}]`;
    const firstWithId = appIds.get(app.id);
    if (firstWithId !== undefined) {
      add(`${appPath}.id`, `The app id "${app.id}" is already used by $.apps[${firstWithId}].`);
    } else {
      appIds.set(app.id, appIndex);
    }
    if (app.releaseTags?.git === undefined) {
      const prefixProblem = gitTagPrefixProblem(app.gitTagPrefix);
      if (prefixProblem) {
        add(`${appPath}.gitTagPrefix`, prefixProblem);
      }
    } else if (rawPrefixes[appIndex] !== undefined) {
      add(`${appPath}.gitTagPrefix`, `Set either "gitTagPrefix" (date-stamped tags) or "releaseTags.git", not both: the template already says how the git tags start.`);
    }
    const tagProblems = app.releaseTags !== undefined ? releaseTagsProblems(app.releaseTags, app.id) : [];
    for (const problem of tagProblems) {
      add(`${appPath}.releaseTags.${problem.field}`, problem.message);
    }
    // A git template refused above says nothing of which tags the app claims.
    if (app.usesReleases && !tagProblems.some((problem) => problem.field === 'git')) {
      // Two apps must not claim the same tags, wherever the template puts the app (not only a shared prefix).
      const scheme = tagSchemeOf(app);
      const tagsField = app.releaseTags?.git !== undefined ? `${appPath}.releaseTags.git` : `${appPath}.gitTagPrefix`;
      const earlier = releasing.find((other) => other.scheme.git.text === scheme.git.text);
      const overlapping = earlier === undefined ? releasing.map((other) => ({ ...other, tag: sharedGitTag(other.scheme, scheme) })).find((other) => other.tag !== undefined) : undefined;
      if (earlier !== undefined) {
        add(tagsField, `The git tags "${scheme.git.text}" are already used by $.apps[${earlier.index}]; each app needs its own.`);
      } else if (overlapping !== undefined) {
        add(tagsField, `The git tags of this app ("${scheme.git.text}") and of $.apps[${overlapping.index}] ("${overlapping.scheme.git.text}") overlap: "${overlapping.tag ?? ''}" would be a release of both; each app needs tags of its own.`);
      } else {
        releasing.push({ index: appIndex, scheme });
      }
    }
    app.sourceFolders.forEach((folder, index) => {
      if (folder.split('/').includes('..')) {
        add(`${appPath}.sourceFolders[${index}]`, `"${folder}" leaves the workspace folder; use a path inside it.`);
      }
    });
    if (app.buildPaths !== undefined) {
      buildPathsProblems(app.buildPaths).forEach(({ index, message }) => {
        add(`${appPath}.buildPaths${index !== undefined ? `[${index}]` : ''}`, message);
      });
    }
    app.envFiles.forEach((file, index) => {
      if (file.split('/').includes('..')) {
        add(`${appPath}.envFiles[${index}]`, `"${file}" leaves the workspace folder; use a path inside it.`);
      }
    });

    const environmentIds = new Map<string, number>();
    // One environment per app is deployed on publish: a publish guards, checks and follows that one.
    let deployedOnPublish: number | undefined;
    app.environments.forEach((environment, environmentIndex) => {
      const environmentPath = `${appPath}.environments[${environmentIndex}]`;
      const firstEnvironment = environmentIds.get(environment.id);
      if (firstEnvironment !== undefined) {
        add(`${environmentPath}.id`, `The environment id "${environment.id}" is already used by ${appPath}.environments[${firstEnvironment}].`);
      } else {
        environmentIds.set(environment.id, environmentIndex);
      }
      if (environment.versionUrl !== undefined) {
        const problem = urlProblem(environment.versionUrl);
        if (problem) {
          add(`${environmentPath}.versionUrl`, problem);
        }
      }
      environment.consoleLinks.forEach((link, index) => {
        const problem = urlProblem(link.url);
        if (problem) {
          add(`${environmentPath}.consoleLinks[${index}].url`, problem);
        }
      });
      if (environment.deployedOnPublish && !app.usesReleases) {
        add(`${environmentPath}.deployedOnPublish`, `The app "${app.id}" has no GitHub Releases ("usesReleases": false), so publishing cannot deploy it.`);
      }
      if (environment.deployedOnPublish && profile.releaseWorkflow === undefined) {
        add(`${environmentPath}.deployedOnPublish`, 'Set "releaseWorkflow" at the top of the profile: it is the GitHub Workflow that deploys on publish.');
      }
      if (environment.deployedOnPublish && deployedOnPublish !== undefined) {
        const first = app.environments[deployedOnPublish];
        add(
          `${environmentPath}.deployedOnPublish`,
          `Publishing a GitHub Release of "${app.id}" already deploys ${appPath}.environments[${deployedOnPublish}] ("${first?.id ?? ''}"); Release Deck guards and follows one environment per publish, so only one environment of an app can be deployed on publish.`,
        );
      } else if (environment.deployedOnPublish) {
        deployedOnPublish = environmentIndex;
      }
      const deploy = environment.deploy;
      const deployPath = `${environmentPath}.deploy`;
      if (deploy.kind === 'workflow' && !declaredRepos.has(deploy.repo.toLowerCase())) {
        add(
          `${deployPath}.repo`,
          `"${deploy.repo}" is neither the monorepo nor the infrastructure repository; Release Deck only dispatches GitHub Workflows in the repositories the profile declares.`,
        );
      }
      if (deploy.kind === 'manual') {
        deploy.steps.forEach((step, index) => {
          for (const field of ['title', 'command'] as const) {
            for (const placeholder of placeholdersIn(step[field] ?? '')) {
              if (!MANUAL_PLACEHOLDERS.has(placeholder)) {
                add(`${deployPath}.steps[${index}].${field}`, `{${placeholder}} is not a known placeholder; use {imageTag}, {gitTag} or {environment}.`);
              }
            }
          }
        });
        deploy.links.forEach((link, index) => {
          const problem = urlProblem(link.url);
          if (problem) {
            add(`${deployPath}.links[${index}].url`, problem);
          }
        });
      }
      if (deploy.kind === 'latest' && app.usesReleases) {
        add(`${deployPath}.kind`, `"latest" environments belong to apps without GitHub Releases; set "usesReleases": false on ${appPath}.`);
      }
    });
  });
  return problems;
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
}

/**
 * The workspace's profile file wins when there is one, but only in a trusted workspace: an untrusted
 * one could point deployments at another repository, so its file is ignored (and the user told). Without
 * a usable file, `withoutFile` decides (gitRemotes.ts): Openverse's built-in profile only for a checkout of
 * WordPress/openverse or when the user chose it, else none.
 */
export function chooseProfile(input: { readonly fileText: string | undefined; readonly trusted: boolean; readonly withoutFile: DeckWithoutProfile }): ProfileChoice {
  if (input.fileText !== undefined && input.trusted) {
    const validation = parseProfileText(input.fileText);
    return validation.ok ? { kind: 'workspace', profile: validation.profile } : { kind: 'broken', problems: validation.problems };
  }
  const ignoredBecauseUntrusted = input.fileText !== undefined;
  const withoutFile = input.withoutFile;
  return withoutFile.kind === 'openverse'
    ? { kind: 'builtIn', ignoredBecauseUntrusted, because: withoutFile.because }
    : { kind: 'none', ignoredBecauseUntrusted, because: withoutFile.because, ...(withoutFile.repository !== undefined ? { repository: withoutFile.repository } : {}) };
}

/** What is wrong with an app's `buildPaths` (buildPaths.ts): none, a glob, a path leaving the workspace, a repeat. */
function buildPathsProblems(paths: readonly string[]): Array<{ index?: number; message: string }> {
  if (paths.length === 0) {
    return [{ message: 'buildPaths names no path, so no change would rebuild the images; name the folders or files whose changes make CI build them, or remove buildPaths to use sourceFolders.' }];
  }
  return paths.flatMap((path, index) => {
    if (/[*?[\]{}!]/.test(path)) {
      return [{ index, message: `"${path}" is a pattern; name a folder or file (e.g. "${path.split(/[*?[\]{}!]/, 1)[0] ?? ''}"), as GitHub lists commits by path, not by pattern.` }];
    }
    if (path.split('/').includes('..')) {
      return [{ index, message: `"${path}" leaves the repository; use a path inside it.` }];
    }
    return paths.indexOf(path) < index ? [{ index, message: `"${path}" is named twice.` }] : [];
  });
}
