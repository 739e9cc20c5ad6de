import { createHash } from 'node:crypto';
import type { World, WorldCommit, WorldRelease, WorldRun } from './world';
import type { WorldWorkflow } from './worldWorkflows';

/**
 * A monorepo of `apps` apps with `environments` environments each, every one deployed by its own
 * workflow and reporting its version: the worlds the benchmark scales to.
 */
export const SYNTHETIC_TOKEN = 'rd_bench_token_not_a_secret';
const MONOREPO = 'bench/monorepo';
const INFRA = 'bench/infrastructure';
const ENVIRONMENTS = ['staging', 'production', 'preview', 'canary'];

function sha(label: string): string {
  return createHash('sha1').update(`synthetic:${label}`).digest('hex');
}

type SyntheticDeploy = { kind: 'workflow'; repo: string; workflow: string; tagInput: string; runTitle?: string } | { kind: 'manual'; tool: string; steps: Array<{ title: string }>; recordedIn: { repo: string; path: string; pattern: string } };

export interface SyntheticProfileDocument {
  name: string;
  github: { apiUrl: string };
  monorepo: string;
  infrastructureRepo: string;
  releaseWorkflow: string;
  apps: Array<{ id: string; label: string; sourceFolders: string[]; registry?: { org: string; package: string }; environments: Array<{ id: string; label: string; versionUrl?: string; deploy: SyntheticDeploy }> }>;
}

/** The infrastructure file that records every app's manual (third) environment's image tag, in worlds with the profile options. */
export const SYNTHETIC_RECORD = 'versions/preview.tfvars';

export interface SyntheticOptions {
  /**
   * Runs of other workflows (CI on push and pull_request) per deployment run, all newer than the
   * deployments: a busy repository, where a monorepo's CI runs hundreds of times a day.
   */
  readonly otherRunsPerDeployment?: number;
  /** Both repositories' default branch (GitHub's `default_branch`), `main` unless given. */
  readonly defaultBranch?: string;
  /**
   * A world for the profile's options (use `syntheticProfileDocument(…, { profileOptions: true })`): every commit
   * changes files (commit i an app's folder, the two release commits every app's), staging runs are titled with
   * the deployed commit's first line (runTitle `{commitTitle}`, as Openverse's CI names them), the token reads
   * the container packages (registry), and the third environment is deployed by hand with its tag recorded in
   * one file of the infrastructure repository (recordedIn).
   */
  readonly profileOptions?: boolean;
}

export function syntheticWorld(apps: number, environments: number, options: SyntheticOptions = {}): World {
  const branch = options.defaultBranch ?? 'main';
  const withOptions = options.profileOptions === true;
  const appId = (a: number): string => `app${String(a).padStart(3, '0')}`;
  const filesOf = (index: number): WorldCommit['files'] =>
    !withOptions ? undefined : index === 100 || index === 101 ? Array.from({ length: apps }, (_, a) => ({ filename: `apps/${appId(a)}/release.txt` })) : [{ filename: `apps/${appId(index % apps)}/src/change${index}.ts` }];
  const commits: WorldCommit[] = Array.from({ length: 120 }, (_, index) => {
    const files = filesOf(index);
    return { sha: sha(`c${index}`), message: `Change ${index}`, author: 'bench', date: new Date(Date.UTC(2026, 9, 1) + index * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), ...(files !== undefined ? { files } : {}) };
  });
  const releases: WorldRelease[] = [];
  const tags: Array<{ name: string; sha: string }> = [];
  const tagRuns: WorldRun[] = [];
  const infraRuns: WorldRun[] = [];
  const workflows: WorldWorkflow[] = [];
  const images: Record<string, Record<string, string>> = {};
  let id = 1;
  const worldEnvironments: World['environments'] = [];
  for (let a = 0; a < apps; a += 1) {
    const app = `app${String(a).padStart(3, '0')}`;
    for (const [index, date] of ['2026.10.02.10.00.00', '2026.10.03.10.00.00'].entries()) {
      const gitTag = `${app}-${date}`;
      const commit = commits[100 + index]?.sha ?? '';
      releases.push({ id: id++, tagName: gitTag, name: gitTag, draft: false, prerelease: false, body: '- A change (#1) by @bench', targetCommitish: branch, createdAt: '2026-10-03T10:00:00Z', publishedAt: '2026-10-03T11:00:00Z', author: 'bench' });
      tags.push({ name: gitTag, sha: commit });
      (images[app] ??= {})[`rel-${date}`] = commit;
      tagRuns.push({ id: id++, workflowPath: '.github/workflows/release.yml', event: 'release', displayTitle: gitTag, createdAt: '2026-10-03T11:00:00Z', actor: 'bench', headBranch: gitTag, headSha: commit, outcome: 'success', queuedSeconds: 1, runningSeconds: 1, effectsApplied: true });
    }
    releases.push({ id: id++, tagName: `${app}-2026.11.20.10.00.00`, name: `${app}-2026.11.20.10.00.00`, draft: true, prerelease: false, body: '- Next change (#2) by @bench', targetCommitish: branch, createdAt: '2026-11-20T10:00:00Z', publishedAt: null, author: 'bench' });
    for (let e = 0; e < environments; e += 1) {
      const environment = ENVIRONMENTS[e] ?? `env${e}`;
      const path = `.github/workflows/deploy-${environment}-${app}.yml`;
      workflows.push({ id: id++, name: `Deploy ${environment} ${app}`, path, runName: `Deploy \${{ inputs.tag }} to ${environment}-${app}`, on: { workflowDispatch: { tag: { required: true } } }, role: { kind: 'deploy', app, environment } });
      for (const [index, date] of ['2026.10.02.10.00.00', '2026.10.03.10.00.00'].entries()) {
        // With the options, staging is titled with the commit's first line (CI's run_name, openverse-facts §1.4).
        // With the options, CI deploys staging after the push, titled with the commit's first line (run_name, openverse-facts §1.4).
        const pushed = commits[100 + index];
        const byCi = withOptions && e === 0 && pushed !== undefined;
        const displayTitle = byCi ? pushed.message : `Deploy rel-${date} to ${environment}-${app}`;
        const createdAt = byCi ? new Date(Date.parse(pushed.date) + 600_000).toISOString().replace(/\.\d{3}Z$/, 'Z') : `2026-10-0${2 + index}T12:00:00Z`;
        infraRuns.push({ id: id++, workflowPath: path, event: byCi ? 'repository_dispatch' : 'workflow_dispatch', displayTitle, createdAt, actor: 'bench', headBranch: branch, headSha: sha('infra'), outcome: 'success', queuedSeconds: 1, runningSeconds: 1, effectsApplied: true });
      }
      worldEnvironments.push({ app, environment, path: `/live/${app}/${environment}/version`, release: commits[101]?.sha ?? '', environmentName: environment });
    }
  }
  const other = (options.otherRunsPerDeployment ?? 0) * infraRuns.length;
  if (other > 0) {
    // CI in the repository of the deployment workflows, newer than every deployment (from 2026-10-04 on).
    const ci = '.github/workflows/ci.yml';
    workflows.push({ id: id++, name: 'CI', path: ci, on: {} });
    const span = Date.parse('2026-11-26T08:00:00Z') - Date.parse('2026-10-04T00:00:00Z');
    for (let index = 0; index < other; index += 1) {
      const createdAt = new Date(Date.parse('2026-10-04T00:00:00Z') + Math.floor((span * index) / other)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const event = index % 3 === 0 ? 'push' : 'pull_request';
      infraRuns.push({ id: id++, workflowPath: ci, event, displayTitle: `CI #${index}`, createdAt, actor: 'bench', headBranch: event === 'push' ? branch : `feature-${index}`, headSha: sha('infra'), outcome: 'success', queuedSeconds: 1, runningSeconds: 1, effectsApplied: true });
    }
  }
  const record = Array.from({ length: apps }, (_, a) => `${appId(a)}_image_tag = "rel-2026.10.03.10.00.00"`).join('\n');
  return {
    startTime: '2026-11-26T09:00:00Z',
    rateLimit: 1_000_000,
    tokens: [{ token: SYNTHETIC_TOKEN, login: 'bench', scopes: ['repo', 'workflow', ...(withOptions ? ['read:packages'] : [])] }],
    repos: [
      { fullName: MONOREPO, defaultBranch: branch, private: false, commits, tags, releases, workflows: [{ id: id++, name: 'Release', path: '.github/workflows/release.yml', on: { release: ['released'] } }], runs: tagRuns, pulls: [] },
      { fullName: INFRA, defaultBranch: branch, private: true, commits: [{ sha: sha('infra'), message: 'infra', author: 'bench', date: '2026-01-01T00:00:00Z', ...(withOptions ? { files: [{ filename: SYNTHETIC_RECORD }], contents: { [SYNTHETIC_RECORD]: record } } : {}) }], tags: [], releases: [], workflows, runs: infraRuns, pulls: [] },
    ],
    environments: worldEnvironments,
    images,
    failNextRuns: {},
  };
}

export function syntheticProfileDocument(apps: number, environments: number, simulatorUrl: string, options: Pick<SyntheticOptions, 'profileOptions'> = {}): SyntheticProfileDocument {
  const withOptions = options.profileOptions === true;
  return {
    name: `Synthetic ${apps} × ${environments}`,
    github: { apiUrl: simulatorUrl },
    monorepo: MONOREPO,
    infrastructureRepo: INFRA,
    releaseWorkflow: 'release.yml',
    apps: Array.from({ length: apps }, (_, a) => {
      const app = `app${String(a).padStart(3, '0')}`;
      return {
        id: app,
        label: `App ${a}`,
        sourceFolders: [`apps/${app}/`],
        ...(withOptions ? { registry: { org: MONOREPO.split('/')[0] ?? '', package: `openverse-${app}` } } : {}),
        environments: Array.from({ length: environments }, (_, e) => {
          const environment = ENVIRONMENTS[e] ?? `env${e}`;
          const versionUrl = `${simulatorUrl}/live/${app}/${environment}/version`;
          if (withOptions && e === 2) {
            // Like Openverse's catalog: no /version, the infrastructure repository says what runs.
            return { id: environment, label: environment, deploy: { kind: 'manual' as const, tool: 'Terraform', steps: [{ title: 'Bump the tag and apply' }], recordedIn: { repo: INFRA, path: SYNTHETIC_RECORD, pattern: `${app}_image_tag = "([^"]+)"` } } };
          }
          const runTitle = withOptions && e === 0 ? { runTitle: '{commitTitle}' } : {};
          return { id: environment, label: environment, versionUrl, deploy: { kind: 'workflow' as const, repo: INFRA, workflow: `deploy-${environment}-${app}.yml`, tagInput: 'tag', ...runTitle } };
        }),
      };
    }),
  };
}
