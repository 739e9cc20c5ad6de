import { commitsByShaOf, repoByName, type LiveRun, type Simulation } from './state';
import type { RunProgress, World, WorldRepo, WorldRun } from './world';
import type { StepAction, WorldWorkflow } from './worldWorkflows';

/** `POST …/dispatches` (runs.ts), passed in so that the two modules do not import each other. */
export type Dispatch = (sim: Simulation, repo: WorldRepo, eventType: string, clientPayload: Record<string, unknown>, actor: string, createdMs: number) => unknown;

/**
 * What a workflow's steps do to the world (a step's `does`), each after the workflow file it models
 * (openverse-facts §1.1–1.5). `runEffect` answers false when the step fails.
 */

const workflowOf = (live: LiveRun): WorldWorkflow | undefined => live.repo.workflows.find((candidate) => candidate.path === live.run.workflowPath);

/**
 * The steps that use felixp8/dispatch-and-wait: the release's "Deploy production application" (§1.3) and
 * CI's "Deploy staging API"/"…frontend" (§1.4, `wait_time: 60`, `max_time: 1800`). They act when they start
 * (they dispatch), then wait for the run they find (dispatchAndWait.ts).
 */
export const waitsForDispatch = (action: StepAction): boolean => action === 'dispatchAndWait' || action === 'dispatchStaging';
export const runsOnStepStart = waitsForDispatch;

/**
 * The release workflow's `APP_NAME` and date (§1.3): the app is the git tag's prefix, the date the rest
 * (`sed 's/${APP_NAME}-//'`).
 */
export function releaseOfRun(run: Pick<WorldRun, 'headBranch'>): { app: string; date: string } | undefined {
  const match = /^([a-z][a-z0-9_]*)-(\d{4}\.\d{2}\.\d{2}\.\d{2}\.\d{2}\.\d{2})$/.exec(run.headBranch);
  return match === null ? undefined : { app: match[1] ?? '', date: match[2] ?? '' };
}

/** Whether a release run of this git tag deploys: "Deploy production application" runs for API and frontend only (§1.3). */
export function releaseDeploys(workflow: WorldWorkflow | undefined, gitTag: string): boolean {
  const role = workflow?.role;
  const release = releaseOfRun({ headBranch: gitTag });
  return role?.kind === 'tagAndDeploy' && release !== undefined && role.deployEvents[`${release.app}-`] !== undefined;
}

/** A step skipped by its `if:`. */
export function stepSkipped(live: LiveRun, action: StepAction): boolean {
  return action === 'dispatchAndWait' && !releaseDeploys(workflowOf(live), live.run.headBranch);
}

/**
 * A CI job of one app is skipped when the push did not change the app: "Deploy staging API" needs the
 * API changed, the frontend's the frontend (§1.4). Jobs of other workflows always run.
 */
export function jobSkipped(live: LiveRun, app: string | undefined): boolean {
  const role = workflowOf(live)?.role;
  if (app === undefined || role?.kind !== 'ci') {
    return false;
  }
  return !appsTouched(role.apps, commitsByShaOf(live.repo.commits).get(live.run.headSha)?.files ?? []).includes(app);
}

/** The image tag a deployment run was given, from where its own workflow declares it (input or payload key). */
export function deployedTag(run: WorldRun, workflow: WorldWorkflow | undefined): string {
  const role = workflow?.role;
  const from = role?.kind === 'deploy' ? role.tagFrom : undefined;
  if (run.event === 'repository_dispatch') {
    const value = run.clientPayload?.[from?.payload ?? 'tag'];
    return typeof value === 'string' ? value : '';
  }
  return run.inputs?.[from?.input ?? 'tag'] ?? '';
}

export function imageCommit(world: World, app: string, tag: string): string | undefined {
  return tag === '' ? undefined : world.images[app]?.[tag];
}

/** The apps whose folders a commit's files touch. */
export function appsTouched(apps: Readonly<Record<string, { readonly folders: readonly string[] }>>, files: ReadonlyArray<{ filename: string }>): string[] {
  return Object.entries(apps)
    .filter(([, { folders }]) => files.some((file) => folders.some((folder) => file.filename === folder.replace(/\/+$/, '') || file.filename.startsWith(folder.endsWith('/') ? folder : `${folder}/`))))
    .map(([app]) => app);
}

/** `date -u +%Y.%m.%d.%H.%M.%S` (§1.1, §2). */
export const dateStamp = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, '.');

/** Applies a step's action at `at`, for its job's app when the job has one; false when the step fails. */
export function runEffect(sim: Simulation, live: LiveRun, action: StepAction, at: number, repositoryDispatch: Dispatch, app?: string): boolean {
  const { run, repo } = live;
  const workflow = workflowOf(live);
  const role = workflow?.role;
  switch (action) {
    case 'checkImageTag':
      // The deployment workflows validate the tag against the registry's package versions (§1.5).
      return role?.kind === 'deploy' && imageCommit(sim.world, role.app, deployedTag(run, workflow)) !== undefined;
    case 'deployImage': {
      if (role?.kind !== 'deploy') {
        return false;
      }
      const commit = imageCommit(sim.world, role.app, deployedTag(run, workflow));
      const environment = sim.world.environments.find((candidate) => candidate.app === role.app && candidate.environment === role.environment);
      if (commit === undefined) {
        return false;
      }
      // /version reports the image's build commit (§3: SEMANTIC_VERSION is CI's image_tag, the SHA).
      if (environment !== undefined) {
        environment.release = commit;
      }
      return true;
    }
    case 'tagLatestAsRelease': {
      // `docker buildx imagetools create …:latest --tag …:rel-{date}` (§1.3): an alias of whatever `latest` is now.
      const release = releaseOfRun(run);
      const latest = release !== undefined ? sim.world.images[release.app]?.latest : undefined;
      if (release === undefined || latest === undefined) {
        return false;
      }
      (sim.world.images[release.app] ??= {})[`rel-${release.date}`] = latest;
      return true;
    }
    case 'dispatchAndWait': {
      // `repository_dispatch` with `{"actor", "tag": "rel-{date}"}` sent with the bot's token (§1.3, §1.6).
      const release = releaseOfRun(run);
      const eventType = release !== undefined && role?.kind === 'tagAndDeploy' ? role.deployEvents[`${release.app}-`] : undefined;
      if (run.progress === undefined || release === undefined || role?.kind !== 'tagAndDeploy' || eventType === undefined) {
        return false;
      }
      startWaiting(run.progress, role.dispatchRepo, at);
      const target = repoByName(sim.world, role.dispatchRepo);
      const keys = role.payloadKeys ?? { actor: 'actor', tag: 'tag' };
      if (target !== undefined) {
        repositoryDispatch(sim, target, eventType, { [keys.actor]: run.actor, [keys.tag]: `rel-${release.date}` }, 'openverse-bot', at);
      }
      return true;
    }
    case 'openChangelogPull': {
      if (role?.kind !== 'tagAndDeploy') {
        return false;
      }
      const gitTag = run.headBranch;
      const release = repo.releases.find((candidate) => candidate.tagName === gitTag);
      repo.pulls.push({
        number: sim.nextPullNumber++,
        title: `Publish changelog for ${gitTag}`,
        head: role.changelogBranch.replace('{gitTag}', gitTag),
        base: repo.defaultBranch,
        state: 'open',
        body: `This changelog PR was automatically generated for @${run.actor} as a result of the ${workflow?.name ?? 'release'} workflow.\n\n${release?.body ?? ''}`,
        author: 'openverse-bot',
        createdAt: sim.clock.iso(at),
      });
      return true;
    }
    case 'buildImages': {
      // CI's publish-images job: `latest` and the 40-char SHA of each app the push changed (§1.4).
      if (role?.kind !== 'ci') {
        return false;
      }
      for (const app of appsTouched(role.apps, commitsByShaOf(repo.commits).get(run.headSha)?.files ?? [])) {
        const images = (sim.world.images[app] ??= {});
        images.latest = run.headSha;
        images[run.headSha] = run.headSha;
      }
      return true;
    }
    case 'dispatchStaging': {
      // The deploy-api / deploy-frontend job (its `needs: publish-images` is the job order here): dispatch-and-wait
      // with `{actor, tag: SHA, run_name: first line of the message}` (§1.4), sent with the bot's token.
      const commit = commitsByShaOf(repo.commits).get(run.headSha);
      const event = role?.kind === 'ci' && app !== undefined ? role.apps[app]?.stagingEvent : undefined;
      const target = role?.kind === 'ci' ? repoByName(sim.world, role.dispatchRepo) : undefined;
      if (role?.kind !== 'ci' || commit === undefined || event === undefined || target === undefined || run.progress === undefined) {
        return false;
      }
      startWaiting(run.progress, role.dispatchRepo, at);
      const keys = role.payloadKeys ?? { actor: 'actor', tag: 'tag', runName: 'run_name' };
      repositoryDispatch(sim, target, event, { [keys.actor]: run.actor, [keys.tag]: run.headSha, [keys.runName]: commit.message.split('\n', 1)[0] ?? '' }, 'openverse-bot', at);
      return true;
    }
    case 'draftReleases': {
      if (role?.kind !== 'draftReleases') {
        return false;
      }
      // A matrix job drafts its own app (`matrix.app`, §1.1).
      const apps = app !== undefined ? Object.fromEntries(Object.entries(role.apps).filter(([id]) => id === app)) : role.apps;
      return redraft(sim, live, role.apps, apps, at);
    }
  }
}

/**
 * release-drafter with `tag`/`name` `{app}-{date}` and `draft: true` (§1.1): "replace the previous drafted
 * release matching the tag prefix", so there is always one draft per app; the pushed change joins the
 * notes of the apps it touches (their `🧱 stack` label).
 */
function redraft(sim: Simulation, live: LiveRun, allApps: Readonly<Record<string, { readonly folders: readonly string[] }>>, apps: Readonly<Record<string, { readonly folders: readonly string[] }>>, at: number): boolean {
  const { repo, run } = live;
  const commit = commitsByShaOf(repo.commits).get(run.headSha);
  const touched = appsTouched(allApps, commit?.files ?? []);
  // The date "Calculate tag name" computed (`date -u`), as it ended: when this step started.
  const date = dateStamp(run.progress?.steps.find((step) => step.completedMs === undefined)?.startedMs ?? at);
  for (const app of Object.keys(apps)) {
    const gitTag = `${app}-${date}`;
    const line = commit !== undefined && touched.includes(app) ? `- ${commit.message.split('\n', 1)[0] ?? ''} by @${commit.author}` : undefined;
    const draft = repo.releases.find((release) => release.draft && release.tagName.startsWith(`${app}-`));
    if (draft !== undefined) {
      draft.tagName = gitTag;
      draft.name = gitTag;
      if (line !== undefined) {
        draft.body = draft.body === '' ? line : `${draft.body}\n${line}`;
      }
      continue;
    }
    repo.releases.push({ id: sim.nextReleaseId++, tagName: gitTag, name: gitTag, draft: true, prerelease: false, body: line ?? '', targetCommitish: repo.defaultBranch, createdAt: sim.clock.iso(at), publishedAt: null, author: 'github-actions[bot]' });
  }
  return true;
}

/** A dispatch-and-wait step starts: it dispatches now and has not found its run yet (a run may wait twice, once per such step). */
function startWaiting(progress: RunProgress, dispatchRepo: string, at: number): void {
  progress.dispatchTarget = dispatchRepo;
  progress.dispatchedMs = at;
  delete progress.followed;
}
