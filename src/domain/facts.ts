import type { VersionFailure } from './versionFailure';

/**
 * What a refresh learns from GitHub and from the environments' /version endpoints, as plain data.
 * The github/ and live/ layers produce these; domain/buildDeck.ts turns them into a DeckSnapshot.
 */

export interface ReleaseFact {
  readonly id: number;
  readonly name: string;
  readonly tagName: string;
  readonly draft: boolean;
  readonly prerelease: boolean;
  readonly body: string;
  readonly htmlUrl: string;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly targetCommitish: string;
}

/** A git tag of the monorepo and the commit it names. */
export interface TagFact {
  readonly name: string;
  readonly sha: string;
}

export interface CommitFact {
  readonly sha: string;
  /** The whole commit message; its first line is the commit's title. */
  readonly message: string;
  readonly author: string;
  readonly date: string;
  readonly htmlUrl: string;
}

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';

export interface WorkflowRunFact {
  readonly id: number;
  /** owner/name of the repository the run belongs to. */
  readonly repo: string;
  /** e.g. `.github/workflows/deploy-production-api.yml` */
  readonly workflowPath: string;
  readonly displayTitle: string;
  readonly event: string;
  readonly status: RunStatus;
  readonly conclusion: string | null;
  /** When the run was created (GitHub's `created_at`): a re-run keeps it. */
  readonly createdAt: string;
  /**
   * When its latest attempt started (`run_started_at`: "The start time of the latest run. Resets on re-run.",
   * GitHub's REST description of a workflow run); unset when GitHub did not say (then: `createdAt`, see attemptStartedAt).
   */
  readonly runStartedAt?: string;
  /** Its attempt (`run_attempt`): 1, then one more for each re-run; unset when GitHub did not say. */
  readonly runAttempt?: number;
  readonly updatedAt: string;
  readonly actor: string;
  readonly htmlUrl: string;
  /** The branch, or for a run started by publishing a release, the release's git tag. */
  readonly headBranch: string;
  readonly headSha: string;
}

/** When a run's latest attempt started: GitHub's `run_started_at`, else (not given) its creation. */
export function attemptStartedAt(run: Pick<WorkflowRunFact, 'createdAt' | 'runStartedAt'>): string {
  return run.runStartedAt ?? run.createdAt;
}

/** One step of a job, as `GET …/actions/runs/{id}/jobs` lists it. */
export interface StepFact {
  readonly name: string;
  readonly number: number;
  /** `queued`, `in_progress` or `completed` (GitHub may add others: kept as given). */
  readonly status: string;
  /** `success`, `failure`, `cancelled`, `skipped`… once completed, else null. */
  readonly conclusion: string | null;
  readonly startedAt?: string;
  readonly completedAt?: string;
}

/** One job of a workflow run, with its steps in order. */
export interface JobFact {
  readonly id: number;
  readonly name: string;
  readonly status: string;
  readonly conclusion: string | null;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly htmlUrl: string | null;
  readonly steps: readonly StepFact[];
}

/** Someone who may review a deployment waiting on an environment's required reviewers: a user (login) or a team (org/slug). */
export interface ReviewerFact {
  readonly type: 'User' | 'Team';
  readonly name: string;
}

/**
 * An environment a workflow run waits on before its job may start ("Get pending deployments for a workflow
 * run"): who may review it, since when it waits, and whether the signed-in user may.
 */
export interface PendingDeploymentFact {
  readonly environmentId: number;
  readonly environment: string;
  /** Minutes of the environment's wait timer (0: none). */
  readonly waitTimer: number;
  /** When the wait began, when GitHub says. */
  readonly waitingSince: string | null;
  readonly currentUserCanApprove: boolean;
  readonly reviewers: readonly ReviewerFact[];
}

/** One entry of a run's review history ("Get the review history for a workflow run"). */
export interface RunReviewFact {
  readonly environmentIds: readonly number[];
  readonly state: 'approved' | 'rejected' | 'pending';
  readonly login: string;
  readonly comment: string;
}

/** A pull request of the monorepo (e.g. a changelog pull request opened after a publish). */
export interface PullRequestFact {
  readonly number: number;
  readonly title: string;
  readonly htmlUrl: string;
  /** open or closed. */
  readonly state: string;
  /** The branch it comes from. */
  readonly headRef: string;
}

/** The newest commits of main that changed an app's sourceFolders (newest first), or why they are not known. */
export type AppCommits =
  | { readonly known: true; readonly commits: readonly CommitFact[] }
  /** `why` in the person's language; `logged` in English (for the log), when it differs. */
  | { readonly known: false; readonly why: string; readonly logged?: string };

/**
 * What an environment's `recordedIn.pattern` captured in one text of its file, run where the text was read
 * under a time limit (state/patternGuard.ts): the domain never runs the profile's pattern itself.
 */
export interface PatternCapture {
  /** The first capture group, trimmed; unset: the pattern matched nothing (or was refused, or stopped). */
  readonly captured?: string;
  /** The pattern took longer than the limit on this text (or on an earlier one) and was stopped. */
  readonly timedOut?: true;
  /** The text is longer than RECORD_TEXT_LIMIT: only its start was read. */
  readonly cut?: true;
}

/** The file a manual environment's procedure records its image tag in (recordedVersion.ts), as a refresh read it, with what that environment's pattern captured. */
export interface RecordFact {
  readonly repo: string;
  readonly path: string;
  /** What the pattern captured in the file on the default branch, and the last commit that changed it; unset: no such file. */
  readonly file?: { readonly capture: PatternCapture; readonly commit: { readonly sha: string; readonly author: string; readonly date: string; readonly htmlUrl: string } };
  /** Open pull requests that change the file, with what the pattern captured in it on their branch when it could be read. */
  readonly pulls: ReadonlyArray<{ readonly number: number; readonly htmlUrl: string; readonly author: string; readonly capture?: PatternCapture }>;
  /** Why the file or its pull requests could not be read, in the deck's language. */
  readonly problem?: string;
}

/** What an environment's /version endpoint answered. */
export type VersionFact =
  | { readonly kind: 'answered'; readonly release: string; readonly environment: string }
  | { readonly kind: 'unreachable'; readonly reason: string; readonly failure?: VersionFailure }
  | { readonly kind: 'malformed'; readonly reason: string; readonly failure?: VersionFailure };

/** The commits reachable from one commit that change one folder, newest first, as GitHub listed them (one page). */
export interface FolderHistoryFact {
  readonly commits: ReadonlyArray<{ readonly sha: string; readonly date: string }>;
  /** True when the listing holds every such commit (fewer than a page came back). */
  readonly complete: boolean;
}

/** What an app's container package said of its images (`AppProfile.registry`), or why it could not be read. */
export type RegistryFact =
  /** Each release image tag (`rel-…`, or per the app's image template) and the commit SHA its image was built from. */
  | { readonly kind: 'read'; readonly builds: Readonly<Record<string, string>> }
  /** `reason` in the person's language (the deck shows it), `logged` in English (the log), when it differs. */
  | { readonly kind: 'unavailable'; readonly reason: string; readonly logged?: string };

export interface DeckFacts {
  /** When the facts were gathered (ISO 8601). */
  readonly fetchedAt: string;
  /** The monorepo's GitHub Releases, drafts included. */
  readonly releases: readonly ReleaseFact[];
  /** The monorepo's git tags (as many as one listing returns). */
  readonly tags: readonly TagFact[];
  /** The newest commits of the monorepo's main branch, newest first. */
  readonly mainCommits: readonly CommitFact[];
  /** Runs of the deployment GitHub Workflows, in any order. */
  readonly deploymentRuns: readonly WorkflowRunFact[];
  /** Runs of the monorepo's release workflow (started by publishing a GitHub Release), in any order. */
  readonly releaseRuns: readonly WorkflowRunFact[];
  /** The jobs of the release runs in progress, by run id (read only while one is in progress). */
  readonly releaseRunJobs?: Readonly<Record<number, readonly JobFact[]>>;
  /**
   * For deployment runs with status `waiting` only (no request for any other run): the environments each
   * waits on, by run id; a run whose pending deployments could not be read is absent.
   */
  readonly pendingDeployments?: Readonly<Record<number, readonly PendingDeploymentFact[]>>;
  /** For waiting runs whose pending deployments were not read: why ("GitHub answered 403", "not read: …"), by run id, in the deck's language. */
  readonly pendingDeploymentsUnread?: Readonly<Record<number, string>>;
  /** The monorepo's open pull requests, newest first (one listing of 100), for the changelog pull requests. */
  readonly openPulls?: readonly PullRequestFact[];
  /**
   * Per app id, the commits of main that changed the app, when read in full (Deploy… reads them on demand);
   * a title naming a commit message is then matched among them. Else `commitFiles` serves.
   */
  readonly appCommits?: Readonly<Record<string, AppCommits>>;
  /**
   * The files changed by each of main's newest commits whose first line a deployment run's title names
   * (runTitle "{commitTitle}"): which apps each such commit built (titledCommits.ts).
   */
  readonly commitFiles?: Readonly<Record<string, readonly string[]>>;
  /** Why some of those commits' files could not be read (in the deck's language). */
  readonly commitFilesProblem?: string;
  /** For manual environments with `recordedIn`: the file their procedure records the tag in, keyed by `versionKey(app, environment)`. */
  readonly records?: Readonly<Record<string, RecordFact>>;
  /** /version answers, keyed by `versionKey(app, environment)`. */
  readonly versions: Readonly<Record<string, VersionFact>>;
  /**
   * Per commit and source folder (`historyKey` of sameBuild.ts), the app's commits up to it: read only
   * where an environment runs another commit than its app's newest release names (see sameBuild.ts).
   */
  readonly appHistories?: Readonly<Record<string, FolderHistoryFact>>;
  /** Per app id, for apps whose profile names a registry package: its release builds. */
  readonly registries?: Readonly<Record<string, RegistryFact>>;
}

export function versionKey(appId: string, environmentId: string): string {
  return `${appId}/${environmentId}`;
}
