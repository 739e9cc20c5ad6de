/**
 * The workflows of the simulator's world (world.ts): what a workflow file declares (its inputs, `run-name`,
 * jobs and steps) and the role it plays in the simulated release process.
 */

export interface WorldWorkflowInput {
  readonly description?: string;
  readonly required?: boolean;
  readonly default?: string;
}

/**
 * What a workflow is for in the simulated release process. Its steps (`jobs`) say when each effect
 * happens; the role holds what the workflow file hard-codes (event types, payload keys, branches).
 */
export type WorkflowRole =
  | {
      /**
       * The monorepo's release workflow ("Tag Docker image and trigger deployment", openverse-facts §1.3,
       * on release: released): tags `latest` as `rel-{date}`, sends `repository_dispatch` and waits for
       * the deployment it set off (felixp8/dispatch-and-wait), then opens the changelog pull request.
       */
      readonly kind: 'tagAndDeploy';
      /** Git tag prefix → repository_dispatch event type sent to `dispatchRepo` (API and frontend only). */
      readonly deployEvents: Readonly<Record<string, string>>;
      readonly dispatchRepo: string;
      /** Keys of the client payload it sends (§1.3: `{"actor", "tag"}`); defaults to those. */
      readonly payloadKeys?: { readonly actor: string; readonly tag: string };
      /** Branch of the changelog pull request; {gitTag} is replaced. */
      readonly changelogBranch: string;
    }
  | {
      /** A deployment workflow: its check step fails on an unknown image tag; on success the environment runs it. */
      readonly kind: 'deploy';
      readonly app: string;
      readonly environment: string;
      /**
       * Where the run reads its image tag, as its own definition declares: the `workflow_dispatch` input
       * and the `repository_dispatch` client-payload key. Default: `{ input: 'tag', payload: 'tag' }`.
       */
      readonly tagFrom?: { readonly input?: string; readonly payload?: string };
    }
  | {
      /**
       * CI on a push to the default branch ("CI + CD", openverse-facts §1.4): builds `latest` and the
       * 40-char SHA image of every app whose folders the push touches, then dispatches the staging
       * deployment of those that have one, with `{actor, tag: SHA, run_name: first line of the message}`.
       */
      readonly kind: 'ci';
      readonly apps: Readonly<Record<string, { readonly folders: readonly string[]; readonly stagingEvent?: string }>>;
      readonly dispatchRepo: string;
      /** Keys of the staging client payload (§1.4: `{"actor", "tag", "run_name"}`); defaults to those. */
      readonly payloadKeys?: { readonly actor: string; readonly tag: string; readonly runName: string };
    }
  | {
      /**
       * "Draft releases" on a push (openverse-facts §1.1): replaces each app's draft with `{app}-{date}`;
       * release-drafter lists the pushed change in the drafts of the apps whose folders it touches.
       */
      readonly kind: 'draftReleases';
      readonly apps: Readonly<Record<string, { readonly folders: readonly string[] }>>;
    };

/**
 * What a step does to the world besides taking its time (the step's `does`). A step without one only
 * takes its `seconds`.
 */
export type StepAction =
  /** deploy: fails the run unless the image tag the run was given exists. */
  | 'checkImageTag'
  /** deploy: the environment's /version answers the image's commit from now on. */
  | 'deployImage'
  /** release: `rel-{date}` becomes an alias of whatever `latest` is now. */
  | 'tagLatestAsRelease'
  /** release: repository_dispatch, then wait for the run it finds (skipped for an app with no deploy event). */
  | 'dispatchAndWait'
  /** release: the changelog pull request. */
  | 'openChangelogPull'
  /** ci: `latest` + SHA images of the apps the push changed. */
  | 'buildImages'
  /** ci: the staging deployment of the job's app (repository_dispatch), then wait for the run it finds, as dispatch-and-wait does. */
  | 'dispatchStaging'
  /** draftReleases: the job's app's draft (every app's in a job without one) replaced by `{app}-{date}`. */
  | 'draftReleases';

export interface WorldStep {
  readonly name: string;
  /** How long the step takes (a waiting step: until what it waits for ends). */
  readonly seconds: number;
  readonly does?: StepAction;
}

export interface WorldJob {
  readonly name: string;
  /**
   * The app a job is for: a matrix job's `matrix.app` ("Draft {app} release"), or a job of one app (CI's
   * "Deploy staging API"). Its steps act for that app; a CI job for an app the push did not change is skipped
   * (its `if:` on the app's changes, openverse-facts §1.4).
   */
  readonly app?: string;
  readonly steps: readonly WorldStep[];
  /**
   * The job's `environment:` (GitHub Actions, "Using environments for deployment"): a job that references
   * an environment with required reviewers waits for a review before it starts (reviews.ts).
   */
  readonly environment?: string;
  /**
   * The jobs it needs, by name (the file's `needs:`): a failure of one skips it, a re-run of failed jobs runs it
   * again (jobGraph.ts). Absent: the job before it.
   */
  readonly needs?: readonly string[];
}

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
    /** Runs on a push to the default branch. */
    readonly push?: boolean;
  };
  /** The workflow's `concurrency:` (group name, cancel-in-progress). */
  readonly concurrency?: { readonly group: string; readonly cancelInProgress: boolean };
  readonly role?: WorkflowRole;
  /**
   * Its jobs and their steps, as in the workflow file, run one after the other (GitHub runs jobs without
   * `needs` between them, such as a matrix's, in parallel); a failed job stops only the jobs that need it
   * (jobGraph.ts). Absent: one job "build" with one step.
   */
  readonly jobs?: readonly WorldJob[];
  /** How long a run stays queued before a runner takes it (seconds of the simulator's clock); `runningSeconds` is used by a workflow without jobs. */
  readonly durations?: { readonly queuedSeconds: number; readonly runningSeconds: number };
}
