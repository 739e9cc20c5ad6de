import { createHash } from 'node:crypto';
import { plannedCommits, releaseNotes, type AppSlug, type CommitPlan } from './openverseHistory';
import { deployWorkflow, INFRA, openverseMonorepoWorkflows, TAG_AND_DEPLOY_PATH, type CiPaths } from './openverseWorkflows';
import type { World, WorldCommit, WorldPull, WorldRelease, WorldRun } from './world';
import type { WorldWorkflow } from './worldWorkflows';

/**
 * The built-in world: Openverse's monorepo and infrastructure repository as the release process
 * leaves them, with drafts, published releases, staging ahead of production, a production history with
 * a failed deployment in it, and a frontend whose last production deployment failed.
 */

export const MONOREPO = 'WordPress/openverse';
export { INFRA, TAG_AND_DEPLOY_PATH } from './openverseWorkflows';
export const DEMO_TOKEN = 'rd_demo_token_not_a_secret';
export const DEMO_LOGIN = 'octo-maintainer';
export const NO_WORKFLOW_SCOPE_TOKEN = 'rd_token_without_workflow_scope';
export const FINE_GRAINED_TOKEN = 'rd_fine_grained_token_two_repos';
export const OTHER_REPOS_TOKEN = 'rd_token_for_other_repos_only';
/** A classic token with every scope, not authorized for WordPress's SAML single sign-on (simulated SSO enforcement). */
export const SSO_UNAUTHORIZED_TOKEN = 'rd_token_not_authorized_for_sso';
export const START_TIME = '2026-11-26T09:00:00Z';

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function fakeSha(label: string): string {
  return createHash('sha1').update(`openverse-world:${label}`).digest('hex');
}

/**
 * The changelog pull request the release workflow opened after api-2026.11.12.14.05.33 was published and
 * deployed (openverse-facts §1.6: branch, title, body, the bot as author), still waiting for review.
 */
export const API_CHANGELOG_PULL: WorldPull = {
  number: 4990,
  title: 'Publish changelog for api-2026.11.12.14.05.33',
  head: 'changelog/api-2026.11.12.14.05.33',
  base: 'main',
  state: 'open',
  body: 'This changelog PR was automatically generated for @zackkrida as a result of the Tag Docker image and trigger deployment workflow.',
  author: 'openverse-bot',
  createdAt: '2026-11-12T15:12:00Z',
};

/** The simulated infrastructure files recording the manual environments' image tags. */
export const CATALOG_RECORD = 'environments/prod/airflow.yml';
export const INGESTION_RECORDS = { staging: 'environments/dev/ingestion-server.tf', production: 'environments/prod/ingestion-server.tf' } as const;

function infraFiles(contents: Record<string, string>): Pick<WorldCommit, 'files' | 'contents'> {
  return { files: Object.keys(contents).map((filename) => ({ filename })), contents };
}

export interface OpenverseWorldOptions {
  /** CI's path filter per app (openverseWorkflows.ts `CiPaths`): unset, each app's folder. */
  readonly ciPaths?: CiPaths;
}

export function openverseWorld(options: OpenverseWorldOptions = {}): World {
  const plans = plannedCommits();
  const commits: WorldCommit[] = plans.map((plan, index) => ({
    sha: fakeSha(`monorepo-${index}`),
    message: `${plan.title}\n\nCo-authored-by: ${plan.author} <${plan.author}@users.noreply.github.com>`,
    author: plan.author,
    date: plan.date,
    files: [
      { filename: `${plan.app}/${plan.label === 'fix' ? 'fixes' : 'src'}/change_${index}.py` },
      ...(plan.alsoTouches !== undefined ? [{ filename: `${plan.alsoTouches}/Dockerfile.nginx` }] : []),
      ...(plan.env !== undefined ? [{ filename: plan.env.file, patch: plan.env.patch }] : []),
    ],
  }));
  const touches = (plan: CommitPlan, app: AppSlug): boolean => plan.app === app || plan.alsoTouches === app;

  let releaseId = 180_000_000;
  const releases: WorldRelease[] = [];
  const tags: { name: string; sha: string }[] = [];
  const images: Record<string, Record<string, string>> = {};
  const tagRuns: WorldRun[] = [];
  let runId = 11_000_000_000;
  /** Production deployments the releases dispatched: app → release date → when. */
  const releaseDispatches: Array<{ app: AppSlug; imageTag: string; at: string }> = [];

  /** The last commit touching `app` at or before `date`. */
  const lastCommitOf = (app: AppSlug, date: string): WorldCommit => {
    const index = plans.reduce((found, plan, current) => (touches(plan, app) && plan.date <= date ? current : found), -1);
    const commit = commits[index];
    if (commit === undefined) {
      throw new Error(`no ${app} commit before ${date}`);
    }
    return commit;
  };
  const plansBetween = (app: AppSlug, after: string, until: string): CommitPlan[] => plans.filter((plan) => plan.app === app && plan.date > after && plan.date <= until);

  const publish = (app: AppSlug, date: string, previous: string): void => {
    const stamp = date.replace(/[-T:]/g, '.').replace(/Z$/, '').replace(/\.\d+$/, (seconds) => seconds);
    const gitTag = `${app}-${stamp.slice(0, 19)}`;
    const commit = lastCommitOf(app, date);
    releases.push({
      id: releaseId++,
      tagName: gitTag,
      name: gitTag,
      draft: false,
      prerelease: false,
      body: releaseNotes(plansBetween(app, previous, date)),
      targetCommitish: 'main',
      createdAt: date,
      publishedAt: new Date(Date.parse(date) + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      author: 'openverse-bot',
    });
    // Each of these releases was published while main's head was the app's last commit (no other commit
    // came in between): the git tag's commit, `latest` and so `rel-{date}` are the same commit (§2).
    tags.push({ name: gitTag, sha: commit.sha });
    (images[app] ??= {})[`rel-${gitTag.slice(app.length + 1)}`] = commit.sha;
    const publishedAt = Date.parse(date) + 3600_000;
    const deploys = app === 'api' || app === 'frontend';
    if (deploys) {
      // The release run dispatched the production deployment after its tag step (§1.3), about 15 s in.
      releaseDispatches.push({ app, imageTag: `rel-${gitTag.slice(app.length + 1)}`, at: iso(publishedAt + 15_000) });
    }
    tagRuns.push({
      id: runId++,
      workflowPath: TAG_AND_DEPLOY_PATH,
      event: 'release',
      displayTitle: gitTag,
      createdAt: iso(publishedAt),
      actor: 'zackkrida',
      headBranch: gitTag,
      headSha: commit.sha,
      // Filled in below from the deployment it waited for (the release run contains it).
      outcome: 'success',
      queuedSeconds: 5,
      runningSeconds: deploys ? 420 : 45,
      effectsApplied: true,
    });
  };
  const draft = (app: AppSlug, date: string, previous: string): void => {
    const gitTag = `${app}-${date.replace(/[-T:]/g, '.').slice(0, 19)}`;
    releases.push({
      id: releaseId++,
      tagName: gitTag,
      name: gitTag,
      draft: true,
      prerelease: false,
      body: releaseNotes(plansBetween(app, previous, START_TIME)),
      targetCommitish: 'main',
      createdAt: date,
      publishedAt: null,
      author: 'openverse-bot',
    });
  };

  publish('ingestion_server', '2024-09-09T05:40:20Z', '2024-01-01T00:00:00Z');
  publish('catalog', '2026-09-09T23:00:57Z', '2026-01-01T00:00:00Z');
  publish('api', '2026-10-01T12:00:00Z', '2026-09-01T00:00:00Z');
  publish('frontend', '2026-09-29T10:00:00Z', '2026-09-01T00:00:00Z');
  publish('frontend', '2026-10-10T11:00:00Z', '2026-09-29T10:00:00Z');
  publish('api', '2026-10-15T09:30:00Z', '2026-10-01T12:00:00Z');
  publish('api', '2026-10-28T08:00:00Z', '2026-10-15T09:30:00Z');
  publish('frontend', '2026-11-05T16:20:00Z', '2026-10-10T11:00:00Z');
  publish('api', '2026-11-12T14:05:33Z', '2026-10-28T08:00:00Z');
  draft('api', '2026-11-25T18:00:00Z', '2026-11-12T14:05:33Z');
  draft('frontend', '2026-11-25T18:00:00Z', '2026-11-05T16:20:00Z');
  draft('catalog', '2026-11-25T18:00:00Z', '2026-09-09T23:00:57Z');
  draft('ingestion_server', '2026-11-25T18:00:00Z', '2024-09-09T05:40:20Z');

  const infraWorkflows = [
    deployWorkflow(71_000_001, 'api', 'staging'),
    deployWorkflow(71_000_002, 'api', 'production'),
    deployWorkflow(71_000_003, 'frontend', 'staging'),
    deployWorkflow(71_000_004, 'frontend', 'production'),
  ];

  const infraRuns: WorldRun[] = [];
  const deployRun = (workflow: WorldWorkflow, tag: string, at: string, outcome: WorldRun['outcome'], runName?: string): void => {
    const production = workflow.path.includes('production');
    infraRuns.push({
      id: runId++,
      workflowPath: workflow.path,
      event: 'repository_dispatch',
      displayTitle: production ? `Deploy ${tag} to ${workflow.name.replace('Deployment - ', '')}` : (runName ?? 'Manual deployment'),
      createdAt: at,
      actor: 'openverse-bot',
      headBranch: 'main',
      headSha: fakeSha('infra-head'),
      clientPayload: production ? { actor: 'zackkrida', tag } : { actor: 'openverse-bot', tag, run_name: runName ?? '' },
      outcome,
      queuedSeconds: 3,
      runningSeconds: 300,
      effectsApplied: true,
    });
  };
  const [stagingApi, productionApi, stagingFrontend, productionFrontend] = infraWorkflows as [WorldWorkflow, WorldWorkflow, WorldWorkflow, WorldWorkflow];
  // Two production deployments failed; the release runs that waited for them failed at "Deploy production application".
  const failedDeployments = new Set(['rel-2026.10.28.08.00.00', 'rel-2026.11.05.16.20.00']);
  for (const dispatch of releaseDispatches) {
    const outcome = failedDeployments.has(dispatch.imageTag) ? 'failure' : 'success';
    deployRun(dispatch.app === 'api' ? productionApi : productionFrontend, dispatch.imageTag, dispatch.at, outcome);
    const releaseRun = tagRuns.find((run) => run.headBranch === `${dispatch.app}-${dispatch.imageTag.slice('rel-'.length)}`);
    if (releaseRun !== undefined && outcome === 'failure') {
      tagRuns[tagRuns.indexOf(releaseRun)] = { ...releaseRun, outcome, runningSeconds: 15 + 3 + 300 + 60 - 15 };
    }
  }
  // CI built `latest` and the SHA image of each app a push changed (§1.4, §2), and deployed API and
  // frontend staging from October on, titled with the commit message (`run_name`).
  for (const [index, plan] of plans.entries()) {
    const commit = commits[index];
    if (commit === undefined) {
      continue;
    }
    for (const app of [plan.app, ...(plan.alsoTouches !== undefined ? [plan.alsoTouches] : [])]) {
      if (app === 'indexer_worker') {
        continue;
      }
      const appImages = (images[app] ??= {});
      appImages[commit.sha] = commit.sha;
      appImages.latest = commit.sha;
      const at = iso(Date.parse(plan.date) + 20 * 60_000);
      if (plan.date >= '2026-10-01' && (app === 'api' || app === 'frontend')) {
        deployRun(app === 'api' ? stagingApi : stagingFrontend, commit.sha, at, 'success', plan.title);
      }
    }
  }
  infraRuns.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));

  // Where the manual runbooks record the deployed tag (openverse-facts §5: `just bump production airflow`,
  // `just bump dev|prod ingestion-server`, environments/prod/ingestion-server.tf). The real files are
  // private (NOT FOUND): these paths and lines are the simulated world's own (simulatedProfile.ts names them).
  const infraCommits: WorldCommit[] = [
    {
      sha: fakeSha('infra-root'),
      message: 'Terraform the ECS services',
      author: 'zackkrida',
      date: '2026-01-10T10:00:00Z',
      ...infraFiles({
        [INGESTION_RECORDS.staging]: 'ingestion_server_image_tag = "rel-2024.09.09.05.40.20"\ndata_refresh_cleared = false\n',
        [INGESTION_RECORDS.production]: 'ingestion_server_image_tag = "rel-2024.09.09.05.40.20"\ndata_refresh_cleared = false\n',
        [CATALOG_RECORD]: 'airflow:\n  image_tag: "rel-2026.01.01.00.00.00"\n',
      }),
    },
    {
      sha: fakeSha('infra-head'),
      message: 'Bump the catalog to rel-2026.09.09.23.00.57',
      author: 'AetherUnbound',
      date: '2026-09-10T09:00:00Z',
      ...infraFiles({ [CATALOG_RECORD]: 'airflow:\n  image_tag: "rel-2026.09.09.23.00.57"\n' }),
    },
  ];

  const monorepoWorkflows = openverseMonorepoWorkflows(options.ciPaths);

  const last = <T>(items: readonly T[]): T => {
    const item = items[items.length - 1];
    if (item === undefined) {
      throw new Error('empty');
    }
    return item;
  };
  // Staging runs the last build CI deployed there: the last commit that changed the app.
  const apiStaging = last(plans.map((plan, index) => ({ plan, commit: commits[index] })).filter(({ plan }) => touches(plan, 'api'))).commit;
  const frontendStaging = last(plans.map((plan, index) => ({ plan, commit: commits[index] })).filter(({ plan }) => touches(plan, 'frontend'))).commit;
  if (apiStaging === undefined || frontendStaging === undefined) {
    throw new Error('world without api or frontend commits');
  }

  return {
    startTime: START_TIME,
    rateLimit: 5000,
    tokens: [
      { token: DEMO_TOKEN, login: DEMO_LOGIN, scopes: ['repo', 'workflow', 'read:org', 'read:packages'] },
      { token: NO_WORKFLOW_SCOPE_TOKEN, login: 'read-only-maintainer', scopes: ['repo'] },
      { token: FINE_GRAINED_TOKEN, login: 'fine-grained-maintainer', scopes: null, repos: [MONOREPO, INFRA] },
      { token: OTHER_REPOS_TOKEN, login: 'outsider', scopes: null, repos: ['someone/else'] },
      { token: SSO_UNAUTHORIZED_TOKEN, login: 'sso-maintainer', scopes: ['repo', 'workflow', 'read:org'], ssoRequired: ['WordPress'] },
    ],
    repos: [
      { fullName: MONOREPO, defaultBranch: 'main', private: false, commits, tags, releases, workflows: monorepoWorkflows, runs: tagRuns, pulls: [{ ...API_CHANGELOG_PULL }] },
      { fullName: INFRA, defaultBranch: 'main', private: true, commits: infraCommits, tags: [], releases: [], workflows: infraWorkflows, runs: infraRuns, pulls: [] },
    ],
    environments: [
      { app: 'api', environment: 'staging', path: '/live/api/staging/version', release: apiStaging.sha, environmentName: 'staging' },
      { app: 'api', environment: 'production', path: '/live/api/production/version', release: tags.find((tag) => tag.name === 'api-2026.11.12.14.05.33')?.sha ?? '', environmentName: 'production' },
      { app: 'frontend', environment: 'staging', path: '/live/frontend/staging/version', release: frontendStaging.sha, environmentName: 'staging' },
      { app: 'frontend', environment: 'production', path: '/live/frontend/production/version', release: tags.find((tag) => tag.name === 'frontend-2026.10.10.11.00.00')?.sha ?? '', environmentName: 'production' },
    ],
    images,
    failNextRuns: {},
  };
}
