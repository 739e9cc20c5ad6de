import type { WorldWorkflow } from './worldWorkflows';

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
  /**
   * Organisations that enforce SAML SSO and for which this token is not authorized: their repositories
   * answer 403 with an X-GitHub-SSO header (routing.ts, `visibleRepo`).
   */
  readonly ssoRequired?: readonly string[];
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
  /** The whole text this commit gives some of its files (served by `GET …/contents/{path}`, routes/contents.ts). */
  readonly contents?: Readonly<Record<string, string>>;
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

/** What has happened to a step of a run the simulator started (times in ms of the simulator's clock). */
export interface StepProgress {
  readonly job: number;
  readonly name: string;
  startedMs?: number;
  completedMs?: number;
  conclusion?: 'success' | 'failure' | 'skipped' | 'cancelled';
}

/** A run the simulator started, as it goes: every time is set when the clock reaches it (runs.ts). */
export interface RunProgress {
  /** Waiting for its concurrency group (GitHub: status `pending`) since it was created. */
  pending?: boolean;
  /** When its concurrency group let it go: queued from then on. */
  queuedFromMs?: number;
  startedMs?: number;
  completedMs?: number;
  conclusion?: 'success' | 'failure' | 'cancelled';
  readonly steps: StepProgress[];
  /** The step a scripted failure (`POST /_admin/fail-next-run`) fails; absent: the run's own rules decide. */
  readonly failStep?: string;
  /**
   * Waiting on the protection rules of the environment its job `job` references (a review, a wait timer),
   * since `sinceMs` (GitHub: the run and the job have status `waiting`; "Reviewing deployments").
   */
  waitingForReview?: { readonly job: number; readonly sinceMs: number };
  /** The reviews given (`POST …/pending_deployments`): a job whose environment was approved runs on. */
  reviews?: Array<{ readonly job: number; readonly environmentId: number; readonly state: 'approved' | 'rejected'; readonly login: string; readonly comment: string; readonly atMs: number }>;
  /** dispatch-and-wait (the step waiting now): where and when it dispatched, and the run it found and follows (null: none found). */
  dispatchTarget?: string;
  dispatchedMs?: number;
  followed?: { readonly repo: string; readonly runId: number } | null;
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
  /** A recorded run (the world's history): how it ended, and how long it was queued, then ran. */
  readonly outcome: 'success' | 'failure' | 'cancelled';
  readonly queuedSeconds: number;
  readonly runningSeconds: number;
  /** Kept for worlds written before runs had progress: a recorded run's effects are in the world already. */
  effectsApplied?: boolean;
  /** A run the simulator started: its progress step by step (then `outcome` and the durations are unused). */
  progress?: RunProgress;
  /** Its attempt (`run_attempt`): 1, then one more for each re-run (reruns.ts). */
  attempt?: number;
}

export interface WorldPull {
  readonly number: number;
  title: string;
  readonly head: string;
  readonly base: string;
  state: 'open' | 'closed';
  body: string;
  /** The files the pull request changes, with their text on its head branch (`GET …/pulls/{n}/files`). */
  readonly contents?: Readonly<Record<string, string>>;
  readonly author: string;
  readonly createdAt: string;
  /** Set when it was closed (`PATCH …/pulls/{number}` with `state: closed`). */
  closedAt?: string;
}

/**
 * A reviewer of a protected environment, as GitHub's Environments API lists it under `protection_rules[].reviewers`
 * (`{type: 'User' | 'Team', reviewer}`), reduced to what identifies it; a team also names its members (which
 * GitHub keeps with the team), to tell whether the token's user may review.
 */
export type WorldReviewer =
  | { readonly type: 'User'; readonly reviewer: { readonly login: string } }
  | { readonly type: 'Team'; readonly reviewer: { readonly slug: string; readonly name: string; readonly members: readonly string[] } };

/**
 * A repository's deployment environment in the shape of GitHub's Environments API ("Get an environment":
 * `id`, `name`, `protection_rules`); the `required_reviewers` and `wait_timer` rules are modelled (minutes:
 * "The amount of time to delay a job after the job is initially triggered", 0 to 43,200).
 */
export interface WorldDeploymentEnvironment {
  readonly id: number;
  readonly name: string;
  protection_rules: WorldProtectionRule[];
}

export type WorldProtectionRule =
  | { readonly type: 'required_reviewers'; readonly reviewers: readonly WorldReviewer[] }
  | { readonly type: 'wait_timer'; readonly wait_timer: number };

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
  /** Its deployment environments with their protection rules (absent: none protected). */
  deploymentEnvironments?: WorldDeploymentEnvironment[];
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
  /**
   * App → image tag → commit the image was built from (openverse-facts §2): CI builds `latest` and the
   * 40-char SHA for each push that changes the app; the release workflow adds `rel-{date}` as an alias of
   * `latest` at that moment.
   */
  readonly images: Record<string, Record<string, string>>;
  /**
   * Container packages of worlds other than Openverse, as `owner/name` → key of `images` (Openverse's are
   * found by their names, `openverse-<app>`). GitHub Packages lists any package an organization owns
   * ("List package versions for a package owned by an organization", docs.github.com/rest/packages/packages).
   */
  readonly containerPackages?: Record<string, string>;
  /**
   * The version of GitHub Enterprise Server the world is served as under /api/v3 (`GET /meta`'s `installed_version`;
   * default `ENTERPRISE_VERSION`, routes/meta.ts): what it knows depends on it (a dispatch's `return_run_details`: 3.21).
   */
  readonly enterpriseVersion?: string;
  /** Workflow paths whose next runs fail, as a script: path → how many more runs fail. */
  readonly failNextRuns: Record<string, number>;
  /** Workflow path → the step the next scripted failures fail at (`POST /_admin/fail-next-run {"step"}`). */
  failNextRunSteps?: Record<string, string[]>;
}
