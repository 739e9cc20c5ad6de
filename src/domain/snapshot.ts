import type { ChangelogPull } from './changelogPulls';
import type { AppCommits, CommitFact, ReviewerFact, WorkflowRunFact } from './facts';
import type { AppProfile, EnvironmentProfile } from './profileTypes';
import type { ReleaseVersion } from './releaseVersion';

/**
 * The deck: what runs where, as one immutable snapshot built by buildDeck() from a refresh's facts.
 * Every view and command reads these types; only buildDeck.ts makes them.
 */

/** A published GitHub Release of one app, with the release tag it gave the app. */
export interface PublishedRelease {
  readonly id: number;
  readonly name: string;
  readonly gitTag: string;
  readonly imageTag: string;
  /** What orders it among the app's releases: the date or semantic version its git tag carries. */
  readonly version: ReleaseVersion;
  /** A semantic-version pre-release (`1.5.0-rc.1`): shown as such, never the newest release to compare with. */
  readonly prerelease: boolean;
  readonly publishedAt: string;
  readonly htmlUrl: string;
  readonly body: string;
  /** The commit its git tag names, when the tag listing showed it. */
  readonly commitSha?: string;
  /**
   * The commit its images were built from (what /version reports once it runs): the last commit at or
   * before `commitSha` that changed the app (sameBuild.ts), when its history was read.
   */
  readonly buildSha?: string;
  /** Where `buildSha` was learned: the registry's package versions (exact) or the app's commits (sameBuild.ts). */
  readonly buildFrom?: 'registry' | 'commits';
  /** Who published it: the actor of the release workflow run its publishing started, when that run is listed. */
  readonly publishedBy?: string;
}

/** A drafted GitHub Release: what publishing would release. */
export interface DraftRelease {
  readonly id: number;
  readonly name: string;
  readonly gitTag: string;
  /** The image tag the app's images get once the draft is published. */
  readonly imageTag: string;
  readonly version: ReleaseVersion;
  /** When GitHub says the draft was created (release-drafter replaces the draft on each push). */
  readonly createdAt: string;
  readonly body: string;
  /** The branch or commit GitHub creates the git tag on when the draft is published. */
  readonly targetCommitish: string;
  readonly htmlUrl: string;
  readonly changeCount: number;
}

/**
 * A deployment run waiting on an environment's required reviewers (GitHub: run status `waiting`; "Jobs
 * that reference an environment configured with required reviewers will wait for an approval before
 * starting"), as the deck shows it: whom it waits for, since when, and whether the signed-in user may review.
 */
export interface DeploymentReview {
  /** The GitHub environments it waits on (ids to review them, names to say them); empty when they could not be read. */
  readonly environments: ReadonlyArray<{ readonly id: number; readonly name: string }>;
  /** Who may review: users by login, teams as org/slug (any one of them is enough). */
  readonly reviewers: readonly ReviewerFact[];
  /** When the wait began, when GitHub said. */
  readonly since?: string;
  /** Whether the signed-in user may approve or reject it (GitHub's `current_user_can_approve`). */
  readonly canReview: boolean;
  /** Why its pending deployments could not be read (then nothing else is known: who may review, any wait timer). */
  readonly unread?: string;
  /** The longest wait timer (minutes) of the environments it waits on, when one is set. */
  readonly waitTimer?: number;
}

/** One run of an environment's deployment GitHub Workflow. */
export interface DeploymentRecord {
  readonly runId: number;
  readonly runUrl: string;
  readonly title: string;
  /** The image tag read from the run's title (or the commit its title names: runTitle.ts), when known. */
  readonly imageTag?: string;
  /** Why no image tag could be read from the title, when there is something to say (e.g. two commits share it). */
  readonly tagUnknown?: string;
  readonly status: WorkflowRunFact['status'];
  readonly conclusion: string | null;
  /** When its latest attempt started (GitHub's `run_started_at`; a re-run resets it): durations and "started … ago" count from here. */
  readonly startedAt: string;
  /** When the run was created (`created_at`; a re-run keeps it), set when it is not `startedAt` (a re-run): what dispatch-and-wait matches runs by. */
  readonly createdAt?: string;
  /** Its attempt when it was re-run (`run_attempt` above 1). */
  readonly attempt?: number;
  readonly updatedAt: string;
  readonly actor: string;
  readonly event: string;
  /**
   * Set on a successful deployment when the deployment that replaced this version deployed an older
   * release: it was rolled away from, so it is no "last known working" version (see rollback.ts).
   */
  readonly rolledAwayFrom?: { readonly on: string; readonly toImageTag: string };
  /** Why it cannot be told whether this version was rolled away from (the two image tags cannot be ordered). */
  readonly rollbackOrderUnknown?: string;
  /** Set while the run waits on its environment's required reviewers (status `waiting`): whom for, since when. */
  readonly review?: DeploymentReview;
}

export interface RunningVersion {
  readonly sha?: string;
  /** The release whose images run there, when one is known. */
  readonly release?: PublishedRelease;
  /** The release's image tag (`rel-…`, `1.4.2`…) when a release is known, else the commit SHA (or `{sha7}` tag) the image is tagged with. */
  readonly imageTag?: string;
  /** First line of the commit's message, when the commit is among the monorepo's recent commits. */
  readonly commitTitle?: string;
  /** Where the version was learned: the environment's /version endpoint, its last deployment, or the file its manual procedure records it in. */
  readonly source: 'version endpoint' | 'last deployment' | 'recorded';
}

export type EnvironmentState =
  | 'inSync'
  | 'behind'
  | 'deploying'
  /** A deployment run waits on the environment's required reviewers (its activeDeployment's `review`). */
  | 'awaitingReview'
  | 'failed'
  | 'unreachable'
  | 'unknown'
  | 'alwaysLatest';

export interface EnvironmentDeck {
  readonly appId: string;
  readonly environment: EnvironmentProfile;
  readonly state: EnvironmentState;
  /** One sentence explaining the state, in the glossary's terms. */
  readonly stateDetail: string;
  readonly running?: RunningVersion;
  /** Commits between what runs and the newest published release, when it runs something older. */
  readonly behindBy?: number;
  /** Commits between the newest published release and what runs, when it runs something newer. */
  readonly aheadBy?: number;
  readonly activeDeployment?: DeploymentRecord;
  /** A run of the release workflow for this app still under way (environments deployed on publish). */
  readonly publishingRun?: DeploymentRecord;
  readonly lastDeployment?: DeploymentRecord;
  readonly lastSuccessfulDeployment?: DeploymentRecord;
  /** Successful deployments, newest first (each one a possible rollback target). */
  readonly history: readonly DeploymentRecord[];
  /**
   * Every run of its deployment workflow the refresh listed, newest first, whoever started it and however
   * it ended (under way, succeeded, failed, cancelled): the team's history. Successful ones are the same
   * records as in `history`.
   */
  readonly runs: readonly DeploymentRecord[];
  readonly rollback: RollbackTarget;
  /** Set when its /version names another environment of the app: what it answers is not taken as what runs there. */
  readonly versionWarning?: string;
  /** A manual environment's recorded version changed in an open pull request, not merged yet: "rel-… in open PR #12". */
  readonly recordPending?: string;
}

export interface AppDeck {
  readonly app: AppProfile;
  /** The newest draft; publishing it is the next release of the app. */
  readonly draft?: DraftRelease;
  /** Every draft of the app, newest first (normally one). */
  readonly drafts: readonly DraftRelease[];
  /** Published releases, newest first. */
  readonly releases: readonly PublishedRelease[];
  readonly environments: readonly EnvironmentDeck[];
  /** Its changelog pull requests still open (to review), newest first. */
  readonly changelogPulls: readonly ChangelogPull[];
  /** The commits of main that changed the app, when a refresh read them (DeckFacts.appCommits). */
  readonly changedCommits?: AppCommits;
  /** Set when the profile names a registry that could not be read: the builds are inferred instead, and why. */
  readonly buildNote?: string;
}

export interface DeckSnapshot {
  readonly profileName: string;
  readonly generatedAt: string;
  readonly apps: readonly AppDeck[];
  /** Recent commits of the monorepo's default branch, newest first, for staging deploy candidates and commit titles. */
  readonly mainCommits: readonly CommitFact[];
}

export type RollbackTarget =
  | { readonly ok: true; readonly deployment: DeploymentRecord; readonly imageTag: string }
  | { readonly ok: false; readonly reason: string };

/** Finds the app and environment decks for ids, if the snapshot has them. */
export function findEnvironment(snapshot: DeckSnapshot, appId: string, environmentId: string): { app: AppDeck; environment: EnvironmentDeck } | undefined {
  const app = snapshot.apps.find((candidate) => candidate.app.id === appId);
  const environment = app?.environments.find((candidate) => candidate.environment.id === environmentId);
  return app !== undefined && environment !== undefined ? { app, environment } : undefined;
}

/** The production environment whose history an app's rollback uses: the first one deployed by workflow. */
export function productionOf(app: AppDeck): EnvironmentDeck | undefined {
  return app.environments.find((environment) => environment.environment.production && environment.environment.deploy.kind === 'workflow')
    ?? app.environments.find((environment) => environment.environment.production);
}
