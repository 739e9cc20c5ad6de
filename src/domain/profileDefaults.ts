import type { DeployMethod, ManualStep, Profile } from './profileTypes';
import { gitTagPrefixOfTemplate } from './tagScheme';

/** The profile file's shape as the JSON schema vouches for it, and the defaults that make it a Profile. */

export const DEFAULT_CHANGELOG_BRANCH = 'changelog/{gitTag}';

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
    | { kind: 'workflow'; repo: string; workflow: string; ref?: string; tagInput: string; reasonInput?: string; runTitle?: string; runEvents?: string[] }
    | { kind: 'manual'; tool: string; steps: ManualStep[]; links?: RawLink[]; recordedIn?: { repo?: string; path: string; pattern: string } }
    | { kind: 'latest'; explanation?: string };
}
interface RawApp {
  id: string;
  label: string;
  usesReleases?: boolean;
  gitTagPrefix?: string;
  releaseTags?: { git?: string; image?: string };
  images?: string[];
  registry?: { org: string; package: string };
  sourceFolders?: string[];
  buildPaths?: string[];
  envFiles?: string[];
  environments: RawEnvironment[];
}
export interface RawProfile {
  name: string;
  github?: { apiUrl?: string; webUrl?: string };
  monorepo: string;
  infrastructureRepo: string;
  releaseWorkflow?: string;
  changelogBranch?: string;
  apps: RawApp[];
}

export function applyDefaults(raw: RawProfile): Profile {
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
      gitTagPrefix: app.gitTagPrefix ?? (app.releaseTags?.git !== undefined ? gitTagPrefixOfTemplate(app.releaseTags.git, app.id) : `${app.id}-`),
      ...(app.releaseTags !== undefined ? { releaseTags: { ...app.releaseTags } } : {}),
      images: app.images ?? [],
      ...(app.registry !== undefined ? { registry: { org: app.registry.org, package: app.registry.package } } : {}),
      sourceFolders: (app.sourceFolders ?? []).map(normaliseFolder),
      ...(app.buildPaths !== undefined ? { buildPaths: app.buildPaths.map((path) => path.replace(/\\/g, '/')) } : {}),
      envFiles: app.envFiles ?? [],
      environments: app.environments.map((environment) => ({
        id: environment.id,
        label: environment.label,
        production: environment.production ?? environment.id === 'production',
        ...(environment.versionUrl !== undefined ? { versionUrl: environment.versionUrl } : {}),
        deployedOnPublish: environment.deployedOnPublish ?? false,
        consoleLinks: environment.consoleLinks ?? [],
        deploy: deployWithDefaults(environment.deploy, raw.infrastructureRepo),
      })),
    })),
  };
}

function deployWithDefaults(deploy: RawEnvironment['deploy'], infrastructureRepo: string): DeployMethod {
  switch (deploy.kind) {
    case 'workflow':
      return deploy;
    case 'manual': {
      const { recordedIn, ...rest } = deploy;
      return { ...rest, links: deploy.links ?? [], ...(recordedIn !== undefined ? { recordedIn: { ...recordedIn, repo: recordedIn.repo ?? infrastructureRepo } } : {}) };
    }
    case 'latest':
      return deploy;
  }
}

function normaliseFolder(folder: string): string {
  const forward = folder.replace(/\\/g, '/');
  return forward.endsWith('/') ? forward : `${forward}/`;
}
