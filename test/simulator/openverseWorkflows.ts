import type { WorldWorkflow } from './worldWorkflows';

/** The built-in world's workflows as data from the workflow files: the monorepo's and the infrastructure's. */

export const INFRA = 'WordPress/openverse-infrastructure';
export const TAG_AND_DEPLOY_PATH = '.github/workflows/tag_docker_image_and_trigger_deployment.yml';

/** An infrastructure deployment workflow (openverse-facts §1.5). */
export function deployWorkflow(id: number, app: 'api' | 'frontend', environment: 'staging' | 'production'): WorldWorkflow {
  const service = `${environment}-${app === 'frontend' ? 'nuxt' : app}`;
  return {
    id,
    name: `Deployment - ${service}`,
    path: `.github/workflows/deploy-${environment}-${app}.yml`,
    // The infrastructure's run-name expressions are not known (openverse-facts §1.5, NOT FOUND). Production
    // titles contain the rel- tag (§1.5 [DOC]); staging runs are titled with CI's run_name, the commit
    // message's first line (§1.4, PR #2080), or for a manual run with the run name entered.
    runName:
      environment === 'production'
        ? `Deploy \${{ inputs.tag || github.event.client_payload.tag }} to ${service}`
        : `\${{ github.event.client_payload.run_name || inputs.run_name || 'Manual deployment' }}`,
    on: {
      workflowDispatch: {
        tag: { description: 'Image tag to deploy.', required: true },
        actor: { description: 'The actual GitHub user that triggered this dispatch. Leave blank to use workflow dispatcher.', required: false, default: '' },
        // The docs' manual dispatch dialog asks for "the name of the workflow run" (openverse-facts §1.5 [DOC]);
        // the input's key is not known (NOT FOUND): run_name here.
        run_name: { description: 'The name of the workflow run (the reason for a manual deployment).', required: false },
      },
      repositoryDispatch: [`deploy_${environment}_${app === 'frontend' ? 'nuxt' : app}`],
    },
    role: { kind: 'deploy', app, environment, tagFrom: { input: 'tag', payload: 'tag' } },
    // `concurrency: ${{ github.workflow }}` (§1.5): one run of each deployment workflow at a time.
    concurrency: { group: `Deployment - ${service}`, cancelInProgress: false },
    durations: { queuedSeconds: 3, runningSeconds: 20 },
    // The historical generated deploy workflows (§1.5): validate the tag against GHCR, render the ECS task
    // definition, deploy and wait for the service to be stable. Job and step names are the simulator's own
    // (the infrastructure repository is private); "Deploy" failing is the deployment failing.
    jobs: [{ name: `Deploy ${service}`, steps: [
      { name: 'Check the image tag', seconds: 4, does: 'checkImageTag' },
      { name: 'Render the task definition', seconds: 2 },
      { name: 'Deploy', seconds: 14, does: 'deployImage' },
    ] }],
  };
}

/**
 * CI's path filter per app: the paths whose changes make "CI + CD" build and publish the app's images (and
 * deploy its staging). NOT FOUND in openverse-facts: §1.4 quotes `on: push: branches: [main]` with no `paths:`,
 * and says the deploy jobs need "`frontend` changed" without quoting how a change is decided. So it is the
 * world's data, each app's folder by default; a world can rebuild an app's images for other paths too.
 */
export type CiPaths = Readonly<Partial<Record<'api' | 'frontend' | 'catalog' | 'ingestion_server', readonly string[]>>>;

/** The monorepo's workflows: "Draft releases", "CI + CD", "Tag Docker image and trigger deployment" (§1.1, §1.3, §1.4). */
export function openverseMonorepoWorkflows(ciPaths: CiPaths = {}): WorldWorkflow[] {
  const appFolders = { api: { folders: ['api/'] }, frontend: { folders: ['frontend/'] }, catalog: { folders: ['catalog/'] }, ingestion_server: { folders: ['ingestion_server/'] } };
  const built = (app: keyof typeof appFolders): readonly string[] => ciPaths[app] ?? appFolders[app].folders;
  // Both share the concurrency group `operates_on_github_releases`, not cancelled (§1.1, §1.3).
  const releaseGroup = { group: 'operates_on_github_releases', cancelInProgress: false };
  return [
    {
      id: 61_000_001,
      name: 'Draft releases',
      path: '.github/workflows/draft_releases.yml',
      on: { push: true },
      concurrency: releaseGroup,
      role: { kind: 'draftReleases', apps: appFolders },
      durations: { queuedSeconds: 3, runningSeconds: 12 },
      // Job "Draft ${{ matrix.app }} release", one per app of the matrix (§1.1), each computing its own date. GitHub
      // runs them in parallel; here one after the other, each 3 s, so the run takes about as long as one job would.
      jobs: Object.keys(appFolders).map((app) => ({ name: `Draft ${app} release`, app, steps: [
        { name: 'Set up job', seconds: 1 },
        { name: 'Run actions/checkout@v4', seconds: 1 },
        { name: 'Calculate tag name', seconds: 0 },
        { name: 'Run release-drafter/release-drafter@v6', seconds: 1, does: 'draftReleases' as const },
      ] })),
    },
    {
      id: 61_000_002,
      name: 'CI + CD',
      path: '.github/workflows/ci_cd.yml',
      on: { push: true },
      // `group: ${{ github.workflow }}-${{ github.ref }}`, `cancel-in-progress` only for pull requests (§1.4): runs of
      // pushes to main wait for each other, and GitHub cancels an older waiting one (its images are never built).
      concurrency: { group: 'CI + CD-refs/heads/main', cancelInProgress: false },
      role: {
        kind: 'ci',
        apps: {
          api: { folders: built('api'), stagingEvent: 'deploy_staging_api' },
          frontend: { folders: built('frontend'), stagingEvent: 'deploy_staging_nuxt' },
          catalog: { folders: built('catalog') },
          ingestion_server: { folders: built('ingestion_server') },
        },
        dispatchRepo: INFRA,
      },
      durations: { queuedSeconds: 3, runningSeconds: 60 },
      // Jobs of ci_cd.yml (§1.4), reduced to the ones that build, publish and deploy. Their `needs`: publish-images
      // reads `needs.get-image-tag.outputs.image_tag` (§1.4); that it needs the build is the simulator's reduction
      // (the build jobs between them are not quoted).
      jobs: [
        { name: 'Get image tag', needs: [], steps: [{ name: 'Get image tag', seconds: 2 }] },
        { name: 'Build images', needs: ['Get image tag'], steps: [{ name: 'Build the images', seconds: 30 }] },
        { name: 'Publish images', needs: ['Get image tag', 'Build images'], steps: [{ name: 'Push latest and the SHA tag', seconds: 10, does: 'buildImages' }] },
        // "Deploy staging frontend" / "Deploy staging API": each needs its app changed and publish-images success
        // (and get-image-tag's output), not the other deployment, and waits for the deployment with dispatch-and-wait
        // (§1.4): one failing does not stop the other. The frontend's step name is not quoted in the facts (the
        // API's is); it is named alike here. (playwright, which deploy-frontend also needs, is not modelled.)
        { name: 'Deploy staging frontend', app: 'frontend', needs: ['Get image tag', 'Publish images'], steps: [{ name: 'Get commit message', seconds: 1 }, { name: 'Deploy staging frontend', seconds: 0, does: 'dispatchStaging' }] },
        { name: 'Deploy staging API', app: 'api', needs: ['Get image tag', 'Publish images'], steps: [{ name: 'Get commit message', seconds: 1 }, { name: 'Deploy staging API', seconds: 0, does: 'dispatchStaging' }] },
      ],
    },
    {
      id: 61_000_003,
      name: 'Tag Docker image and trigger deployment',
      path: TAG_AND_DEPLOY_PATH,
      on: { release: ['released'] },
      concurrency: releaseGroup,
      role: { kind: 'tagAndDeploy', deployEvents: { 'api-': 'deploy_production_api', 'frontend-': 'deploy_production_nuxt' }, dispatchRepo: INFRA, payloadKeys: { actor: 'actor', tag: 'tag' }, changelogBranch: 'changelog/{gitTag}' },
      durations: { queuedSeconds: 3, runningSeconds: 15 },
      // Job "Release app" and its steps, as in the file (§1.3); "Set up job" is GitHub's own first step.
      jobs: [{ name: 'Release app', steps: [
        { name: 'Set up job', seconds: 2 },
        { name: 'Run actions/checkout@v4', seconds: 3 },
        { name: 'Calculate tag name', seconds: 1 },
        { name: 'Log in to GitHub Docker Registry', seconds: 2 },
        { name: 'Tag latest with release tag', seconds: 6, does: 'tagLatestAsRelease' },
        { name: 'Deploy production application', seconds: 0, does: 'dispatchAndWait' },
        { name: 'Add new changelog file to documentation', seconds: 2 },
        { name: 'Setup CI env', seconds: 6 },
        { name: 'Cache pre-commit envs', seconds: 2 },
        { name: 'Lint the changelog file so that it passes CI', seconds: 6 },
        { name: 'Open changelog PR', seconds: 3, does: 'openChangelogPull' },
      ] }],
    },
  ];
}
