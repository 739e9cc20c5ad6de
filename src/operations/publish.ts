import type { DraftRelease, EnvironmentDeck } from '../domain/snapshot';
import type { ReleaseFact, WorkflowRunFact } from '../domain/facts';
import type { AppProfile, Profile } from '../domain/profileTypes';
import type { GitHubClient } from '../github/client';
import { describeError } from '../github/errors';
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
  await refuseWhileDeploying(client, profile, app, deployedEnvironment, report);
  report(`Publishing ${draft.gitTag}…`);
  let published: ReleaseFact;
  try {
    published = await publishRelease(client, profile.monorepo, { id: draft.id, tagName: draft.gitTag, targetCommitish });
  } catch (error) {
    if (!outcomeUnclear(error)) {
      throw error;
    }
    const lost = `${lostAnswer(error)} while trying to publish ${draft.gitTag}`;
    report(`${lost}. Reading the release again…`);
    const outcome = await lookForPublishedRelease(client, profile.monorepo, draft.id, { tagName: draft.gitTag, targetCommitish, releasePage: draft.htmlUrl });
    if (outcome.kind === 'notDone') {
      throw new PublishNotDone(`${lost}. Release Deck read it again: ${outcome.evidence}, so it was not published. You can publish it again.`);
    }
    if (outcome.kind === 'unknown') {
      throw new PublishNotDone(`${lost}, and whether it was published cannot be told: ${outcome.why}. Check the release on GitHub before publishing again (${outcome.checkUrl}).`, { label: 'Open Release', url: outcome.checkUrl });
    }
    published = outcome.value;
    report(`${lost}, but GitHub published it: following what it set off.`);
  }
  const since = new Date(published.publishedAt ?? published.createdAt);
  const runningBefore = deployedEnvironment?.running?.imageTag ?? 'the version it ran before';
  const stillRuns = deployedEnvironment !== undefined ? ` ${placeLabel(app, deployedEnvironment.environment)} still runs ${runningBefore}.` : '';

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
      report(`Published. Waiting for ${profile.releaseWorkflow} to start…`);
      const deployTo = deployedEnvironment?.environment.deploy.kind === 'workflow' ? deployedEnvironment.environment.deploy : undefined;
      const place = deployedEnvironment !== undefined ? placeLabel(app, deployedEnvironment.environment) : undefined;
      const chainWords = { gitTag: draft.gitTag, imageTag: draft.imageTag, ...(place !== undefined ? { place } : {}) };
      const chain = await followReleaseChain(client, { monorepo: profile.monorepo, releaseWorkflow: profile.releaseWorkflow, since, words: chainWords, ...(deployTo !== undefined ? { deploy: { repo: deployTo.repo, workflow: deployTo.workflow, scheme: tagSchemeOf(app) } } : {}) }, report, options);
      if (chain.kind === 'notStarted') {
        return result({ problem: `${draft.gitTag} is published, but its release workflow (${profile.releaseWorkflow}) did not start, so the image was not tagged ${draft.imageTag}.${stillRuns}` });
      }
      tagRun = chain.run;
      deployRun = chain.deployRun;
      if (chain.kind === 'stopped') {
        return result({ stoppedWatching: true });
      }
      const verdict = judgeChain(chain, chainWords, stillRuns);
      if (verdict.kind === 'problem') {
        return result({ problem: verdict.message });
      }
      if (verdict.kind === 'deployStepFailedRunSucceeded') {
        changelogProblem = `the release workflow failed at step "${verdict.step}" although the deployment run succeeded (it may have followed another deployment run), so it wrote no changelog: add the changelog by hand.`;
        deployed = true;
      } else {
        deployed = verdict.deployed;
        if (verdict.kind === 'changelogFailed') {
          changelogProblem = `the release workflow failed at step "${verdict.step}": only the changelog pull request is missing; add the changelog by hand.`;
        }
      }
    }

    if (deployedEnvironment !== undefined && deployedEnvironment.environment.deploy.kind === 'workflow') {
      const deploy = deployedEnvironment.environment.deploy;
      const label = placeLabel(app, deployedEnvironment.environment);
      if (!deployed) {
        report(`Image tagged. Waiting for the deployment of ${draft.imageTag} to ${label}…`);
        const deploySince = tagRun !== undefined ? new Date(tagRun.createdAt) : since;
        deployRun = await waitForRun(client, { repo: deploy.repo, workflow: deploy.workflow, since: deploySince, matches: (run) => runDeploysTag(run, draft.imageTag, tagSchemeOf(app)), profileField: 'deploy.workflow' }, options);
        if (deployRun === undefined) {
          return options.isStopped?.() === true
            ? result({ stoppedWatching: true })
            : result({ problem: `${draft.gitTag} is published and its image tagged ${draft.imageTag}, but no deployment of it to ${label} appeared in ${deploy.workflow}.${stillRuns}` });
        }
        const followed = await followRun(client, deploy.repo, deployRun, { ...options, onUpdate: (run, review) => { deployRun = run; report(`Deploying ${draft.imageTag} to ${label}: ${words(run, review)}`); } });
        deployRun = followed.run;
        if (followed.kind === 'stopped') {
          return result({ stoppedWatching: true });
        }
        if (followed.run.conclusion !== 'success') {
          return result({ problem: `The deployment of ${draft.imageTag} to ${label} ended in ${followed.run.conclusion ?? 'an unknown state'}.${stillRuns} Open the run and the console to see why; roll back or redeploy from the deck.` });
        }
      }
      const versionUrl = deployedEnvironment.environment.versionUrl;
      if (versionUrl !== undefined && tagRun !== undefined) {
        // The image is `latest` re-tagged: /version reports its build commit, not the git tag's (sameBuild.ts).
        const expected = await releaseBuild(client, profile.monorepo, app, tagRun.headSha, draft.imageTag, tagRun.createdAt);
        build = expected.sha;
        const what = buildWords(draft.imageTag, expected.sha);
        report(`Deployed. Checking that ${label} reports ${what}…`);
        // When CI may not have built the app's last commit before the release was tagged, an older build is the release's too.
        const accepted = [expected.sha, ...(expected.maybeOlder?.shas ?? [])];
        version = await verifyVersion(versionUrl, accepted, { ...options, timeoutMs: options.timeoutMs ?? 3 * 60_000, wrongEnvironment: (name) => wrongEnvironmentWarning(app, deployedEnvironment.environment, name) });
        const older = version.kind === 'matched' && version.seen !== undefined && version.seen !== expected.sha ? version.seen : undefined;
        if (older !== undefined && expected.maybeOlder !== undefined) {
          const lagged = olderBuildOutcome({ seen: older, expected: expected.sha, before: deployedEnvironment.running?.sha, imageTag: draft.imageTag, label, versionUrl, why: expected.maybeOlder.why });
          build = lagged.build;
          if (lagged.problem !== undefined) {
            return result({ problem: lagged.problem });
          }
          buildNote = lagged.note;
        }
        if (version.kind === 'mismatch') {
          return result({ problem: `The deployment of ${draft.imageTag} succeeded, but ${versionUrl} still reports ${version.seen.slice(0, 12)} instead of ${what}${expected.unsure !== undefined ? ` (${expected.unsure})` : ''}.` });
        }
        if (version.kind === 'unreachable') {
          return result({ problem: `The deployment of ${draft.imageTag} succeeded, but ${versionUrl} could not confirm it (${version.reason}).` });
        }
      }
    }
  } catch (error) {
    return result({ problem: `${draft.gitTag} is published, but following what it set off failed: ${describeError(error)}${stillRuns ? ` When last seen,${stillRuns.replace(/^ /, ' ')}` : ''} Check the runs on GitHub.` });
  }

  report('Looking for the changelog pull request…');
  const branch = changelogBranchFor(profile.changelogBranch, app, draft.gitTag, draft.version.text);
  let changelogPull: PullRequestFact | undefined;
  try {
    changelogPull = (await listPullRequests(client, profile.monorepo, branch))[0];
  } catch {
    // The pull request is a convenience: its absence is said in the final message, not an error.
  }
  return { ...result({}), ...(changelogPull !== undefined ? { changelogPull } : {}), ...(changelogProblem !== undefined ? { changelogProblem } : {}) };
}

/** A publish that did not happen (with the evidence), or whose outcome cannot be told (with where to look). */
export class PublishNotDone extends Error {
  override readonly name = 'PublishNotDone';

  constructor(
    message: string,
    /** The page to look at: the release when the outcome is unknown, the run that keeps the environment busy. */
    readonly link?: { readonly label: string; readonly url: string },
  ) {
    super(message);
  }
}

/**
 * Publishing deploys the environment: refuse while a run of its deployment workflow is unfinished on
 * GitHub (a colleague's deployment, another window's), or a colleague's publish of the app is still
 * tagging (it deploys next), read right before publishing.
 */
async function refuseWhileDeploying(client: GitHubClient, profile: Profile, app: AppProfile, environment: EnvironmentDeck | undefined, report: (step: string) => void): Promise<void> {
  const deploy = environment?.environment.deploy;
  if (environment === undefined || deploy?.kind !== 'workflow') {
    return;
  }
  const label = placeLabel(app, environment.environment);
  report(`Checking that no run of ${deploy.workflow} is under way…`);
  const releaseChain = profile.releaseWorkflow !== undefined ? { repo: profile.monorepo, workflow: profile.releaseWorkflow, app } : undefined;
  let active: ActiveRun | undefined;
  try {
    ({ active } = await runsActingOn(client, { deploy: { repo: deploy.repo, workflow: deploy.workflow, profileField: 'deploy.workflow' }, ...(releaseChain !== undefined ? { releaseChain } : {}) }));
  } catch (error) {
    throw new PublishNotDone(`${describeError(error)} Nothing was published: without the runs of ${deploy.workflow}${releaseChain !== undefined ? ` and ${releaseChain.workflow}` : ''}, Release Deck cannot tell whether a deployment of ${label} is under way.`);
  }
  if (active !== undefined) {
    throw new PublishNotDone(busyMessage(label, 'publish', active), { label: 'Open Run', url: active.url });
  }
}
