import type { DraftRelease, EnvironmentDeck } from '../domain/snapshot';
import type { ReleaseFact, WorkflowRunFact } from '../domain/facts';
import type { AppProfile, Profile } from '../domain/profileTypes';
import type { GitHubClient } from '../github/client';
import { ENGLISH, describeError, type Language, type Said } from '../github/errors';
import { changelogBranchFor } from '../domain/changelogPulls';
import { listPullRequests, type PullRequestFact } from '../github/pulls';
import { busyMessage, type ActiveRun } from '../domain/busyEnvironment';
import { runsActingOn } from './busyOnGitHub';
import { runDeploysTag } from '../domain/dispatchedRun';
import { tagSchemeOf } from '../domain/tagScheme';
import { publishRelease } from '../github/releases';
import { lookForPublishedRelease, lostAnswer, outcomeUnclear } from './outcome';
import { wrongEnvironmentWarning } from '../domain/environmentName';
import { followRun, verifyVersion, waitForRun, words, type FollowOptions, type VersionCheck } from './follow';
import { followReleaseChain } from './followRelease';
import { judgeChain } from '../domain/releaseVerdict';
import { placeLabel } from '../domain/words';
import { buildWords } from '../domain/sameBuild';
import { releaseBuild } from './releaseBuild';
import { olderBuildOutcome } from '../domain/olderBuild';
import { versionReason } from '../domain/versionFailure';

export interface PublishPlan {
  readonly profile: Profile;
  readonly app: AppProfile;
  readonly draft: DraftRelease;
  /** The environment that publishing deploys by itself, if any (API and frontend production). */
  readonly deployedEnvironment?: EnvironmentDeck;
  /**
   * What is sent as the target the git tag is created on (default: the draft's): the commit the
   * confirmation showed (the head of the draft's branch, read before asking), so that a merge meanwhile
   * does not move the tag onto a commit nobody saw.
   */
  readonly target?: string;
  /** The language of the progress steps and problems (the person's); English when unset. */
  readonly language?: Language;
}

export interface PublishResult {
  readonly published: ReleaseFact;
  readonly tagRun?: WorkflowRunFact;
  readonly deployRun?: WorkflowRunFact;
  readonly version?: VersionCheck;
  /** The commit the release's images were built from, what /version was expected to report. */
  readonly build?: string;
  /** Why `build` is an older commit of the app than its last one up to the git tag (CI had not built that one yet). */
  readonly buildNote?: string;
  readonly changelogPull?: PullRequestFact;
  /** True when the person stopped watching (the release process itself goes on). */
  readonly stoppedWatching: boolean;
  /** What went wrong after publishing, said in terms of what production runs now. */
  readonly problem?: string;
  /** The release is out (tagged, deployed where it deploys) but the changelog steps did not finish: why, and what to do. */
  readonly changelogProblem?: string;
  /** What the progress notification said, in order (set by the Publish command). */
  readonly progress?: readonly string[];
}

/**
 * Publishes a drafted GitHub Release, then follows what it sets off: the monorepo's release workflow
 * (which tags the image), the production deployment it dispatches, the environment's /version, and the
 * changelog pull request. `report` receives each step in words.
 */
export async function publishAndFollow(client: GitHubClient, plan: PublishPlan, report: (step: string) => void, options: FollowOptions = {}): Promise<PublishResult> {
  const { profile, app, draft, deployedEnvironment } = plan;
  const targetCommitish = plan.target ?? draft.targetCommitish;
  const language = plan.language ?? ENGLISH;
  const { l10n } = language;
  await refuseWhileDeploying(client, profile, app, deployedEnvironment, report, language);
  report(l10n.t('Publishing {0}…', draft.gitTag));
  let published: ReleaseFact;
  try {
    published = await publishRelease(client, profile.monorepo, { id: draft.id, tagName: draft.gitTag, targetCommitish });
  } catch (error) {
    if (!outcomeUnclear(error)) {
      throw error;
    }
    const lostIn = (said: Language): string => said.l10n.t('{0} while trying to publish {1}', lostAnswer(error, said.l10n), draft.gitTag);
    const lost = lostIn(language);
    report(l10n.t('{0}. Reading the release again…', lost));
    const look = { ...(options.sleep !== undefined ? { sleep: options.sleep } : {}), ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}) };
    const outcome = await lookForPublishedRelease(client, profile.monorepo, draft.id, { tagName: draft.gitTag, targetCommitish, releasePage: draft.htmlUrl }, error, look);
    if (outcome.kind === 'notDone') {
      throw new PublishNotDone((said) => said.l10n.t('{0} ({1}), so it was not published. You can publish it again.', lostIn(said), outcome.said?.(said) ?? outcome.evidence));
    }
    if (outcome.kind === 'unknown') {
      throw new PublishNotDone((said) => said.l10n.t('{0}, and whether it was published cannot be told: {1}. Check the release on GitHub before publishing again ({2}).', lostIn(said), outcome.said?.(said) ?? outcome.why, outcome.checkUrl), { kind: 'release', url: outcome.checkUrl });
    }
    published = outcome.value;
    report(l10n.t('{0}, but GitHub published it: following what it set off.', lost));
  }
  const since = new Date(published.publishedAt ?? published.createdAt);
  const runningBefore = deployedEnvironment?.running?.imageTag ?? l10n.t('the version it ran before');
  const stillRuns = deployedEnvironment !== undefined ? ` ${l10n.t('{0} still runs {1}.', placeLabel(app, deployedEnvironment.environment), runningBefore)}` : '';

  let tagRun: WorkflowRunFact | undefined;
  let deployRun: WorkflowRunFact | undefined;
  let version: VersionCheck | undefined;
  let build: string | undefined;
  let buildNote: string | undefined;
  const result = (extra: { problem?: string; stoppedWatching?: boolean }): PublishResult => ({
    published,
    ...(tagRun !== undefined ? { tagRun } : {}),
    ...(deployRun !== undefined ? { deployRun } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(build !== undefined ? { build } : {}),
    ...(buildNote !== undefined ? { buildNote } : {}),
    stoppedWatching: extra.stoppedWatching ?? false,
    ...(extra.problem !== undefined ? { problem: extra.problem } : {}),
  });

  let changelogProblem: string | undefined;
  try {
    let deployed = false;
    if (profile.releaseWorkflow !== undefined) {
      report(l10n.t('Published. Waiting for {0} to start…', profile.releaseWorkflow));
      const deployTo = deployedEnvironment?.environment.deploy.kind === 'workflow' ? deployedEnvironment.environment.deploy : undefined;
      const place = deployedEnvironment !== undefined ? placeLabel(app, deployedEnvironment.environment) : undefined;
      const chainWords = { gitTag: draft.gitTag, imageTag: draft.imageTag, ...(place !== undefined ? { place } : {}) };
      const chain = await followReleaseChain(client, { monorepo: profile.monorepo, releaseWorkflow: profile.releaseWorkflow, since, words: chainWords, ...(deployTo !== undefined ? { deploy: { repo: deployTo.repo, workflow: deployTo.workflow, scheme: tagSchemeOf(app) } } : {}), language }, report, options);
      if (chain.kind === 'notStarted') {
        return result({ problem: `${l10n.t('{0} is published, but its release workflow ({1}) did not start, so the image was not tagged {2}.', draft.gitTag, profile.releaseWorkflow, draft.imageTag)}${stillRuns}` });
      }
      tagRun = chain.run;
      deployRun = chain.deployRun;
      if (chain.kind === 'stopped') {
        return result({ stoppedWatching: true });
      }
      const verdict = judgeChain(chain, chainWords, stillRuns, l10n);
      if (verdict.kind === 'problem') {
        return result({ problem: verdict.message });
      }
      if (verdict.kind === 'deployStepFailedRunSucceeded') {
        changelogProblem = l10n.t('the release workflow failed at step "{0}" although the deployment run succeeded (it may have followed another deployment run), so it wrote no changelog: add the changelog by hand.', verdict.step);
        deployed = true;
      } else {
        deployed = verdict.deployed;
        if (verdict.kind === 'changelogFailed') {
          changelogProblem = l10n.t('the release workflow failed at step "{0}": only the changelog pull request is missing; add the changelog by hand.', verdict.step);
        }
      }
    }

    if (deployedEnvironment !== undefined && deployedEnvironment.environment.deploy.kind === 'workflow') {
      const deploy = deployedEnvironment.environment.deploy;
      const label = placeLabel(app, deployedEnvironment.environment);
      if (!deployed) {
        report(l10n.t('Image tagged. Waiting for the deployment of {0} to {1}…', draft.imageTag, label));
        const deploySince = tagRun !== undefined ? new Date(tagRun.createdAt) : since;
        deployRun = await waitForRun(client, { repo: deploy.repo, workflow: deploy.workflow, since: deploySince, matches: (run) => runDeploysTag(run, draft.imageTag, tagSchemeOf(app)), profileField: 'deploy.workflow' }, options);
        if (deployRun === undefined) {
          return options.isStopped?.() === true
            ? result({ stoppedWatching: true })
            : result({ problem: `${l10n.t('{0} is published and its image tagged {1}, but no deployment of it to {2} appeared in {3}.', draft.gitTag, draft.imageTag, label, deploy.workflow)}${stillRuns}` });
        }
        const followed = await followRun(client, deploy.repo, deployRun, { ...options, onUpdate: (run, review) => { deployRun = run; report(l10n.t('Deploying {0} to {1}: {2}', draft.imageTag, label, words(run, review, language))); } });
        deployRun = followed.run;
        if (followed.kind === 'stopped') {
          return result({ stoppedWatching: true });
        }
        if (followed.run.conclusion !== 'success') {
          return result({ problem: `${l10n.t('The deployment of {0} to {1} ended in {2}.', draft.imageTag, label, followed.run.conclusion ?? l10n.t('an unknown state'))}${stillRuns} ${l10n.t('Open the run and the console to see why; roll back or redeploy from the deck.')}` });
        }
      }
      const versionUrl = deployedEnvironment.environment.versionUrl;
      if (versionUrl !== undefined && tagRun !== undefined) {
        // The image is `latest` re-tagged: /version reports its build commit, not the git tag's (sameBuild.ts).
        const expected = await releaseBuild(client, profile.monorepo, app, tagRun.headSha, draft.imageTag, tagRun.createdAt, language);
        build = expected.sha;
        const what = buildWords(draft.imageTag, expected.sha, l10n);
        report(l10n.t('Deployed. Checking that {0} reports {1}…', label, what));
        // When CI may not have built the app's last commit before the release was tagged, an older build is the release's too.
        const accepted = [expected.sha, ...(expected.maybeOlder?.shas ?? [])];
        version = await verifyVersion(versionUrl, accepted, { ...options, timeoutMs: options.timeoutMs ?? 3 * 60_000, wrongEnvironment: (name) => wrongEnvironmentWarning(app, deployedEnvironment.environment, name, l10n) });
        const older = version.kind === 'matched' && version.seen !== undefined && version.seen !== expected.sha ? version.seen : undefined;
        if (older !== undefined && expected.maybeOlder !== undefined) {
          const lagged = olderBuildOutcome({ seen: older, expected: expected.sha, before: deployedEnvironment.running?.sha, imageTag: draft.imageTag, label, versionUrl, why: expected.maybeOlder.why }, l10n);
          build = lagged.build;
          if (lagged.problem !== undefined) {
            return result({ problem: lagged.problem });
          }
          buildNote = lagged.note;
        }
        if (version.kind === 'mismatch') {
          return result({ problem: l10n.t('The deployment of {0} succeeded, but {1} still reports {2} instead of {3}{4}.', draft.imageTag, versionUrl, version.seen.slice(0, 12), what, expected.unsure !== undefined ? ` (${expected.unsure})` : '') });
        }
        if (version.kind === 'unreachable') {
          return result({ problem: l10n.t('The deployment of {0} succeeded, but {1} could not confirm it ({2}).', draft.imageTag, versionUrl, versionReason(version, l10n)) });
        }
      }
    }
  } catch (error) {
    const lastSeen = deployedEnvironment !== undefined ? ` ${l10n.t('When last seen, {0} ran {1}.', placeLabel(app, deployedEnvironment.environment), runningBefore)}` : '';
    return result({ problem: `${l10n.t('{0} is published, but following what it set off failed: {1}', draft.gitTag, describeError(error, language))}${lastSeen} ${l10n.t('Check the runs on GitHub.')}` });
  }

  report(l10n.t('Looking for the changelog pull request…'));
  const branch = changelogBranchFor(profile.changelogBranch, app, draft.gitTag, draft.version.text);
  let changelogPull: PullRequestFact | undefined;
  try {
    changelogPull = (await listPullRequests(client, profile.monorepo, branch))[0];
  } catch {
    // The pull request is a convenience: its absence is said in the final message, not an error.
  }
  return { ...result({}), ...(changelogPull !== undefined ? { changelogPull } : {}), ...(changelogProblem !== undefined ? { changelogProblem } : {}) };
}

/**
 * A publish that did not happen (with the evidence), or whose outcome cannot be told (with where to look).
 * `message` is English (for the log); `said` says it in the person's language.
 */
export class PublishNotDone extends Error {
  override readonly name = 'PublishNotDone';

  constructor(
    readonly said: Said,
    /** The page to look at: the release when the outcome is unknown, the run that keeps the environment busy. */
    readonly link?: { readonly kind: 'release' | 'run'; readonly url: string },
  ) {
    super(said(ENGLISH));
  }
}

/**
 * Publishing deploys the environment: refuse while a run of its deployment workflow is unfinished on
 * GitHub (a colleague's deployment, another window's), or a colleague's publish of the app is still
 * tagging (it deploys next), read right before publishing.
 */
async function refuseWhileDeploying(client: GitHubClient, profile: Profile, app: AppProfile, environment: EnvironmentDeck | undefined, report: (step: string) => void, language: Language): Promise<void> {
  const deploy = environment?.environment.deploy;
  if (environment === undefined || deploy?.kind !== 'workflow') {
    return;
  }
  const label = placeLabel(app, environment.environment);
  report(language.l10n.t('Checking that no run of {0} is under way…', deploy.workflow));
  const releaseChain = profile.releaseWorkflow !== undefined ? { repo: profile.monorepo, workflow: profile.releaseWorkflow, app } : undefined;
  let active: ActiveRun | undefined;
  try {
    ({ active } = await runsActingOn(client, { deploy: { repo: deploy.repo, workflow: deploy.workflow, profileField: 'deploy.workflow' }, ...(releaseChain !== undefined ? { releaseChain } : {}) }));
  } catch (error) {
    throw new PublishNotDone(({ l10n, locale }) =>
      releaseChain !== undefined
        ? l10n.t('{0} Nothing was published: without the runs of {1} and {2}, Release Deck cannot tell whether a deployment of {3} is under way.', describeError(error, { l10n, locale }), deploy.workflow, releaseChain.workflow, label)
        : l10n.t('{0} Nothing was published: without the runs of {1}, Release Deck cannot tell whether a deployment of {2} is under way.', describeError(error, { l10n, locale }), deploy.workflow, label),
    );
  }
  if (active !== undefined) {
    const run = active;
    throw new PublishNotDone(({ l10n, locale }) => busyMessage(label, 'publish', run, l10n, locale), { kind: 'run', url: run.url });
  }
}
