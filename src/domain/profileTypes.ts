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
  /** The branch to dispatch on; when absent, the repository's default branch as GitHub reports it. */
  readonly ref?: string;
  readonly tagInput: string;
  readonly reasonInput?: string;
  /**
   * Where the workflow's run titles (its `run-name`) put what they deploy: `{imageTag}` or
   * `{commitTitle}` (the first line of the built commit's message), `*` for any text. Unset: the image
   * tag is read wherever a title names one. See runTitle.ts.
   */
  readonly runTitle?: string;
  /**
   * The events that start the workflow's runs, listed apart so a busy repository's other runs cannot push
   * them out of view. Unset: `workflow_dispatch` and `repository_dispatch` (how Release Deck and
   * Openverse's CI start deployments); add e.g. `push` for a deployment that runs on every merge.
   */
  readonly runEvents?: readonly string[];
}

export interface ManualStep {
  readonly title: string;
  /** Shell command with {imageTag}, {gitTag} and {environment} placeholders. */
  readonly command?: string;
}

/** Where a manual deployment records the image tag it deployed: a file of a repository, and the pattern that captures the tag in it. */
export interface RecordedIn {
  readonly repo: string;
  readonly path: string;
  /** A regular expression whose first capture group is the image tag, e.g. `image_tag: "(rel-[^"]+)"`. */
  readonly pattern: string;
}

/** A deployment a maintainer performs by hand (Ansible playbook, Terraform apply…). */
export interface ManualDeploy {
  readonly kind: 'manual';
  readonly tool: string;
  readonly steps: readonly ManualStep[];
  readonly links: readonly Link[];
  readonly recordedIn?: RecordedIn;
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
  /** The literal start of its git tags: `api-` under the date scheme, `web@` for `{app}@{version}`. */
  readonly gitTagPrefix: string;
  /** Templates of its git and image tags (tagScheme.ts); absent: Openverse's date scheme. */
  readonly releaseTags?: { readonly git?: string; readonly image?: string };
  readonly images: readonly string[];
  /**
   * The container package whose versions map each release image tag (`rel-…`, `1.4.2`… per `releaseTags.image`) to the commit SHA tag of the same image
   * (`GET /orgs/{org}/packages/container/{package}/versions`, scope read:packages): the exact build of a release.
   */
  readonly registry?: { readonly org: string; readonly package: string };
  readonly sourceFolders: readonly string[];
  /**
   * The folders or files whose changes rebuild the app's images (CI's path filter). Unset: `sourceFolders`,
   * an assumption (buildPaths.ts).
   */
  readonly buildPaths?: readonly string[];
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

/**
 * One problem of a profile file, located by a JSON path such as `$.apps[1].environments[0].id`: said in
 * English (`message`, for the log) and in the person's language (`said`, for the Problems panel).
 */
export interface ProfileProblem {
  readonly path: string;
  readonly message: string;
  readonly said: string;
}

export type ProfileValidation =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

/** Which profile is in force, from what the workspace holds and whether it is trusted. */
export type ProfileChoice =
  | { readonly kind: 'builtIn'; readonly ignoredBecauseUntrusted: boolean; readonly because: 'remote' | 'chosen' }
  /** No profile in force: not a checkout of Openverse and no usable profile file (the welcome view). */
  | { readonly kind: 'none'; readonly ignoredBecauseUntrusted: boolean; readonly because: 'noFolder' | 'noRemote' | 'otherRepository'; readonly repository?: string }
  | { readonly kind: 'workspace'; readonly profile: Profile }
  | { readonly kind: 'broken'; readonly problems: readonly ProfileProblem[] };
