import validateAgainstSchema from './generated/profileSchemaValidator';
import type { SchemaError } from './generated/profileSchemaValidator';
import { controlCharacterProblem, hazardProblems, NO_CONTROL_CHARACTERS_PATTERN } from './profileHazards';
import { depthProblem, duplicateKeyProblems } from './profileText';
import { gitTagPrefixProblem } from './tags';

/**
 * A profile describes one monorepo's release process: its apps, their environments, and how a
 * deployment happens in each. Its JSON form is defined by schemas/profile.schema.json; the types below
 * are the validated, defaults-applied shape the rest of the extension reads.
 */

export interface Link {
  readonly label: string;
  readonly url: string;
}

/** A deployment through a `workflow_dispatch` of a GitHub Workflow that takes the image tag. */
export interface WorkflowDeploy {
  readonly kind: 'workflow';
  readonly repo: string;
  readonly workflow: string;
  readonly ref: string;
  readonly tagInput: string;
  readonly reasonInput?: string;
}

export interface ManualStep {
  readonly title: string;
  /** Shell command with {imageTag}, {gitTag} and {environment} placeholders. */
  readonly command?: string;
}

/** A deployment a maintainer performs by hand (Ansible playbook, Terraform apply…). */
export interface ManualDeploy {
  readonly kind: 'manual';
  readonly tool: string;
  readonly steps: readonly ManualStep[];
  readonly links: readonly Link[];
}

/** No deployment at all: the environment pulls the image tagged `latest` whenever it starts. */
export interface LatestDeploy {
  readonly kind: 'latest';
  readonly explanation?: string;
}

export type DeployMethod = WorkflowDeploy | ManualDeploy | LatestDeploy;

export interface EnvironmentProfile {
  readonly id: string;
  readonly label: string;
  readonly production: boolean;
  readonly versionUrl?: string;
  readonly deployedOnPublish: boolean;
  readonly consoleLinks: readonly Link[];
  readonly deploy: DeployMethod;
}

export interface AppProfile {
  readonly id: string;
  readonly label: string;
  readonly usesReleases: boolean;
  readonly gitTagPrefix: string;
  readonly images: readonly string[];
  readonly sourceFolders: readonly string[];
  readonly envFiles: readonly string[];
  readonly environments: readonly EnvironmentProfile[];
}

export interface Profile {
  readonly name: string;
  readonly github: { readonly apiUrl?: string; readonly webUrl?: string };
  readonly monorepo: string;
  readonly infrastructureRepo: string;
  readonly releaseWorkflow?: string;
  readonly changelogBranch: string;
  readonly apps: readonly AppProfile[];
}

/** One problem of a profile file, located by a JSON path such as `$.apps[1].environments[0].id`. */
export interface ProfileProblem {
  readonly path: string;
  readonly message: string;
}

export type ProfileValidation =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

export const DEFAULT_CHANGELOG_BRANCH = 'changelog/{gitTag}';
const MANUAL_PLACEHOLDERS = new Set(['imageTag', 'gitTag', 'environment']);
const CHANGELOG_PLACEHOLDERS = new Set(['gitTag', 'app', 'date']);

/** Parses a profile file's text. Every problem found is reported, each with its JSON path. */
export function parseProfileText(text: string): ProfileValidation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '$', message: `The file is not valid JSON: ${reason}` }] };
  }
  // Past the depth limit, what the schema says of the nesting is noise, and recursive readers overflow.
  const tooDeep = depthProblem(text);
  if (tooDeep !== undefined) {
    return { ok: false, problems: [tooDeep] };
  }
  const duplicates = duplicateKeyProblems(text);
  const validation = validateProfile(data);
  if (duplicates.length === 0) {
    return validation;
  }
  return { ok: false, problems: [...duplicates, ...(validation.ok ? [] : validation.problems)] };
}

/** Validates a profile against the JSON schema, then with the checks a schema cannot express. */
export function validateProfile(data: unknown): ProfileValidation {
  if (!validateAgainstSchema(data)) {
    return { ok: false, problems: describeSchemaErrors(validateAgainstSchema.errors ?? []) };
  }
  // The schema has vouched for the shape; from here on the raw types hold.
  const profile = applyDefaults(data as RawProfile);
  const problems = [...semanticProblems(profile), ...hazardProblems(profile)];
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

interface RawLink {
  label: string;
  url: string;
}
interface RawEnvironment {
  id: string;
  label: string;
  production?: boolean;
  versionUrl?: string;
  deployedOnPublish?: boolean;
  consoleLinks?: RawLink[];
  deploy:
    | { kind: 'workflow'; repo: string; workflow: string; ref?: string; tagInput: string; reasonInput?: string }
    | { kind: 'manual'; tool: string; steps: ManualStep[]; links?: RawLink[] }
    | { kind: 'latest'; explanation?: string };
}
interface RawApp {
  id: string;
  label: string;
  usesReleases?: boolean;
  gitTagPrefix?: string;
  images?: string[];
  sourceFolders?: string[];
  envFiles?: string[];
  environments: RawEnvironment[];
}
interface RawProfile {
  name: string;
  github?: { apiUrl?: string; webUrl?: string };
  monorepo: string;
  infrastructureRepo: string;
  releaseWorkflow?: string;
  changelogBranch?: string;
  apps: RawApp[];
}

function applyDefaults(raw: RawProfile): Profile {
  return {
    name: raw.name,
    github: { ...raw.github },
    monorepo: raw.monorepo,
    infrastructureRepo: raw.infrastructureRepo,
    ...(raw.releaseWorkflow !== undefined ? { releaseWorkflow: raw.releaseWorkflow } : {}),
    changelogBranch: raw.changelogBranch ?? DEFAULT_CHANGELOG_BRANCH,
    apps: raw.apps.map((app) => ({
      id: app.id,
      label: app.label,
      usesReleases: app.usesReleases ?? true,
      gitTagPrefix: app.gitTagPrefix ?? `${app.id}-`,
      images: app.images ?? [],
      sourceFolders: (app.sourceFolders ?? []).map(normaliseFolder),
      envFiles: app.envFiles ?? [],
      environments: app.environments.map((environment) => ({
        id: environment.id,
        label: environment.label,
        production: environment.production ?? environment.id === 'production',
        ...(environment.versionUrl !== undefined ? { versionUrl: environment.versionUrl } : {}),
        deployedOnPublish: environment.deployedOnPublish ?? false,
        consoleLinks: environment.consoleLinks ?? [],
        deploy: deployWithDefaults(environment.deploy),
      })),
    })),
  };
}

function deployWithDefaults(deploy: RawEnvironment['deploy']): DeployMethod {
  switch (deploy.kind) {
    case 'workflow':
      return { ...deploy, ref: deploy.ref ?? 'main' };
    case 'manual':
      return { ...deploy, links: deploy.links ?? [] };
    case 'latest':
      return deploy;
  }
}

function normaliseFolder(folder: string): string {
  const forward = folder.replace(/\\/g, '/');
  return forward.endsWith('/') ? forward : `${forward}/`;
}

function semanticProblems(profile: Profile): ProfileProblem[] {
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
  const prefixes = new Map<string, number>();
  profile.apps.forEach((app, appIndex) => {
    const appPath = `$.apps[${appIndex}]`;
    const firstWithId = appIds.get(app.id);
    if (firstWithId !== undefined) {
      add(`${appPath}.id`, `The app id "${app.id}" is already used by $.apps[${firstWithId}].`);
    } else {
      appIds.set(app.id, appIndex);
    }
    const prefixProblem = gitTagPrefixProblem(app.gitTagPrefix);
    if (prefixProblem) {
      add(`${appPath}.gitTagPrefix`, prefixProblem);
    }
    const firstWithPrefix = prefixes.get(app.gitTagPrefix);
    if (app.usesReleases) {
      if (firstWithPrefix !== undefined) {
        add(`${appPath}.gitTagPrefix`, `The git tag prefix "${app.gitTagPrefix}" is already used by $.apps[${firstWithPrefix}]; each app needs its own.`);
      } else {
        prefixes.set(app.gitTagPrefix, appIndex);
      }
    }
    app.sourceFolders.forEach((folder, index) => {
      if (folder.split('/').includes('..')) {
        add(`${appPath}.sourceFolders[${index}]`, `"${folder}" leaves the workspace folder; use a path inside it.`);
      }
    });
    app.envFiles.forEach((file, index) => {
      if (file.split('/').includes('..')) {
        add(`${appPath}.envFiles[${index}]`, `"${file}" leaves the workspace folder; use a path inside it.`);
      }
    });

    const environmentIds = new Map<string, number>();
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

/** Links and endpoints must be https; plain http is allowed only for this machine (local simulators). */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL.`;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'A URL must not carry a user name or password.';
  }
  if (parsed.protocol === 'https:') {
    return undefined;
  }
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) {
    return undefined;
  }
  return `"${url}" must use https (plain http is accepted only for localhost).`;
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** The app whose source folders hold a path relative to the workspace folder (longest folder wins). */
export function appOfPath(profile: Profile, relativePath: string): AppProfile | undefined {
  const path = relativePath.replace(/\\/g, '/');
  let best: { app: AppProfile; length: number } | undefined;
  for (const app of profile.apps) {
    for (const folder of app.sourceFolders) {
      if (path.startsWith(folder) && (best === undefined || folder.length > best.length)) {
        best = { app, length: folder.length };
      }
    }
  }
  return best?.app;
}

/** Fills the placeholders of a manual procedure's step title or command. */
export function fillManualPlaceholders(command: string, values: { imageTag: string; gitTag: string; environment: string }): string {
  return command.replace(/\{(imageTag|gitTag|environment)\}/g, (_, key: 'imageTag' | 'gitTag' | 'environment') => values[key]);
}

/** Which profile is in force, from what the workspace holds and whether it is trusted. */
export type ProfileChoice =
  | { readonly kind: 'builtIn'; readonly ignoredBecauseUntrusted: boolean }
  | { readonly kind: 'workspace'; readonly profile: Profile }
  | { readonly kind: 'broken'; readonly problems: readonly ProfileProblem[] };

/**
 * The workspace's profile file wins when there is one, but only in a trusted workspace: an untrusted
 * one could point deployments at another repository, so its file is ignored (and the user told).
 */
export function chooseProfile(input: { readonly fileText: string | undefined; readonly trusted: boolean }): ProfileChoice {
  if (input.fileText === undefined) {
    return { kind: 'builtIn', ignoredBecauseUntrusted: false };
  }
  if (!input.trusted) {
    return { kind: 'builtIn', ignoredBecauseUntrusted: true };
  }
  const validation = parseProfileText(input.fileText);
  return validation.ok ? { kind: 'workspace', profile: validation.profile } : { kind: 'broken', problems: validation.problems };
}
