import { createHash } from 'node:crypto';
import type { World, WorldCommit, WorldRelease, WorldRun } from './world';
import type { WorldWorkflow } from './worldWorkflows';

/**
 * A second built-in world that is not Openverse: a made-up shop, `acme/shop`, with apps `web` and `api`.
 * Nothing of openverse-facts applies here; GitHub's rules still do (its REST shapes, `workflow_dispatch`
 * inputs, `run-name`, environments). What differs from Openverse, on purpose:
 * - semantic-version git tags, one form per app (`web@1.4.2`, `api/v2.3.0`), a pre-release (`web@1.5.0-rc.1`);
 *   image tags `1.4.2` (web) and `v2.3.0` (api), plus the 40-character commit SHA CI pushes for every build;
 * - the default branch is `trunk`;
 * - web deploys from workflows in the monorepo itself, api from a separate repository `acme/platform`;
 *   both take the tag as `image_tag` and a free-text `note`, titled `Deploy {image} to {env}` (run-name);
 * - production is protected by required reviewers, declared in the shape of GitHub's Environments API
 *   ("Get an environment": `protection_rules: [{type: 'required_reviewers', reviewers}]`) and referenced by
 *   the production jobs' `environment:` (GitHub Actions, "Using environments for deployment").
 * - no release workflow: publishing a GitHub Release starts nothing; deploying is a separate act.
 */

export const ACME_MONOREPO = 'acme/shop';
export const ACME_PLATFORM = 'acme/platform';
export const ACME_TOKEN = 'rd_acme_token_not_a_secret';
export const ACME_BRANCH = 'trunk';
/** Keys of `world.images` and `world.environments`: the shop's apps, apart from any other world's. */
export const ACME_APPS = { web: 'acme_web', api: 'acme_api' } as const;
/** Ids far from any other built-in world's, so worlds can be served together (withWorlds). */
const FIRST_ID = 88_000_000;

export function acmeSha(label: string): string {
  return createHash('sha1').update(`acme-world:${label}`).digest('hex');
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

type AcmeApp = keyof typeof ACME_APPS;

/** A deployment workflow of the shop: `image_tag` and `note` inputs, production behind reviewers. */
function deployWorkflow(id: number, app: AcmeApp, environment: 'staging' | 'production'): WorldWorkflow {
  const service = `${app}-${environment}`;
  return {
    id,
    name: `Deploy ${app} (${environment})`,
    path: `.github/workflows/deploy-${service}.yml`,
    runName: `Deploy \${{ inputs.image_tag }} to ${service}`,
    on: {
      workflowDispatch: {
        image_tag: { description: 'Image tag to deploy (a release version or a commit SHA).', required: true },
        note: { description: 'Why this deployment (shown in the run).', required: false, default: '' },
      },
    },
    role: { kind: 'deploy', app: ACME_APPS[app], environment, tagFrom: { input: 'image_tag' } },
    concurrency: { group: `deploy-${service}`, cancelInProgress: false },
    durations: { queuedSeconds: 2, runningSeconds: 15 },
    jobs: [{
      name: `Deploy ${service}`,
      ...(environment === 'production' ? { environment: 'production' } : {}),
      steps: [
        { name: 'Check the image exists', seconds: 3, does: 'checkImageTag' },
        { name: 'Roll out', seconds: 12, does: 'deployImage' },
      ],
    }],
  };
}

interface Plan {
  readonly app: AcmeApp;
  readonly title: string;
  /** The release this commit is tagged as, if any. */
  readonly tag?: string;
}

const PLANS: readonly Plan[] = [
  { app: 'web', title: 'Add the basket page', tag: 'web@1.3.0' },
  { app: 'api', title: 'Orders endpoint paginates by cursor', tag: 'api/v2.2.0' },
  { app: 'web', title: 'Show delivery estimates', tag: 'web@1.4.0' },
  { app: 'web', title: 'Fix the price rounding in the basket' },
  { app: 'web', title: 'Keep the basket across sign-in', tag: 'web@1.4.2' },
  { app: 'api', title: 'Stock levels cached for a minute', tag: 'api/v2.3.0' },
  { app: 'web', title: 'New checkout (behind a flag)', tag: 'web@1.5.0-rc.1' },
  { app: 'api', title: 'Refunds: partial amounts' },
  { app: 'web', title: 'Checkout: address autocomplete' },
];

export function acmeWorld(): World {
  let id = FIRST_ID;
  const start = Date.parse('2026-10-01T09:00:00Z');
  const commits: WorldCommit[] = PLANS.map((plan, index) => {
    const sha = acmeSha(`c${index}`);
    const path = plan.app === 'web' ? `web/src/change${index}.ts` : `api/app/change${index}.py`;
    return { sha, message: `${plan.title} (#${100 + index})`, author: index % 2 === 0 ? 'ana' : 'ben', date: iso(start + index * 3 * 86_400_000), files: [{ filename: path, patch: `@@ -0,0 +1 @@\n+# ${plan.title}` }] };
  });
  const tags: Array<{ name: string; sha: string }> = [];
  const releases: WorldRelease[] = [];
  const images: Record<string, Record<string, string>> = { [ACME_APPS.web]: {}, [ACME_APPS.api]: {} };
  PLANS.forEach((plan, index) => {
    const commit = commits[index];
    if (commit === undefined) {
      return;
    }
    // CI pushes an image tagged with the commit SHA for every build of the app it changes.
    (images[ACME_APPS[plan.app]] ??= {})[commit.sha] = commit.sha;
    if (plan.tag !== undefined) {
      tags.push({ name: plan.tag, sha: commit.sha });
      const version = plan.tag.replace(/^web@|^api\/v/, '');
      (images[ACME_APPS[plan.app]] ??= {})[plan.app === 'web' ? version : `v${version}`] = commit.sha;
      const publishedAt = iso(Date.parse(commit.date) + 3_600_000);
      releases.push({ id: id++, tagName: plan.tag, name: plan.tag, draft: false, prerelease: plan.tag.includes('-'), body: `- ${commit.message}`, targetCommitish: ACME_BRANCH, createdAt: commit.date, publishedAt, author: 'ana' });
    }
  });
  // The next release of each app, drafted.
  releases.push({ id: id++, tagName: 'web@1.5.0', name: 'web@1.5.0', draft: true, prerelease: false, body: '- New checkout (behind a flag) (#106)\n- Checkout: address autocomplete (#108)', targetCommitish: ACME_BRANCH, createdAt: '2026-10-26T10:00:00Z', publishedAt: null, author: 'ana' });
  releases.push({ id: id++, tagName: 'api/v2.4.0', name: 'api/v2.4.0', draft: true, prerelease: false, body: '- Refunds: partial amounts (#107)', targetCommitish: ACME_BRANCH, createdAt: '2026-10-26T10:00:00Z', publishedAt: null, author: 'ben' });

  const webWorkflows = [deployWorkflow(id++, 'web', 'staging'), deployWorkflow(id++, 'web', 'production')];
  const apiWorkflows = [deployWorkflow(id++, 'api', 'staging'), deployWorkflow(id++, 'api', 'production')];
  const run = (workflow: WorldWorkflow, imageTag: string, createdAt: string, outcome: WorldRun['outcome'] = 'success'): WorldRun => ({
    id: id++,
    workflowPath: workflow.path,
    event: 'workflow_dispatch',
    displayTitle: `Deploy ${imageTag} to ${workflow.path.replace(/^.*deploy-|\.yml$/g, '')}`,
    createdAt,
    actor: 'ana',
    headBranch: ACME_BRANCH,
    headSha: acmeSha('head'),
    inputs: { image_tag: imageTag, note: '' },
    outcome,
    queuedSeconds: 2,
    runningSeconds: 15,
    effectsApplied: true,
  });
  const [webStaging, webProduction] = webWorkflows as [WorldWorkflow, WorldWorkflow];
  const [apiStaging, apiProduction] = apiWorkflows as [WorldWorkflow, WorldWorkflow];
  const shopRuns = [
    run(webProduction, '1.4.0', '2026-10-08T12:00:00Z'),
    run(webProduction, '1.4.2', '2026-10-14T12:00:00Z'),
    run(webStaging, '1.4.2', '2026-10-13T12:00:00Z'),
    run(webStaging, '1.5.0-rc.1', '2026-10-20T12:00:00Z'),
  ];
  const platformRuns = [
    run(apiProduction, 'v2.2.0', '2026-10-05T12:00:00Z'),
    run(apiStaging, 'v2.3.0', '2026-10-17T12:00:00Z'),
  ];
  const at = (tag: string): string => tags.find((candidate) => candidate.name === tag)?.sha ?? '';
  // GitHub's Environments API shape; the reviewers are people of the made-up shop.
  const protectedProduction = () => [{ id: id++, name: 'production', protection_rules: [{ type: 'required_reviewers' as const, reviewers: [{ type: 'User' as const, reviewer: { login: 'ana' } }] }] }];
  return {
    startTime: '2026-11-26T09:00:00Z',
    rateLimit: 5000,
    tokens: [{ token: ACME_TOKEN, login: 'ben', scopes: ['repo', 'workflow', 'read:org'] }],
    repos: [
      { fullName: ACME_MONOREPO, defaultBranch: ACME_BRANCH, private: true, commits, tags, releases, workflows: webWorkflows, runs: shopRuns, pulls: [], deploymentEnvironments: protectedProduction() },
      {
        fullName: ACME_PLATFORM,
        defaultBranch: ACME_BRANCH,
        private: true,
        commits: [{ sha: acmeSha('platform'), message: 'Platform deployment workflows', author: 'ben', date: '2026-09-01T09:00:00Z' }],
        tags: [],
        releases: [],
        workflows: apiWorkflows,
        runs: platformRuns,
        pulls: [],
        deploymentEnvironments: protectedProduction(),
      },
    ],
    environments: [
      { app: ACME_APPS.web, environment: 'staging', path: '/live/acme/web/staging/version', release: at('web@1.5.0-rc.1'), environmentName: 'staging' },
      { app: ACME_APPS.web, environment: 'production', path: '/live/acme/web/production/version', release: at('web@1.4.2'), environmentName: 'production' },
      { app: ACME_APPS.api, environment: 'staging', path: '/live/acme/api/staging/version', release: at('api/v2.3.0'), environmentName: 'staging' },
      { app: ACME_APPS.api, environment: 'production', path: '/live/acme/api/production/version', release: at('api/v2.2.0'), environmentName: 'production' },
    ],
    images,
    // Each app's image is a container package of the organization (ghcr.io/acme/shop-web, …/shop-api).
    containerPackages: { 'acme/shop-web': ACME_APPS.web, 'acme/shop-api': ACME_APPS.api },
    failNextRuns: {},
  };
}

/** The shop's profile as its team would write it to use the simulator (the GitHub host is a user setting). */
export function acmeProfileDocument(simulatorUrl: string): Record<string, unknown> {
  const environments = (app: AcmeApp, repo: string) =>
    (['staging', 'production'] as const).map((environment) => ({
      id: environment,
      label: environment === 'staging' ? 'Staging' : 'Production',
      versionUrl: `${simulatorUrl}/live/acme/${app}/${environment}/version`,
      deploy: { kind: 'workflow', repo, workflow: `deploy-${app}-${environment}.yml`, tagInput: 'image_tag', reasonInput: 'note', runTitle: 'Deploy {imageTag} to *' },
    }));
  return {
    name: 'Acme Shop (simulated)',
    github: { webUrl: 'https://github.com' },
    monorepo: ACME_MONOREPO,
    infrastructureRepo: ACME_PLATFORM,
    apps: [
      { id: 'web', label: 'Web', releaseTags: { git: '{app}@{version}', image: '{version}' }, sourceFolders: ['web/'], environments: environments('web', ACME_MONOREPO) },
      { id: 'api', label: 'API', releaseTags: { git: '{app}/v{version}', image: 'v{version}' }, sourceFolders: ['api/'], environments: environments('api', ACME_PLATFORM) },
    ],
  };
}

/**
 * Several worlds served by one simulator, as GitHub serves every repository at once: their repositories,
 * tokens, environments and images side by side (their keys and ids must not collide; the first world
 * gives the clock's start and the rate limit).
 */
export function withWorlds(first: World, ...others: readonly World[]): World {
  const all = [first, ...others];
  const repoNames = all.flatMap((world) => world.repos.map((repo) => repo.fullName.toLowerCase()));
  const imageKeys = all.flatMap((world) => Object.keys(world.images));
  if (new Set(repoNames).size !== repoNames.length || new Set(imageKeys).size !== imageKeys.length) {
    throw new Error('worlds served together must not share a repository or an app key');
  }
  return {
    ...first,
    tokens: all.flatMap((world) => world.tokens),
    repos: all.flatMap((world) => world.repos),
    environments: all.flatMap((world) => world.environments),
    images: Object.assign({}, ...all.map((world) => world.images)) as World['images'],
    containerPackages: Object.assign({}, ...all.map((world) => world.containerPackages ?? {})) as Record<string, string>,
    failNextRuns: {},
  };
}

export const WORLD_NAMES = ['openverse', 'acme', 'both'] as const;
export type WorldName = (typeof WORLD_NAMES)[number];

/** The built-in worlds by name (`npm start -- --world acme`, RELEASE_DECK_WORLD for the integration suite). */
export function worldNamed(name: string, openverse: () => World): World {
  switch (name) {
    case 'openverse':
      return openverse();
    case 'acme':
      return acmeWorld();
    case 'both':
      return withWorlds(openverse(), acmeWorld());
    default:
      throw new Error(`There is no built-in world "${name}": choose ${WORLD_NAMES.join(', ')}.`);
  }
}
