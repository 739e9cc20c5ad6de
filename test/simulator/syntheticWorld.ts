import { createHash } from 'node:crypto';
import type { World, WorldCommit, WorldRelease, WorldRun, WorldWorkflow } from './world';

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

export interface SyntheticProfileDocument {
  name: string;
  github: { apiUrl: string };
  monorepo: string;
  infrastructureRepo: string;
  releaseWorkflow: string;
  apps: Array<{ id: string; label: string; sourceFolders: string[]; environments: Array<{ id: string; label: string; versionUrl: string; deploy: { kind: 'workflow'; repo: string; workflow: string; tagInput: string } }> }>;
}

export interface SyntheticOptions {
  /**
   * Runs of other workflows (CI on push and pull_request) per deployment run, all newer than the
   * deployments: a busy repository, where a monorepo's CI runs hundreds of times a day.
   */
  readonly otherRunsPerDeployment?: number;
  /** Both repositories' default branch (GitHub's `default_branch`), `main` unless given. */
  readonly defaultBranch?: string;
}

export function syntheticWorld(apps: number, environments: number, options: SyntheticOptions = {}): World {
  const branch = options.defaultBranch ?? 'main';
  const commits: WorldCommit[] = Array.from({ length: 120 }, (_, index) => ({ sha: sha(`c${index}`), message: `Change ${index}`, author: 'bench', date: new Date(Date.UTC(2026, 9, 1) + index * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z') }));
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
        infraRuns.push({ id: id++, workflowPath: path, event: 'workflow_dispatch', displayTitle: `Deploy rel-${date} to ${environment}-${app}`, createdAt: `2026-10-0${2 + index}T12:00:00Z`, actor: 'bench', headBranch: branch, headSha: sha('infra'), outcome: 'success', queuedSeconds: 1, runningSeconds: 1, effectsApplied: true });
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
  return {
    startTime: '2026-11-26T09:00:00Z',
    rateLimit: 1_000_000,
    tokens: [{ token: SYNTHETIC_TOKEN, login: 'bench', scopes: ['repo', 'workflow'] }],
    repos: [
      { fullName: MONOREPO, defaultBranch: branch, private: false, commits, tags, releases, workflows: [{ id: id++, name: 'Release', path: '.github/workflows/release.yml', on: { release: ['released'] } }], runs: tagRuns, pulls: [] },
      { fullName: INFRA, defaultBranch: branch, private: true, commits: [{ sha: sha('infra'), message: 'infra', author: 'bench', date: '2026-01-01T00:00:00Z' }], tags: [], releases: [], workflows, runs: infraRuns, pulls: [] },
    ],
    environments: worldEnvironments,
    images,
    failNextRuns: {},
  };
}

export function syntheticProfileDocument(apps: number, environments: number, simulatorUrl: string): SyntheticProfileDocument {
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
        environments: Array.from({ length: environments }, (_, e) => {
          const environment = ENVIRONMENTS[e] ?? `env${e}`;
          return { id: environment, label: environment, versionUrl: `${simulatorUrl}/live/${app}/${environment}/version`, deploy: { kind: 'workflow' as const, repo: INFRA, workflow: `deploy-${environment}-${app}.yml`, tagInput: 'tag' } };
        }),
      };
    }),
  };
}
