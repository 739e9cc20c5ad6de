import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { DEFAULT_IMAGE_SCHEME } from '../../../src/domain/tagScheme';
import { followReleaseChain } from '../../../src/operations/followRelease';
import { DEMO_TOKEN } from '../../simulator/openverseWorld';
import { startFakeServer, type FakeServer } from '../github/fakeServer';
import { GERMAN } from '../l10n/german';

/**
 * The release run's story told tick by tick (one tick per poll), as GitHub's API would show it: queued
 * behind another release's run, then tagging, deploying (the deployment run appears while the release
 * run is in progress), writing the changelog, done.
 */
const STEPS = ['Set up job', 'Tag latest with release tag', 'Deploy production application', 'Add new changelog file to documentation', 'Open changelog PR'];

function run(id: number, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    path: '.github/workflows/release.yml',
    display_title: 'release',
    event: 'release',
    status: 'queued',
    conclusion: null,
    created_at: '2026-11-25T18:10:00Z',
    updated_at: '2026-11-25T18:10:00Z',
    actor: { login: 'maintainer' },
    html_url: `https://github.com/o/m/actions/runs/${id}`,
    head_branch: 'frontend-2026.11.25.18.00.00',
    head_sha: 'a'.repeat(40),
    ...fields,
  };
}

/** Steps before `current` succeeded, `current` is in progress, the rest queued (all succeeded when current = length). */
function jobs(current: number): Record<string, unknown> {
  const steps = STEPS.map((name, index) => ({ name, number: index + 1, status: index < current ? 'completed' : index === current ? 'in_progress' : 'queued', conclusion: index < current ? 'success' : null }));
  return { total_count: 1, jobs: [{ id: 9, name: 'Release app', status: current < STEPS.length ? 'in_progress' : 'completed', conclusion: current < STEPS.length ? null : 'success', started_at: '2026-11-25T18:11:00Z', completed_at: null, html_url: null, steps }] };
}

describe('following the release run a publish started', () => {
  let server: FakeServer;
  let tick = 0;
  /** [release run status, step in progress, deployment run status] per tick. */
  const story: Array<[string, number, string | undefined]> = [
    ['queued', -1, undefined],
    ['queued', -1, undefined],
    ['in_progress', 1, undefined],
    ['in_progress', 2, 'in_progress'],
    ['in_progress', 2, 'in_progress'],
    ['in_progress', 3, 'success'],
    ['completed', 5, 'success'],
  ];
  const now = (): [string, number, string | undefined] => story[Math.min(tick, story.length - 1)] ?? ['queued', -1, undefined];

  before(async () => {
    server = await startFakeServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const [status, current, deployment] = now();
      const ours = run(2, { status, conclusion: status === 'completed' ? 'success' : null, created_at: '2026-11-25T18:12:00Z', head_branch: 'frontend-2026.11.25.18.00.00' });
      const other = run(1, { status: tick < 2 ? 'in_progress' : 'completed', conclusion: tick < 2 ? null : 'success', head_branch: 'api-2026.11.25.18.00.00' });
      const deployRun = deployment !== undefined ? { ...run(3, { path: '.github/workflows/deploy.yml', display_title: 'Deploy rel-2026.11.25.18.00.00 to production-frontend', event: 'repository_dispatch', status: deployment === 'success' ? 'completed' : deployment, conclusion: deployment === 'success' ? 'success' : null, head_branch: 'main' }) } : undefined;
      const routes: Record<string, unknown> = {
        '/repos/o/m/actions/workflows/release.yml/runs': { total_count: 2, workflow_runs: [ours, other] },
        '/repos/o/m/actions/runs/2': ours,
        '/repos/o/m/actions/runs/2/jobs': current < 0 ? { total_count: 0, jobs: [] } : jobs(current),
        '/repos/o/infra/actions/workflows/deploy.yml/runs': { total_count: deployRun !== undefined ? 1 : 0, workflow_runs: deployRun !== undefined ? [deployRun] : [] },
        '/repos/o/infra/actions/runs/3': deployRun,
      };
      const body = routes[url.pathname];
      response.writeHead(body !== undefined ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body ?? { message: 'Not Found' }));
    });
  });
  after(async () => {
    await server.close();
  });

  it('says which release it waits for, then each phase, and follows the deployment run while the release run is in progress', async () => {
    const client = await GitHubClient.create({ apiUrl: server.url, token: DEMO_TOKEN, maxRetries: 0, timeoutMs: 2000 });
    const said: string[] = [];
    const followed = await followReleaseChain(
      client,
      { monorepo: 'o/m', releaseWorkflow: 'release.yml', since: new Date('2026-11-25T18:12:00Z'), words: { gitTag: 'frontend-2026.11.25.18.00.00', imageTag: 'rel-2026.11.25.18.00.00', place: 'Frontend production' }, deploy: { repo: 'o/infra', workflow: 'deploy.yml', scheme: DEFAULT_IMAGE_SCHEME } },
      (step) => said.push(step),
      { sleep: () => { tick += 1; return Promise.resolve(); } },
    );
    assert.deepEqual(said, [
      "Release workflow: queued: waiting for api-2026.11.25.18.00.00's release run to finish (one release at a time)",
      'Release workflow: tagging the image rel-2026.11.25.18.00.00',
      'Release workflow: deploying rel-2026.11.25.18.00.00 to Frontend production (its deployment run is in progress)',
      'Release workflow: writing the changelog (its deployment run succeeded)',
      'Release workflow: done',
    ]);
    assert.equal(followed.kind, 'finished');
    assert.equal(followed.kind === 'finished' ? followed.deployRun?.id : undefined, 3);
    assert.equal(followed.kind === 'finished' ? followed.sawWaiting : undefined, true);
    assert.ok(server.requests.some((request) => request.startsWith('GET /repos/o/infra/actions/runs/3')), 'the deployment run itself was followed');
  });

  it('says each phase in the language of the person who publishes (German)', async () => {
    tick = 0;
    const client = await GitHubClient.create({ apiUrl: server.url, token: DEMO_TOKEN, maxRetries: 0, timeoutMs: 2000 });
    const said: string[] = [];
    await followReleaseChain(
      client,
      { monorepo: 'o/m', releaseWorkflow: 'release.yml', since: new Date('2026-11-25T18:12:00Z'), words: { gitTag: 'frontend-2026.11.25.18.00.00', imageTag: 'rel-2026.11.25.18.00.00', place: 'Frontend production' }, deploy: { repo: 'o/infra', workflow: 'deploy.yml', scheme: DEFAULT_IMAGE_SCHEME }, language: GERMAN },
      (step) => said.push(step),
      { sleep: () => { tick += 1; return Promise.resolve(); } },
    );
    assert.deepEqual(said, [
      'Release-Workflow: in der Warteschlange: wartet, bis die Release-Ausführung von api-2026.11.25.18.00.00 endet (ein Release nach dem anderen)',
      'Release-Workflow: das Image erhält das Tag rel-2026.11.25.18.00.00',
      'Release-Workflow: rel-2026.11.25.18.00.00 wird auf Frontend production bereitgestellt (seine Bereitstellungsausführung: in Arbeit)',
      'Release-Workflow: das Changelog wird geschrieben (seine Bereitstellungsausführung war erfolgreich)',
      'Release-Workflow: fertig',
    ]);
  });
});
