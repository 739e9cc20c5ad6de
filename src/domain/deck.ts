import { versionKey, type CommitFact, type DeckFacts, type WorkflowRunFact } from './facts';
import type { AppProfile, EnvironmentProfile, Profile, WorkflowDeploy } from './profile';
import { lastKnownWorkingDeployment, type RollbackTarget } from './rollback';
import { findImageTagIn, imageTagOfGitTag, isFullSha, parseGitTag, parsePinnedImageTag, shortSha, type ReleaseDate } from './tags';

/** A published GitHub Release of one app, with the release tag it gave the app. */
export interface PublishedRelease {
  readonly id: number;
  readonly name: string;
  readonly gitTag: string;
  readonly imageTag: string;
  readonly date: ReleaseDate;
  readonly publishedAt: string;
  readonly htmlUrl: string;
  readonly body: string;
  /** The commit its git tag names, when the tag listing showed it. */
  readonly commitSha?: string;
}

/** A drafted GitHub Release: what publishing would release. */
export interface DraftRelease {
  readonly id: number;
  readonly name: string;
  readonly gitTag: string;
  /** The image tag the app's images get once the draft is published. */
  readonly imageTag: string;
  readonly date: ReleaseDate;
  readonly body: string;
  /** The branch or commit GitHub creates the git tag on when the draft is published. */
  readonly targetCommitish: string;
  readonly htmlUrl: string;
  readonly changeCount: number;
}

/** One run of an environment's deployment GitHub Workflow. */
export interface DeploymentRecord {
  readonly runId: number;
  readonly runUrl: string;
  readonly title: string;
  /** The image tag read from the run's title, when it names one. */
  readonly imageTag?: string;
  readonly status: WorkflowRunFact['status'];
  readonly conclusion: string | null;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly actor: string;
  readonly event: string;
}

export interface RunningVersion {
  readonly sha?: string;
  /** The release whose images run there, when one is known. */
  readonly release?: PublishedRelease;
  /** `rel-…` when a release is known, else the commit SHA the image is tagged with. */
  readonly imageTag?: string;
  /** First line of the commit's message, when the commit is among the recent commits of main. */
  readonly commitTitle?: string;
  /** Where the version was learned: the environment's /version endpoint or its last deployment. */
  readonly source: 'version endpoint' | 'last deployment';
}

export type EnvironmentState =
  | 'inSync'
  | 'behind'
  | 'deploying'
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
  readonly rollback: RollbackTarget;
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
}

export interface DeckSnapshot {
  readonly profileName: string;
  readonly generatedAt: string;
  readonly apps: readonly AppDeck[];
  /** Recent commits of main, newest first, for staging deploy candidates and commit titles. */
  readonly mainCommits: readonly CommitFact[];
}

/** Builds the whole deck from a refresh's facts. Pure: same profile and facts, same snapshot. */
export function buildDeck(profile: Profile, facts: DeckFacts): DeckSnapshot {
  const tagCommits = new Map(facts.tags.map((tag) => [tag.name, tag.sha]));
  const commitIndex = new Map(facts.mainCommits.map((commit, index) => [commit.sha, index]));
  // Runs grouped by repository and workflow file once, instead of scanning every run for every environment.
  const runsByWorkflow = new Map<string, WorkflowRunFact[]>();
  for (const run of facts.deploymentRuns) {
    const key = workflowKey(run.repo, run.workflowPath.slice(run.workflowPath.lastIndexOf('/') + 1));
    const list = runsByWorkflow.get(key);
    if (list === undefined) {
      runsByWorkflow.set(key, [run]);
    } else {
      list.push(run);
    }
  }
  const context: BuildContext = { facts, tagCommits, commitIndex, runsByWorkflow };
  return {
    profileName: profile.name,
    generatedAt: facts.fetchedAt,
    apps: profile.apps.map((app) => buildAppDeck(app, context)),
    mainCommits: facts.mainCommits,
  };
}

interface BuildContext {
  readonly facts: DeckFacts;
  readonly tagCommits: ReadonlyMap<string, string>;
  readonly commitIndex: ReadonlyMap<string, number>;
  readonly runsByWorkflow: ReadonlyMap<string, readonly WorkflowRunFact[]>;
}

function workflowKey(repo: string, workflowFile: string): string {
  return `${repo.toLowerCase()} ${workflowFile}`;
}

function buildAppDeck(app: AppProfile, context: BuildContext): AppDeck {
  const { releases, drafts } = app.usesReleases ? releasesOf(app, context) : { releases: [], drafts: [] };
  return {
    app,
    ...(drafts[0] !== undefined ? { draft: drafts[0] } : {}),
    drafts,
    releases,
    environments: app.environments.map((environment) => buildEnvironmentDeck(app, environment, releases, context)),
  };
}

function releasesOf(app: AppProfile, context: BuildContext): { releases: PublishedRelease[]; drafts: DraftRelease[] } {
  const releases: PublishedRelease[] = [];
  const drafts: DraftRelease[] = [];
  for (const fact of context.facts.releases) {
    if (fact.prerelease) {
      continue;
    }
    const gitTag = parseGitTag(fact.tagName, app.gitTagPrefix);
    if (!gitTag.ok) {
      continue;
    }
    const imageTag = imageTagOfGitTag(gitTag.value).text;
    if (fact.draft) {
      drafts.push({
        id: fact.id,
        name: fact.name,
        gitTag: fact.tagName,
        imageTag,
        date: gitTag.value.date,
        body: fact.body,
        targetCommitish: fact.targetCommitish,
        htmlUrl: fact.htmlUrl,
        changeCount: countChanges(fact.body),
      });
    } else if (fact.publishedAt !== null) {
      const commitSha = context.tagCommits.get(fact.tagName);
      releases.push({
        id: fact.id,
        name: fact.name,
        gitTag: fact.tagName,
        imageTag,
        date: gitTag.value.date,
        publishedAt: fact.publishedAt,
        htmlUrl: fact.htmlUrl,
        body: fact.body,
        ...(commitSha !== undefined ? { commitSha } : {}),
      });
    }
  }
  const newestFirst = (a: { date: ReleaseDate }, b: { date: ReleaseDate }): number => b.date.epochMs - a.date.epochMs;
  return { releases: releases.sort(newestFirst), drafts: drafts.sort(newestFirst) };
}

/** Release notes list one change per bullet line (release-drafter's change template). */
export function countChanges(body: string): number {
  return body.split(/\r?\n/).filter((line) => /^\s*[-*]\s+\S/.test(line)).length;
}

export function commitTitle(message: string): string {
  return message.split(/\r?\n/, 1)[0] ?? '';
}

function deploymentRecord(run: WorkflowRunFact): DeploymentRecord {
  const imageTag = findImageTagIn(run.displayTitle);
  return {
    runId: run.id,
    runUrl: run.htmlUrl,
    title: run.displayTitle,
    ...(imageTag !== undefined ? { imageTag: imageTag.text } : {}),
    status: run.status,
    conclusion: run.conclusion,
    startedAt: run.createdAt,
    updatedAt: run.updatedAt,
    actor: run.actor,
    event: run.event,
  };
}

export function isRunOfWorkflow(run: WorkflowRunFact, deploy: WorkflowDeploy): boolean {
  return run.repo.toLowerCase() === deploy.repo.toLowerCase() && (run.workflowPath === deploy.workflow || run.workflowPath.endsWith(`/${deploy.workflow}`));
}

function buildEnvironmentDeck(
  app: AppProfile,
  environment: EnvironmentProfile,
  releases: readonly PublishedRelease[],
  context: BuildContext,
): EnvironmentDeck {
  const deploy = environment.deploy;
  const base = { appId: app.id, environment };
  if (deploy.kind === 'latest') {
    return {
      ...base,
      state: 'alwaysLatest',
      stateDetail: deploy.explanation ?? 'Always runs the image tagged latest; there is no deployment to track.',
      history: [],
      rollback: { ok: false, reason: `${app.label} always runs the image tagged latest: there is no earlier tag to roll back to. Revert the change on main instead.` },
    };
  }

  const runs = deploy.kind === 'workflow'
    ? [...(context.runsByWorkflow.get(workflowKey(deploy.repo, deploy.workflow)) ?? [])]
        .filter((run) => isRunOfWorkflow(run, deploy))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id)
        .map(deploymentRecord)
    : [];
  const activeDeployment = runs.find((run) => run.status !== 'completed');
  const publishingFact = environment.deployedOnPublish
    ? context.facts.releaseRuns.find((run) => run.status !== 'completed' && run.headBranch.startsWith(app.gitTagPrefix))
    : undefined;
  const publishingRun = publishingFact !== undefined ? deploymentRecord(publishingFact) : undefined;
  const lastDeployment = runs.find((run) => run.status === 'completed');
  const history = runs.filter((run) => run.status === 'completed' && run.conclusion === 'success');
  const lastSuccessfulDeployment = history[0];

  const newestRelease = releases[0];
  const version = environment.versionUrl !== undefined ? context.facts.versions[versionKey(app.id, environment.id)] : undefined;
  const runningResult = runningVersion(environment, version, lastSuccessfulDeployment, releases, context);
  const running = runningResult.running;
  const rollback = lastKnownWorkingDeployment(history, running, app, environment);

  const optional = {
    ...(running !== undefined ? { running } : {}),
    ...(activeDeployment !== undefined ? { activeDeployment } : {}),
    ...(publishingRun !== undefined ? { publishingRun } : {}),
    ...(lastDeployment !== undefined ? { lastDeployment } : {}),
    ...(lastSuccessfulDeployment !== undefined ? { lastSuccessfulDeployment } : {}),
  };
  const common = { ...base, ...optional, history, rollback };

  if (activeDeployment !== undefined) {
    const target = activeDeployment.imageTag ?? activeDeployment.title;
    return { ...common, state: 'deploying', stateDetail: `A deployment of ${target} is ${activeDeployment.status === 'in_progress' ? 'in progress' : 'queued'}.` };
  }
  if (publishingRun !== undefined && publishingFact !== undefined) {
    return {
      ...common,
      state: 'deploying',
      stateDetail: `${publishingFact.headBranch} was published: the release workflow is tagging the image, and the deployment follows.`,
    };
  }
  if (runningResult.problem !== undefined) {
    return { ...common, state: runningResult.problemState ?? 'unreachable', stateDetail: runningResult.problem };
  }
  if (lastDeployment !== undefined && lastDeployment.conclusion !== 'success') {
    const target = lastDeployment.imageTag ?? lastDeployment.title;
    const still = running?.imageTag !== undefined ? ` ${running.imageTag} still runs.` : '';
    return { ...common, state: 'failed', stateDetail: `The last deployment (${target}) ended in ${lastDeployment.conclusion ?? 'an unknown state'}.${still}` };
  }
  if (deploy.kind === 'manual' && running === undefined) {
    return {
      ...common,
      state: 'unknown',
      stateDetail: `Deployed by hand with ${deploy.tool}; this environment reports no version, so Release Deck cannot tell what runs there.`,
    };
  }
  if (running === undefined) {
    return { ...common, state: 'unknown', stateDetail: 'No /version endpoint and no successful deployment on record: what runs there is unknown.' };
  }
  if (!app.usesReleases) {
    return { ...common, state: 'inSync', stateDetail: 'Runs the version shown.' };
  }
  if (newestRelease === undefined) {
    return { ...common, state: 'unknown', stateDetail: `${app.label} has no published GitHub Release to compare with.` };
  }
  return { ...common, ...compareWithNewestRelease(running, newestRelease, context) };
}

function compareWithNewestRelease(
  running: RunningVersion,
  newest: PublishedRelease,
  context: BuildContext,
): { state: EnvironmentState; stateDetail: string; behindBy?: number; aheadBy?: number } {
  if (running.release?.gitTag === newest.gitTag || (running.sha !== undefined && running.sha === newest.commitSha)) {
    return { state: 'inSync', stateDetail: `Runs ${newest.imageTag}, the newest published release.` };
  }
  const runningIndex = running.sha !== undefined ? context.commitIndex.get(running.sha) : undefined;
  const newestIndex = newest.commitSha !== undefined ? context.commitIndex.get(newest.commitSha) : undefined;
  if (runningIndex !== undefined && newestIndex !== undefined) {
    if (runningIndex > newestIndex) {
      const behindBy = runningIndex - newestIndex;
      return { state: 'behind', behindBy, stateDetail: `${plural(behindBy, 'commit')} behind ${newest.imageTag}, the newest published release.` };
    }
    const aheadBy = newestIndex - runningIndex;
    return { state: 'inSync', aheadBy, stateDetail: `${plural(aheadBy, 'commit')} ahead of ${newest.imageTag}, the newest published release.` };
  }
  if (running.release !== undefined) {
    if (running.release.date.epochMs < newest.date.epochMs) {
      return { state: 'behind', stateDetail: `Runs ${running.release.imageTag}, older than ${newest.imageTag}, the newest published release.` };
    }
    return { state: 'inSync', stateDetail: `Runs ${running.release.imageTag}.` };
  }
  if (runningIndex !== undefined) {
    return { state: 'inSync', stateDetail: `Runs a commit of main newer than ${newest.imageTag}, the newest published release.` };
  }
  return {
    state: 'unknown',
    stateDetail: `Runs commit ${running.sha !== undefined ? shortSha(running.sha) : 'unknown'}, which is neither a published release nor among the recent commits of main.`,
  };
}

interface RunningResult {
  readonly running?: RunningVersion;
  readonly problem?: string;
  readonly problemState?: EnvironmentState;
}

function runningVersion(
  environment: EnvironmentProfile,
  version: DeckFacts['versions'][string] | undefined,
  lastSuccessful: DeploymentRecord | undefined,
  releases: readonly PublishedRelease[],
  context: BuildContext,
): RunningResult {
  if (environment.versionUrl !== undefined) {
    if (version === undefined || version.kind === 'unreachable') {
      const reason = version?.kind === 'unreachable' ? version.reason : 'it was not asked';
      const fallback = lastSuccessful !== undefined ? fromDeployment(lastSuccessful, releases, context) : undefined;
      return {
        ...(fallback !== undefined ? { running: fallback } : {}),
        problem: `${environment.versionUrl} could not be reached (${reason}).${fallback?.imageTag !== undefined ? ` The last successful deployment was ${fallback.imageTag}.` : ''}`,
        problemState: 'unreachable',
      };
    }
    if (version.kind === 'malformed') {
      return { problem: `${environment.versionUrl} answered something that is not a version: ${version.reason}`, problemState: 'unknown' };
    }
    return fromVersionAnswer(version.release, lastSuccessful, releases, context, environment.versionUrl);
  }
  if (lastSuccessful !== undefined) {
    const running = fromDeployment(lastSuccessful, releases, context);
    return running !== undefined ? { running } : {};
  }
  return {};
}

function fromVersionAnswer(
  release: string,
  lastSuccessful: DeploymentRecord | undefined,
  releases: readonly PublishedRelease[],
  context: BuildContext,
  url: string,
): RunningResult {
  if (isFullSha(release)) {
    // The image's build commit can precede the git tag's commit (later commits of main may not touch
    // the app), so when no release names this commit, trust the last successful deployment's release.
    const byCommit = releases.find((candidate) => candidate.commitSha === release);
    const deployedRelease = releaseOfImageTag(lastSuccessful?.imageTag, releases);
    const matched = byCommit ?? deployedRelease;
    return { running: withCommit({ sha: release, source: 'version endpoint', ...releaseFields(matched, release) }, context) };
  }
  const tag = parsePinnedImageTag(release);
  if (tag.ok && tag.value.kind === 'release') {
    const matched = releaseOfImageTag(tag.value.text, releases);
    return {
      running: withCommit(
        { ...(matched?.commitSha !== undefined ? { sha: matched.commitSha } : {}), source: 'version endpoint', ...releaseFields(matched, tag.value.text) },
        context,
      ),
    };
  }
  return { problem: `${url} answered release "${release.slice(0, 60)}", which is neither a commit SHA nor an image tag.`, problemState: 'unknown' };
}

function fromDeployment(record: DeploymentRecord, releases: readonly PublishedRelease[], context: BuildContext): RunningVersion | undefined {
  if (record.imageTag === undefined) {
    return undefined;
  }
  if (isFullSha(record.imageTag)) {
    const matched = releases.find((candidate) => candidate.commitSha === record.imageTag);
    return withCommit({ sha: record.imageTag, source: 'last deployment', ...releaseFields(matched, record.imageTag) }, context);
  }
  const matched = releaseOfImageTag(record.imageTag, releases);
  return withCommit(
    { ...(matched?.commitSha !== undefined ? { sha: matched.commitSha } : {}), source: 'last deployment', ...releaseFields(matched, record.imageTag) },
    context,
  );
}

function releaseFields(release: PublishedRelease | undefined, fallbackImageTag: string): { release?: PublishedRelease; imageTag: string } {
  return release !== undefined ? { release, imageTag: release.imageTag } : { imageTag: fallbackImageTag };
}

function releaseOfImageTag(imageTag: string | undefined, releases: readonly PublishedRelease[]): PublishedRelease | undefined {
  return imageTag === undefined ? undefined : releases.find((release) => release.imageTag === imageTag);
}

function withCommit(running: RunningVersion, context: BuildContext): RunningVersion {
  if (running.sha === undefined) {
    return running;
  }
  const index = context.commitIndex.get(running.sha);
  const commit = index !== undefined ? context.facts.mainCommits[index] : undefined;
  return commit !== undefined ? { ...running, commitTitle: commitTitle(commit.message) } : running;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

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
