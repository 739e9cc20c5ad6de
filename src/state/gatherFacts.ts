import { versionKey, type DeckFacts, type JobFact, type PendingDeploymentFact, type TagFact, type VersionFact, type WorkflowRunFact } from '../domain/facts';
import type { Profile } from '../domain/profileTypes';
import type { GitHubClient } from '../github/client';
import { historiesToRead } from '../domain/buildFacts';
import { readHistories } from '../github/appHistory';
import { listCommits, listTags } from '../github/commits';
import { describeError, ENGLISH, isGitHubError, type Language } from '../github/errors';
import { listOpenPullRequests } from '../github/pulls';
import { releasePages } from '../github/releases';
import { listRunJobs, listWorkflowRuns, repositoryRunPages } from '../github/workflows';
import { listPendingDeployments } from '../github/pendingDeployments';
import { probeVersion } from '../live/versionProbe';
import { gatherRecords } from './records';
import { readPagedListing } from './pagedListing';
import { gatherRegistries } from './registryBuilds';
import { readTitledCommitFiles } from './titledCommits';

/** The /version endpoints asked at once: all of the 100 × 3 world of the benchmark (one round trip), bounded beyond. */
export const MAX_CONCURRENT_PROBES = 300;

/** Waiting runs whose reviewers one refresh reads, at most (each one conditional request). */
export const MAX_WAITING_RUNS_READ = 10;

export interface GatherOptions {
  readonly probe?: (url: string) => Promise<VersionFact>;
  readonly now?: () => Date;
  /** Told what could not be read without failing the refresh (it shows as unknown in the deck). */
  readonly onProblem?: (message: string) => void;
  /**
   * The language the facts say what could not be read in (the deck shows it: the editor's display language);
   * English without it. What goes to `onProblem` (the log) stays English.
   */
  readonly language?: Language;
}

/**
 * How many pages of 100 runs to read per repository and deployment event: enough for a few runs of each
 * deployed environment, at most 7 (a 100-app × 3-environment monorepo then costs 20 requests per
 * refresh, all in parallel).
 */
export function runPagesFor(workflowEnvironments: number): number {
  return Math.min(7, Math.max(1, Math.ceil((workflowEnvironments * 2.5) / 100)));
}

/**
 * The events a deployment run starts by: a `workflow_dispatch` (Run workflow, or Release Deck) or a
 * `repository_dispatch` (sent by another workflow: Openverse's release and CI workflows, openverse-facts
 * §1.3, §1.4). Listing each apart (the runs listing's `event` filter) keeps a busy repository's CI runs
 * (push, pull_request) from pushing the deployments out of the window.
 */
export const DEPLOYMENT_EVENTS = ['workflow_dispatch', 'repository_dispatch'] as const;

/** How many pages of 100 GitHub Releases to read: a draft and a couple of releases per app, at most 3. */
export function releasePagesFor(apps: number): number {
  return Math.min(3, Math.max(1, Math.ceil((apps * 2.5) / 100)));
}

/**
 * One refresh's worth of facts, whatever the number of apps: the monorepo's releases, its release
 * workflow's runs (which name each published git tag's commit), the newest commits of the monorepo's branch, one listing
 * of runs per repository that holds deployment workflows and deployment event, the monorepo's open pull requests, all in parallel; plus every /version endpoint,
 * in parallel too (at most MAX_CONCURRENT_PROBES at a time). Conditional requests make an unchanged refresh free against the rate limit.
 */
export async function gatherFacts(client: GitHubClient, profile: Profile, options: GatherOptions = {}): Promise<DeckFacts> {
  const probe = options.probe ?? ((url: string) => probeVersion(url));
  const now = options.now ?? (() => new Date());
  const language = options.language ?? ENGLISH;
  const { l10n } = language;
  const deployRepos = new Map<string, number>();
  // Per repository, the events its deployment workflows are started by (the profile's runEvents, else the dispatches).
  const deployEvents = new Map<string, Set<string>>();
  for (const app of profile.apps) {
    for (const environment of app.environments) {
      if (environment.deploy.kind === 'workflow') {
        const repo = environment.deploy.repo;
        deployRepos.set(repo, (deployRepos.get(repo) ?? 0) + 1);
        const events = deployEvents.get(repo) ?? new Set<string>();
        for (const event of environment.deploy.runEvents ?? DEPLOYMENT_EVENTS) {
          events.add(event);
        }
        deployEvents.set(repo, events);
      }
    }
  }
  const anyReleases = profile.apps.some((app) => app.usesReleases);

  const releaseApps = profile.apps.filter((app) => app.usesReleases).length;
  // Later pages of the releases and runs listings are read again only when the first changed (pagedListing.ts).
  const releasesPromise = anyReleases
    ? readPagedListing(client, { key: `releases ${profile.monorepo.toLowerCase()}`, pages: releasePagesFor(releaseApps), read: (first, pages) => releasePages(client, profile.monorepo, first, pages), settled: (release) => !release.draft })
    : Promise.resolve([]);
  const releaseRunsPromise: Promise<WorkflowRunFact[]> =
    anyReleases && profile.releaseWorkflow !== undefined
      ? listWorkflowRuns(client, profile.monorepo, profile.releaseWorkflow, { perPage: 100, profileField: 'releaseWorkflow' })
      : Promise.resolve([]);
  // Only while a release run is in progress: its steps tell the publishing phase (a conditional request,
  // free while unchanged). Unreadable jobs are no reason to fail the refresh: the deck then says less.
  const releaseRunJobsPromise = releaseRunsPromise.then(async (runs) => {
    const inProgress = runs.filter((run) => run.event === 'release' && run.status === 'in_progress').slice(0, 3);
    const read = await Promise.all(inProgress.map(async (run) => [run.id, await listRunJobs(client, profile.monorepo, run.id).catch(() => undefined)] as const));
    return Object.fromEntries(read.filter((entry): entry is readonly [number, JobFact[]] => entry[1] !== undefined));
  });
  const tagsPromise: Promise<TagFact[]> = anyReleases && profile.releaseWorkflow === undefined ? listTags(client, profile.monorepo) : Promise.resolve([]);
  // The monorepo's default branch as GitHub reports it: the commits listing's default when no branch is named.
  const commitsPromise = listCommits(client, profile.monorepo, undefined);
  // The changelog pull requests waiting for review, whoever published (one conditional listing).
  const pullsPromise = anyReleases ? listOpenPullRequests(client, profile.monorepo) : Promise.resolve([]);
  const runsPromise = Promise.all(
    [...deployRepos].flatMap(([repo, environments]) =>
      [...(deployEvents.get(repo) ?? DEPLOYMENT_EVENTS)].map((event) =>
        readPagedListing(client, { key: `runs ${repo.toLowerCase()} ${event}`, pages: runPagesFor(environments), read: (first, pages) => repositoryRunPages(client, repo, { event }, first, pages), settled: (run) => run.status === 'completed' }),
      ),
    ),
  ).then((lists) => lists.flat());
  // Only for runs waiting on an environment's required reviewers: whom they wait for (conditional, free while
  // unchanged). Unreadable (or beyond the first MAX_WAITING_RUNS_READ), the run still shows as waiting, with why
  // its reviewers are not known.
  const pendingPromise = runsPromise.then(async (runs) => {
    const waiting = runs.filter((run) => run.status === 'waiting');
    const unread: Record<number, string> = {};
    for (const run of waiting.slice(MAX_WAITING_RUNS_READ)) {
      unread[run.id] = l10n.t('more than {0} runs wait, and only the newest {0} are read', MAX_WAITING_RUNS_READ);
    }
    const read = await Promise.all(waiting.slice(0, MAX_WAITING_RUNS_READ).map(async (run) => [run.id, await listPendingDeployments(client, run.repo, run.id).catch((error: unknown) => {
      unread[run.id] = isGitHubError(error) && error.status !== undefined ? l10n.t('GitHub answered {0}', error.status) : l10n.t('they could not be read ({0})', describeError(error, language));
      return undefined;
    })] as const));
    return { read: Object.fromEntries(read.filter((entry): entry is readonly [number, PendingDeploymentFact[]] => entry[1] !== undefined)), unread };
  });
  const recordsPromise = gatherRecords(client, profile, language);
  const endpoints = profile.apps.flatMap((app) =>
    app.environments.flatMap((environment) => (environment.versionUrl !== undefined ? [{ key: versionKey(app.id, environment.id), url: environment.versionUrl }] : [])),
  );
  const versionsPromise = mapLimited(endpoints, MAX_CONCURRENT_PROBES, async ({ key, url }): Promise<[string, VersionFact]> => [key, await probe(url)]).then((entries) => Object.fromEntries(entries));

  // Apps that name their container package: which commit each release's image was built from (registryBuilds.ts:
  // each package listed once, then again only for a release tag not known yet).
  const registriesPromise = gatherRegistries(client, profile, { releases: releasesPromise, releaseRuns: releaseRunsPromise, now, language });
  // Runs titled with a commit message: the files of the commits they name (once per commit, immutable), asked as soon
  // as the branch's commits and the runs are in, while the rest of the first round still comes (a round trip less).
  // It never fails by itself; when its inputs fail, so does the refresh below.
  const titledPromise = Promise.all([commitsPromise, runsPromise]).then(([mainCommits, deploymentRuns]) => readTitledCommitFiles(client, profile, mainCommits, deploymentRuns, language));
  titledPromise.catch(() => undefined);

  // Settle everything before failing, so no rejection is left unobserved.
  const [releases, releaseRuns, releaseRunJobs, listedTags, mainCommits, deploymentRuns, versions, openPulls, records, registries, pendingDeployments] = await settleAll([
    releasesPromise,
    releaseRunsPromise,
    releaseRunJobsPromise,
    tagsPromise,
    commitsPromise,
    runsPromise,
    versionsPromise,
    pullsPromise,
    recordsPromise,
    registriesPromise,
    pendingPromise,
  ] as const);

  // A run of the release workflow started by publishing a release carries its git tag and commit.
  const tags: TagFact[] = [...listedTags];
  for (const run of releaseRuns) {
    if (run.event === 'release' && run.headBranch !== '' && !tags.some((tag) => tag.name === run.headBranch)) {
      tags.push({ name: run.headBranch, sha: run.headSha });
    }
  }
  const first: DeckFacts = { fetchedAt: now().toISOString(), releases, tags, mainCommits, deploymentRuns, releaseRuns, ...(Object.keys(releaseRunJobs).length > 0 ? { releaseRunJobs } : {}), ...(Object.keys(pendingDeployments.read).length > 0 ? { pendingDeployments: pendingDeployments.read } : {}), ...(Object.keys(pendingDeployments.unread).length > 0 ? { pendingDeploymentsUnread: pendingDeployments.unread } : {}), versions, openPulls, ...(Object.keys(records).length > 0 ? { records } : {}), ...(Object.keys(registries).length > 0 ? { registries } : {}) };
  // Only where an environment runs another commit than its release's tag names: which build it is (memoised, immutable).
  const wanted = historiesToRead(profile, first);
  const historiesPromise = wanted.length > 0 ? readHistories(client, profile.monorepo, wanted) : Promise.resolve(undefined);
  const [titled, read] = await Promise.all([titledPromise, historiesPromise]);
  if (titled?.logged !== undefined) {
    options.onProblem?.(`Which apps the commits named by deployment run titles changed could not be read: ${titled.logged}`);
  }
  for (const error of read?.errors ?? []) {
    options.onProblem?.(`Which build runs could not be read: ${describeError(error)}`);
  }
  return { ...first, ...titled?.facts, ...(read !== undefined ? { appHistories: read.histories } : {}) };
}

/** `work` over every item, at most `limit` at a time, results in the items' order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type Awaited2<T> = { -readonly [K in keyof T]: Awaited<T[K]> };

async function settleAll<T extends readonly Promise<unknown>[]>(promises: T): Promise<Awaited2<T>> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure !== undefined) {
    throw failure.reason;
  }
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as Awaited2<T>;
}
