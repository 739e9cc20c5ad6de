import { buildPathsOf } from './buildPaths';
import { changelogPullsOf } from './changelogPulls';
import { attemptStartedAt, versionKey, type DeckFacts, type PendingDeploymentFact, type WorkflowRunFact } from './facts';
import { reviewHint, reviewOf, waitingWords } from './deploymentReview';
import type { AppProfile, EnvironmentProfile, Profile, WorkflowDeploy } from './profileTypes';
import { imageTagOrder, lastKnownWorkingDeployment, markRollbacks } from './rollback';
import { runningVersion, type CommitContext } from './runningVersion';
import { buildWords, compareBuilds } from './sameBuild';
import type { AppDeck, DeckSnapshot, DeploymentRecord, EnvironmentDeck, EnvironmentState, PublishedRelease, RunningVersion } from './snapshot';
import { readRecord } from './recordedVersion';
import { readRunTitle, titledCommitsOf } from './runTitle';
import { shortSha } from './tags';
import { tagSchemeOf } from './tagScheme';
import { compareReleaseVersions } from './releaseVersion';
import { registryFallback, releasesOf } from './deckReleases';
import { counts, placeLabel } from './words';
import { english, type L10n } from './l10n';
import { isReleaseRunOf, publishingDetail } from './releaseChain';
import { byAttemptStartNewestFirst, finishedNewestFirst } from './runOrder';

/** Release notes' change count (deckReleases.ts), as the deck reads it. */
export { countChanges } from './deckReleases';

/**
 * Builds the whole deck from a refresh's facts. Pure: same profile and facts, same snapshot. Its words (state
 * details) in the language of `l10n` and relative times in `locale`'s words; English by default.
 */
export function buildDeck(profile: Profile, facts: DeckFacts, l10n: L10n = english, locale = 'en'): DeckSnapshot {
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
  const context: BuildContext = { facts, tagCommits, commitIndex, runsByWorkflow, changelogBranch: profile.changelogBranch, l10n, locale };
  return {
    profileName: profile.name,
    generatedAt: facts.fetchedAt,
    apps: profile.apps.map((app) => buildAppDeck(app, context)),
    mainCommits: facts.mainCommits,
  };
}

interface BuildContext extends CommitContext {
  readonly facts: DeckFacts;
  readonly tagCommits: ReadonlyMap<string, string>;
  readonly commitIndex: ReadonlyMap<string, number>;
  readonly runsByWorkflow: ReadonlyMap<string, readonly WorkflowRunFact[]>;
  readonly changelogBranch: string;
  readonly l10n: L10n;
  readonly locale: string;
}

function workflowKey(repo: string, workflowFile: string): string {
  return `${repo.toLowerCase()} ${workflowFile}`;
}

function buildAppDeck(app: AppProfile, context: BuildContext): AppDeck {
  const { releases, drafts } = app.usesReleases ? releasesOf(app, context) : { releases: [], drafts: [] };
  const changedCommits = context.facts.appCommits?.[app.id];
  const registry = context.facts.registries?.[app.id];
  return {
    app,
    ...(changedCommits !== undefined ? { changedCommits } : {}),
    ...(registry?.kind === 'unavailable' ? { buildNote: registryFallback(app, registry.reason, context.l10n) } : {}),
    ...(drafts[0] !== undefined ? { draft: drafts[0] } : {}),
    drafts,
    releases,
    environments: app.environments.map((environment) => buildEnvironmentDeck(app, environment, releases, context)),
    changelogPulls: app.usesReleases ? changelogPullsOf(context.changelogBranch, app, context.facts.openPulls ?? []) : [],
  };
}

function deploymentRecord(run: WorkflowRunFact, reading = readRunTitle(run.displayTitle, undefined), pending?: readonly PendingDeploymentFact[], unread?: string): DeploymentRecord {
  const review = reviewOf(run, pending, unread);
  return {
    runId: run.id,
    runUrl: run.htmlUrl,
    title: run.displayTitle,
    ...(reading.kind === 'tag' ? { imageTag: reading.imageTag } : {}),
    ...(reading.kind === 'unknown' && reading.why !== undefined ? { tagUnknown: reading.why } : {}),
    status: run.status,
    conclusion: run.conclusion,
    startedAt: attemptStartedAt(run),
    ...(run.createdAt !== attemptStartedAt(run) ? { createdAt: run.createdAt } : {}),
    ...(run.runAttempt !== undefined && run.runAttempt > 1 ? { attempt: run.runAttempt } : {}),
    updatedAt: run.updatedAt,
    actor: run.actor,
    event: run.event,
    ...(review !== undefined ? { review } : {}),
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
  const { l10n } = context;
  const base = { appId: app.id, environment };
  if (deploy.kind === 'latest') {
    return {
      ...base,
      state: 'alwaysLatest',
      stateDetail: deploy.explanation ?? l10n.t('Always runs the image tagged latest; there is no deployment to track.'),
      history: [],
      runs: [],
      rollback: { ok: false, reason: l10n.t('{0} always runs the image tagged latest: there is no earlier tag to roll back to. Revert the change in the monorepo instead.', app.label) },
    };
  }

  // Once per environment, not per run: the commits titles are matched among, and the app's tag scheme.
  const titledCommits = deploy.kind === 'workflow' ? titledCommitsOf(app, context.facts) : undefined;
  const scheme = tagSchemeOf(app);
  const runs = deploy.kind === 'workflow'
    ? [...(context.runsByWorkflow.get(workflowKey(deploy.repo, deploy.workflow)) ?? [])]
        .filter((run) => isRunOfWorkflow(run, deploy))
        .sort(byAttemptStartNewestFirst)
        .map((run) => deploymentRecord(run, readRunTitle(run.displayTitle, deploy.runTitle, titledCommits, run.createdAt, scheme, l10n), context.facts.pendingDeployments?.[run.id], context.facts.pendingDeploymentsUnread?.[run.id]))
    : [];
  // A run waiting for review is what the environment waits on, before a newer one queued behind it.
  const activeDeployment = runs.find((run) => run.review !== undefined) ?? runs.find((run) => run.status !== 'completed');
  const publishingFact = environment.deployedOnPublish
    ? context.facts.releaseRuns.find((run) => run.status !== 'completed' && isReleaseRunOf(run, app))
    : undefined;
  const publishingRun = publishingFact !== undefined ? deploymentRecord(publishingFact) : undefined;
  // The deployment that ended last decides what runs (a re-run of an older one may end after a newer one: runOrder.ts).
  const finished = finishedNewestFirst(runs);
  const lastDeployment = finished[0];
  const history = markRollbacks(finished.filter((run) => run.conclusion === 'success'), imageTagOrder(context.commitIndex, tagSchemeOf(app)));
  const lastSuccessfulDeployment = history[0];
  const marked = new Map(history.map((record) => [record.runId, record]));
  const allRuns = runs.map((record) => marked.get(record.runId) ?? record);

  // A pre-release is offered for deployment but is not the release an environment falls behind.
  const newestRelease = releases.find((release) => !release.prerelease);
  const version = environment.versionUrl !== undefined ? context.facts.versions[versionKey(app.id, environment.id)] : undefined;
  const recorded = deploy.kind === 'manual' && deploy.recordedIn !== undefined ? readRecord(deploy.recordedIn, context.facts.records?.[versionKey(app.id, environment.id)], releases, tagSchemeOf(app), l10n, context.locale) : undefined;
  const runningResult = recorded?.running !== undefined && environment.versionUrl === undefined ? { running: recorded.running } : runningVersion(app, environment, version, lastSuccessfulDeployment, releases, context);
  const running = runningResult.running;
  const rollback = lastKnownWorkingDeployment(history, running, app, environment);

  const optional = {
    ...(running !== undefined ? { running } : {}),
    ...(activeDeployment !== undefined ? { activeDeployment } : {}),
    ...(publishingRun !== undefined ? { publishingRun } : {}),
    ...(lastDeployment !== undefined ? { lastDeployment } : {}),
    ...(lastSuccessfulDeployment !== undefined ? { lastSuccessfulDeployment } : {}),
    ...(runningResult.versionWarning !== undefined ? { versionWarning: runningResult.versionWarning } : {}),
    ...(recorded?.pending !== undefined ? { recordPending: recorded.pending } : {}),
  };
  const common = { ...base, ...optional, history, runs: allRuns, rollback };

  if (activeDeployment?.review !== undefined) {
    const target = activeDeployment.imageTag ?? activeDeployment.title;
    const waiting = waitingWords(activeDeployment.review, new Date(context.facts.fetchedAt), l10n, context.locale);
    return { ...common, state: 'awaitingReview', stateDetail: `${l10n.t('A deployment of {0} by {1} is {2}.', target, activeDeployment.actor, waiting)} ${reviewHint(activeDeployment.review, l10n)}` };
  }
  if (activeDeployment !== undefined) {
    const target = activeDeployment.imageTag ?? activeDeployment.title;
    return { ...common, state: 'deploying', stateDetail: activeDeployment.status === 'in_progress' ? l10n.t('A deployment of {0} is in progress.', target) : l10n.t('A deployment of {0} is queued.', target) };
  }
  if (publishingRun !== undefined && publishingFact !== undefined) {
    return {
      ...common,
      state: 'deploying',
      stateDetail: publishingDetail(publishingFact, context.facts.releaseRunJobs?.[publishingFact.id], context.facts.releaseRuns, placeLabel(app, environment), app, l10n),
    };
  }
  if (runningResult.problem !== undefined) {
    return { ...common, state: runningResult.problemState ?? 'unreachable', stateDetail: runningResult.problem };
  }
  if (lastDeployment !== undefined && lastDeployment.conclusion !== 'success') {
    const target = lastDeployment.imageTag ?? lastDeployment.title;
    const ended = l10n.t('The last deployment ({0}) ended in {1}.', target, lastDeployment.conclusion ?? l10n.t('an unknown state'));
    return { ...common, state: 'failed', stateDetail: running?.imageTag !== undefined ? `${ended} ${l10n.t('{0} still runs.', running.imageTag)}` : ended };
  }
  if (deploy.kind === 'manual' && running === undefined) {
    return {
      ...common,
      state: 'unknown',
      stateDetail: recorded?.detail ?? l10n.t('Deployed by hand with {0}; this environment reports no version, so Release Deck cannot tell what runs there.', deploy.tool),
    };
  }
  if (running === undefined) {
    return { ...common, state: 'unknown', stateDetail: l10n.t('No /version endpoint and no successful deployment on record: what runs there is unknown.') };
  }
  if (!app.usesReleases) {
    return { ...common, state: 'inSync', stateDetail: l10n.t('Runs the version shown.') };
  }
  if (newestRelease === undefined) {
    return { ...common, state: 'unknown', stateDetail: l10n.t('{0} has no published GitHub Release to compare with.', app.label) };
  }
  const compared = compareWithNewestRelease(app, running, newestRelease, context, lastSuccessfulDeployment?.imageTag);
  return { ...common, ...compared, ...(recorded !== undefined ? { stateDetail: `${recorded.detail} ${compared.stateDetail}` } : {}) };
}

function compareWithNewestRelease(
  app: AppProfile,
  running: RunningVersion,
  newest: PublishedRelease,
  context: BuildContext,
  lastDeployedTag: string | undefined,
): { state: EnvironmentState; stateDetail: string; behindBy?: number; aheadBy?: number } {
  const { l10n } = context;
  const inSync = { state: 'inSync' as const, stateDetail: l10n.t('Runs {0}, the newest published release.', buildWords(newest.imageTag, newest.buildSha ?? newest.commitSha, l10n)) };
  if (running.release?.gitTag === newest.gitTag || (running.sha !== undefined && (running.sha === newest.commitSha || running.sha === newest.buildSha))) {
    return inSync;
  }
  if (running.sha !== undefined && newest.commitSha !== undefined) {
    // Same build, or how many of the app's own commits lie between (sameBuild.ts); other apps' commits do not count.
    const builds = compareBuilds(app, running.sha, newest.commitSha, { histories: context.facts.appHistories ?? {}, commitIndex: context.commitIndex }, context.l10n);
    const ofApp = (count: number): string => l10n.t('{0} of {1}', counts.commit(count, l10n), app.label);
    if (builds.kind === 'same') {
      return inSync;
    }
    if (builds.kind === 'behind' && lastDeployedTag === newest.imageTag && newest.buildFrom === 'commits' && newest.buildSha !== undefined) {
      // rel-… aliases whatever `latest` was when tagged: if CI had not built the inferred commit yet, the older one is its build.
      return {
        state: 'unknown',
        stateDetail: l10n.t(
          'Runs commit {0} after a successful deployment of {1}, the newest published release. {1} is inferred to be built from commit {2} ({3} after it), but if CI had not built that commit when {1} was tagged, {0} is its build; which one cannot be told from the commits. Naming the app\'s container package in the profile ("registry") makes Release Deck read it.',
          shortSha(running.sha),
          newest.imageTag,
          shortSha(newest.buildSha),
          ofApp(builds.by),
        ),
      };
    }
    if (builds.kind === 'behind') {
      return { state: 'behind', behindBy: builds.by, stateDetail: l10n.t('{0} behind {1}, the newest published release.', ofApp(builds.by), newest.imageTag) };
    }
    if (builds.kind === 'ahead') {
      return { state: 'inSync', aheadBy: builds.by, stateDetail: l10n.t('{0} ahead of {1}, the newest published release.', ofApp(builds.by), newest.imageTag) };
    }
    if (buildPathsOf(app).length > 0) {
      return { state: 'unknown', stateDetail: l10n.t('Runs commit {0}; whether it is {1} cannot be told: {2}.', shortSha(running.sha), buildWords(newest.imageTag, newest.buildSha, l10n), builds.why) };
    }
  }
  const runningIndex = running.sha !== undefined ? context.commitIndex.get(running.sha) : undefined;
  const newestIndex = newest.commitSha !== undefined ? context.commitIndex.get(newest.commitSha) : undefined;
  if (runningIndex !== undefined && newestIndex !== undefined) {
    if (runningIndex > newestIndex) {
      const behindBy = runningIndex - newestIndex;
      return { state: 'behind', behindBy, stateDetail: l10n.t('{0} behind {1}, the newest published release.', counts.commit(behindBy, l10n), newest.imageTag) };
    }
    const aheadBy = newestIndex - runningIndex;
    return { state: 'inSync', aheadBy, stateDetail: l10n.t('{0} ahead of {1}, the newest published release.', counts.commit(aheadBy, l10n), newest.imageTag) };
  }
  if (running.release !== undefined) {
    if ((compareReleaseVersions(running.release.version, newest.version) ?? 0) < 0) {
      return { state: 'behind', stateDetail: l10n.t('Runs {0}, older than {1}, the newest published release.', running.release.imageTag, newest.imageTag) };
    }
    return { state: 'inSync', stateDetail: l10n.t('Runs {0}.', running.release.imageTag) };
  }
  if (runningIndex !== undefined) {
    return { state: 'inSync', stateDetail: l10n.t('Runs a commit of the monorepo newer than {0}, the newest published release.', newest.imageTag) };
  }
  return {
    state: 'unknown',
    stateDetail: l10n.t("Runs commit {0}, which is neither a published release nor among the monorepo's recent commits.", running.sha !== undefined ? shortSha(running.sha) : l10n.t('unknown')),
  };
}
