import type { Profile } from './profileTypes';
import { validateProfile } from './profileValidation';

/**
 * The built-in profile: Openverse's monorepo (WordPress/openverse) and its private infrastructure
 * repository. Used whenever the workspace has no profile file of its own.
 */

const INFRA = 'WordPress/openverse-infrastructure';
const INFRA_URL = `https://github.com/${INFRA}`;

function ecsEventsLink(service: string, cluster: string): { label: string; url: string } {
  return {
    label: `ECS events of ${service}`,
    url: `https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/${cluster}/services/${service}/events?region=us-east-1`,
  };
}

/**
 * Run titles: CI dispatches staging with `run_name` = the first line of the commit message and `tag` =
 * the commit's SHA (openverse-facts §1.4; PR #2080 added run_name so the staging runs are titled with
 * it). The infrastructure workflows' exact `run-name` expression is not known (§1.5, NOT FOUND), so
 * staging's "{commitTitle}" follows that documented purpose; production runs' titles contain the `rel-`
 * tag (§1.5, [DOC]), read wherever it stands (no runTitle).
 */
function workflowEnvironment(app: 'api' | 'frontend', environment: 'staging' | 'production', versionUrl: string, ecsService: string) {
  return {
    id: environment,
    label: environment === 'staging' ? 'Staging' : 'Production',
    versionUrl,
    ...(environment === 'production' ? { deployedOnPublish: true } : {}),
    consoleLinks: [ecsEventsLink(ecsService, `${environment}-default`)],
    deploy: { kind: 'workflow', repo: INFRA, workflow: `deploy-${environment}-${app}.yml`, tagInput: 'tag', ...(environment === 'staging' ? { runTitle: '{commitTitle}' } : {}) },
  };
}

/** The profile exactly as it would be written in `.vscode/release-deck.json`. */
export const OPENVERSE_PROFILE_DOCUMENT = {
  name: 'Openverse',
  github: { apiUrl: 'https://api.github.com', webUrl: 'https://github.com' },
  monorepo: 'WordPress/openverse',
  infrastructureRepo: INFRA,
  releaseWorkflow: 'tag_docker_image_and_trigger_deployment.yml',
  changelogBranch: 'changelog/{gitTag}',
  apps: [
    {
      id: 'api',
      label: 'API',
      images: ['ghcr.io/wordpress/openverse-api', 'ghcr.io/wordpress/openverse-api_nginx'],
      sourceFolders: ['api/'],
      envFiles: ['api/env.template'],
      environments: [
        workflowEnvironment('api', 'staging', 'https://api-staging.openverse.org/version', 'staging-api'),
        workflowEnvironment('api', 'production', 'https://api.openverse.org/version', 'production-api'),
      ],
    },
    {
      id: 'frontend',
      label: 'Frontend',
      images: ['ghcr.io/wordpress/openverse-frontend', 'ghcr.io/wordpress/openverse-frontend_nginx'],
      sourceFolders: ['frontend/'],
      envFiles: ['frontend/.env.template'],
      environments: [
        workflowEnvironment('frontend', 'staging', 'https://staging.openverse.org/version', 'staging-nuxt'),
        workflowEnvironment('frontend', 'production', 'https://openverse.org/version', 'production-nuxt'),
      ],
    },
    {
      id: 'catalog',
      label: 'Catalog',
      images: ['ghcr.io/wordpress/openverse-catalog'],
      sourceFolders: ['catalog/'],
      envFiles: ['catalog/env.template'],
      environments: [
        {
          id: 'production',
          label: 'Production',
          // No recordedIn: the runbooks record the tag in the private infrastructure repository (`just bump
          // production airflow`, openverse-facts §5), whose file paths are not known. A workspace profile can
          // name them, e.g. {"path": "environments/prod/airflow.yml", "pattern": "image_tag: \"(rel-[^\"]+)\""}.
          deploy: {
            kind: 'manual',
            tool: 'Ansible',
            steps: [
              { title: 'Check that no DAGs are running: https://airflow.openverse.org/home?status=running' },
              { title: 'Set the catalog image tag to {imageTag} in the Ansible variables', command: 'just bump production airflow' },
              { title: 'Run the playbook and read its plan', command: 'just ansible/playbook production airflow.yml -t airflow' },
              {
                title: 'Apply the plan (add -e airflow_force=true only to ignore running DAGs)',
                command: 'just ansible/playbook production airflow.yml -t airflow -e airflow_apply=true',
              },
              { title: 'Check https://airflow.openverse.org and its Airflow version, then open a pull request in the infrastructure repository' },
            ],
            links: [
              { label: 'Infrastructure repository', url: INFRA_URL },
              { label: 'Airflow', url: 'https://airflow.openverse.org/home' },
            ],
          },
        },
      ],
    },
    {
      id: 'ingestion_server',
      label: 'Ingestion server',
      images: ['ghcr.io/wordpress/openverse-ingestion_server'],
      sourceFolders: ['ingestion_server/'],
      envFiles: ['ingestion_server/env.template'],
      environments: [
        {
          id: 'staging',
          label: 'Staging',
          deploy: {
            kind: 'manual',
            tool: 'Terraform',
            steps: [
              { title: 'Check that no data refresh is running: https://airflow.openverse.org/home?tags=data_refresh' },
              { title: 'Set the ingestion server image tag to {imageTag}', command: 'just bump dev ingestion-server' },
              { title: 'Apply the Terraform plan', command: 'just apply dev ingestion-server' },
            ],
            links: [{ label: 'Infrastructure repository', url: INFRA_URL }],
          },
        },
        {
          id: 'production',
          label: 'Production',
          deploy: {
            kind: 'manual',
            tool: 'Terraform',
            steps: [
              { title: 'Check that no data refresh is running: https://airflow.openverse.org/home?tags=data_refresh' },
              { title: 'Set data_refresh_cleared = true in environments/prod/ingestion-server.tf' },
              { title: 'Set the ingestion server image tag to {imageTag}', command: 'just bump prod ingestion-server' },
              { title: 'Apply the Terraform plan', command: 'just apply prod ingestion-server' },
              { title: 'Set data_refresh_cleared back to false, then open a pull request in the infrastructure repository' },
            ],
            links: [{ label: 'Infrastructure repository', url: INFRA_URL }],
          },
        },
      ],
    },
    {
      id: 'indexer_worker',
      label: 'Indexer worker',
      usesReleases: false,
      sourceFolders: ['indexer_worker/'],
      envFiles: ['indexer_worker/env.template'],
      environments: [
        {
          id: 'production',
          label: 'Production',
          deploy: {
            kind: 'latest',
            explanation:
              'The indexer workers have no releases and no deployment: each new EC2 instance pulls the image tagged latest when it starts. To undo a change, merge a revert to main.',
          },
        },
      ],
    },
  ],
};

let cached: Profile | undefined;

/** The validated built-in profile. A unit test guarantees it passes validation. */
export function openverseProfile(): Profile {
  if (cached === undefined) {
    const validation = validateProfile(OPENVERSE_PROFILE_DOCUMENT);
    if (!validation.ok) {
      throw new Error(`The built-in Openverse profile is invalid: ${validation.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    }
    cached = validation.profile;
  }
  return cached;
}
