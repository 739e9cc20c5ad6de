/**
 * The simulator's world: everything GitHub and the live environments know. A world is plain JSON
 * (see test/simulator/README.md); the simulator keeps it in memory and changes it as requests and
 * its clock move the release process along.
 */

export interface WorldToken {
  readonly token: string;
  readonly login: string;
  /** Scopes of a classic token, sent as X-OAuth-Scopes; null for a fine-grained token (no header). */
  readonly scopes: readonly string[] | null;
  /** Repositories (owner/name) the token may see; absent means every repository of the world. */
  readonly repos?: readonly string[];
}

export interface WorldFile {
  readonly filename: string;
  readonly patch?: string;
}

export interface WorldCommit {
  readonly sha: string;
  readonly message: string;
  readonly author: string;
  readonly date: string;
  readonly files?: readonly WorldFile[];
}

export interface WorldRelease {
  id: number;
  tagName: string;
  name: string;
  draft: boolean;
  prerelease: boolean;
  body: string;
  targetCommitish: string;
  createdAt: string;
  publishedAt: string | null;
  author: string;
}

export interface WorldWorkflowInput {
  readonly description?: string;
  readonly required?: boolean;
  readonly default?: string;
}

/** What a workflow does in the simulated release process when its run succeeds. */
export type WorkflowRole =
  | {
      /** The monorepo's "tag Docker image and trigger deployment" workflow (runs on release: released). */
      readonly kind: 'tagAndDeploy';
      /** Git tag prefix → repository_dispatch event type sent to `dispatchRepo` (API and frontend only). */
      readonly deployEvents: Readonly<Record<string, string>>;
      readonly dispatchRepo: string;
      /** Branch of the changelog pull request; {gitTag} is replaced. */
      readonly changelogBranch: string;
    }
  | {
      /** A deployment workflow: on success the environment runs the image tag it was given. */
      readonly kind: 'deploy';
      readonly app: string;
      readonly environment: string;
    };

export interface WorldWorkflow {
  readonly id: number;
  readonly name: string;
  /** e.g. `.github/workflows/deploy-production-api.yml` */
  readonly path: string;
  /**
   * The `run-name` template. Expressions `${{ a || b }}` take operands `inputs.NAME`,
   * `github.event.client_payload.NAME`, `github.actor` and 'quoted text'.
   */
  readonly runName?: string;
  readonly on: {
    readonly workflowDispatch?: Readonly<Record<string, WorldWorkflowInput>>;
    readonly repositoryDispatch?: readonly string[];
    readonly release?: readonly string[];
  };
  readonly role?: WorkflowRole;
  /** How long a run stays queued, then in progress (seconds of the simulator's clock). */
  readonly durations?: { readonly queuedSeconds: number; readonly runningSeconds: number };
}

export interface WorldRun {
  readonly id: number;
  readonly workflowPath: string;
  readonly event: string;
  readonly displayTitle: string;
  readonly createdAt: string;
  readonly actor: string;
  readonly headBranch: string;
  readonly headSha: string;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly clientPayload?: Readonly<Record<string, unknown>>;
  /** How the run ends. */
  readonly outcome: 'success' | 'failure' | 'cancelled';
  readonly queuedSeconds: number;
  readonly runningSeconds: number;
  /** Set once the run's effects have been applied. */
  effectsApplied?: boolean;
}

export interface WorldPull {
  readonly number: number;
  readonly title: string;
  readonly head: string;
  readonly base: string;
  state: 'open' | 'closed';
  readonly body: string;
  readonly author: string;
  readonly createdAt: string;
}

export interface WorldRepo {
  readonly fullName: string;
  readonly defaultBranch: string;
  readonly private: boolean;
  /** The default branch's history, oldest first (a linear main). */
  readonly commits: WorldCommit[];
  readonly tags: { name: string; sha: string }[];
  readonly releases: WorldRelease[];
  readonly workflows: readonly WorldWorkflow[];
  readonly runs: WorldRun[];
  readonly pulls: WorldPull[];
}

export interface WorldEnvironment {
  readonly app: string;
  readonly environment: string;
  /** Path of its /version endpoint on the simulator, e.g. `/live/api/production/version`. */
  readonly path: string;
  /** The commit SHA its `/version` reports. */
  release: string;
  /**
   * The `environment` field of its /version answer. Openverse's nginx serves `$DJANGO_NGINX_ENVIRONMENT` /
   * `$OPENVERSE_NGINX_ENVIRONMENT`, "local" by default in the image; the values the infrastructure sets are
   * not known (openverse-facts §3). Settable through `POST /_admin/environment` to model a URL that points
   * at another environment.
   */
  environmentName: string;
}

export interface World {
  /** The simulator clock's starting moment (ISO 8601). */
  readonly startTime: string;
  readonly rateLimit: number;
  readonly tokens: readonly WorldToken[];
  readonly repos: WorldRepo[];
  readonly environments: WorldEnvironment[];
  /** App → image tag → commit the image was built from. `rel-` tags appear once a release is tagged. */
  readonly images: Record<string, Record<string, string>>;
  /** Workflow paths whose next runs fail, as a script: path → how many more runs fail. */
  readonly failNextRuns: Record<string, number>;
}
