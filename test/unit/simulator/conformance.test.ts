import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { DEMO_LOGIN, DEMO_TOKEN, INFRA, MONOREPO, NO_WORKFLOW_SCOPE_TOKEN, openverseWorld } from '../../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../../simulator/server';

/**
 * Every answer the simulator gives is checked against GitHub's official OpenAPI description (the
 * extract in test/simulator/conformance/, taken from @octokit/openapi), so the simulator cannot drift
 * into a dialect of its own that the extension would then be tested against.
 */
interface Subset {
  source: string;
  operations: Array<{ method: string; path: string; status: number; schema?: unknown }>;
  schemas: Record<string, unknown>;
}

const subset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'simulator', 'conformance', 'github-rest-subset.json'), 'utf8')) as Subset;

/** OpenAPI 3.0's `nullable: true` said in JSON Schema, which Ajv validates. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(toJsonSchema);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, property]) => [name, toJsonSchema(property)])) : toJsonSchema(value)]));
  if (nullable !== true) {
    return converted;
  }
  if (typeof converted.type === 'string') {
    // A nullable enum (a job's `conclusion`) takes null too, as GitHub answers while the job runs.
    return { ...converted, type: [converted.type, 'null'], ...(Array.isArray(converted.enum) ? { enum: [...(converted.enum as unknown[]), null] } : {}) };
  }
  return { anyOf: [converted, { type: 'null' }] };
}
subset.schemas = toJsonSchema(subset.schemas) as Record<string, unknown>;
for (const operation of subset.operations) {
  operation.schema = toJsonSchema(operation.schema);
}
// OpenAPI 3.0 keywords (nullable, discriminator, example) are understood or ignored; formats are not checked.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, discriminator: false });

function validatorFor(schema: unknown) {
  return ajv.compile({ ...(schema as object), components: { schemas: subset.schemas } });
}

function check(method: string, path: string, status: number, body: unknown): void {
  const operation = subset.operations.find((candidate) => candidate.method === method && candidate.path === path && candidate.status === status);
  assert.ok(operation, `GitHub documents ${method.toUpperCase()} ${path} answering ${status} (${subset.source})`);
  if (operation.schema === undefined) {
    assert.equal(body, undefined, `${method.toUpperCase()} ${path} ${status} has no body`);
    return;
  }
  const validate = validatorFor(operation.schema);
  assert.ok(validate(body), `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

describe(`the simulator conforms to GitHub's REST description`, () => {
  let simulator: RunningSimulator;
  const call = async (method: string, url: string, body?: unknown, accept = 'application/vnd.github+json', token = DEMO_TOKEN): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${simulator.url}${url}`, {
      method: method.toUpperCase(),
      headers: { authorization: `token ${token}`, accept, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };

  before(async () => {
    simulator = await startSimulator({ world: openverseWorld() });
  });
  after(async () => {
    await simulator.close();
  });

  it('covers every route the extension uses', () => {
    assert.equal(new Set(subset.operations.map((operation) => `${operation.method} ${operation.path}`)).size, 31);
  });

  const releaseId = (): number => openverseWorld().repos[0]!.releases.find((release) => release.draft && release.tagName.startsWith('catalog-'))!.id;
  const cases: Array<[string, string, () => string, unknown?]> = [
    ['get', '/user', () => '/user'],
    ['get', '/repos/{owner}/{repo}', () => `/repos/${MONOREPO}`],
    ['get', '/repos/{owner}/{repo}/releases', () => `/repos/${MONOREPO}/releases?per_page=5`],
    ['get', '/repos/{owner}/{repo}/releases/{release_id}', () => `/repos/${MONOREPO}/releases/${releaseId()}`],
    ['get', '/repos/{owner}/{repo}/releases/tags/{tag}', () => `/repos/${MONOREPO}/releases/tags/api-2026.10.15.09.30.00`],
    ['get', '/repos/{owner}/{repo}/tags', () => `/repos/${MONOREPO}/tags`],
    ['get', '/repos/{owner}/{repo}/git/matching-refs/{ref}', () => `/repos/${MONOREPO}/git/matching-refs/tags/api-`],
    ['get', '/repos/{owner}/{repo}/git/ref/{ref}', () => `/repos/${MONOREPO}/git/ref/heads/main`],
    ['get', '/repos/{owner}/{repo}/commits', () => `/repos/${MONOREPO}/commits?sha=main&per_page=10`],
    ['get', '/repos/{owner}/{repo}/commits/{ref}', () => `/repos/${MONOREPO}/commits/main`],
    ['get', '/repos/{owner}/{repo}/compare/{basehead}', () => `/repos/${MONOREPO}/compare/api-2026.10.01.12.00.00...main`],
    ['get', '/repos/{owner}/{repo}/actions/workflows', () => `/repos/${INFRA}/actions/workflows`],
    ['get', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}', () => `/repos/${INFRA}/actions/workflows/deploy-production-api.yml`],
    ['get', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', () => `/repos/${INFRA}/actions/workflows/deploy-production-api.yml/runs?per_page=5`],
    ['get', '/repos/{owner}/{repo}/actions/runs', () => `/repos/${INFRA}/actions/runs?per_page=5`],
    ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}', () => `/repos/${INFRA}/actions/runs/${openverseWorld().repos[1]!.runs[0]!.id}`],
    ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', () => `/repos/${INFRA}/actions/runs/${openverseWorld().repos[1]!.runs[0]!.id}/jobs`],
    ['get', '/repos/{owner}/{repo}/actions/jobs/{job_id}', () => `/repos/${MONOREPO}/actions/jobs/${openverseWorld().repos[0]!.runs[0]!.id * 100 + 1}`],
    ['get', '/repos/{owner}/{repo}/pulls', () => `/repos/${MONOREPO}/pulls?state=all`],
    ['get', '/repos/{owner}/{repo}/contents/{path}', () => `/repos/${INFRA}/contents/.github%2Fworkflows%2Fdeploy-staging-api.yml?ref=main`],
    ['get', '/orgs/{org}/packages/{package_type}/{package_name}/versions', () => '/orgs/WordPress/packages/container/openverse-api/versions?per_page=100'],
  ];
  for (const [method, path, url] of cases) {
    it(`${method.toUpperCase()} ${path}`, async () => {
      const answer = await call(method, url());
      assert.equal(answer.status, 200);
      check(method, path, 200, answer.body);
    });
  }

  it('GET a release with HTML media types carries body_html and still conforms', async () => {
    const answer = await call('get', `/repos/${MONOREPO}/releases/${releaseId()}`, undefined, 'application/vnd.github.html+json');
    assert.equal(typeof (answer.body as { body_html?: unknown }).body_html, 'string');
    check('get', '/repos/{owner}/{repo}/releases/{release_id}', 200, answer.body);
  });

  it('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', async () => {
    const created = await fetch(`${simulator.url}/_admin/pull`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ repo: INFRA, title: 'Bump', branch: 'bump', contents: { 'environments/prod/airflow.yml': 'image_tag: "rel-2026.11.25.18.00.00"\n' } }) });
    const { number } = (await created.json()) as { number: number };
    const answer = await call('get', `/repos/${INFRA}/pulls/${number}/files`);
    assert.equal(answer.status, 200);
    check('get', '/repos/{owner}/{repo}/pulls/{pull_number}/files', 200, answer.body);
    assert.match((answer.body as Array<{ patch: string }>)[0]?.patch ?? '', /^@@ [\s\S]*\n- {2}image_tag: "rel-2026\.09\.09\.23\.00\.57"\n\+image_tag: "rel-2026\.11\.25\.18\.00\.00"$/);
  });

  it('PATCH /repos/{owner}/{repo}/releases/{release_id} (publishing a draft)', async () => {
    const answer = await call('patch', `/repos/${MONOREPO}/releases/${releaseId()}`, { draft: false });
    assert.equal(answer.status, 200);
    check('patch', '/repos/{owner}/{repo}/releases/{release_id}', 200, answer.body);
  });

  it('POST …/dispatches of a workflow, with and without the run details', async () => {
    const withDetails = await call('post', `/repos/${INFRA}/actions/workflows/deploy-staging-api.yml/dispatches`, { ref: 'main', inputs: { tag: 'rel-2026.10.15.09.30.00' }, return_run_details: true });
    assert.equal(withDetails.status, 200);
    check('post', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', 200, withDetails.body);
    const without = await call('post', `/repos/${INFRA}/actions/workflows/deploy-staging-api.yml/dispatches`, { ref: 'main', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    assert.equal(without.status, 204);
    check('post', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', 204, without.body);
  });

  it('POST /repos/{owner}/{repo}/dispatches (repository_dispatch)', async () => {
    const answer = await call('post', `/repos/${INFRA}/dispatches`, { event_type: 'deploy_staging_api', client_payload: { tag: 'rel-2026.10.15.09.30.00', actor: 'octo-maintainer' } });
    assert.equal(answer.status, 204);
    check('post', '/repos/{owner}/{repo}/dispatches', 204, answer.body);
  });

  it('GET …/actions/runs/{run_id}/jobs of a run in progress, queued steps included', async () => {
    // (deploy-staging-api.yml has runs under way from the tests above: this one would wait in its concurrency group.)
    await call('post', `/repos/${INFRA}/actions/workflows/deploy-production-api.yml/dispatches`, { ref: 'main', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    // Queued 3 s, then "Check the image tag" (4 s) done and "Render the task definition" (2 s) under way.
    simulator.advance(8);
    const runs = await call('get', `/repos/${INFRA}/actions/runs?per_page=1`);
    const id = (runs.body as { workflow_runs: Array<{ id: number }> }).workflow_runs[0]?.id;
    const answer = await call('get', `/repos/${INFRA}/actions/runs/${id}/jobs`);
    assert.equal(answer.status, 200);
    check('get', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', 200, answer.body);
    const job = (answer.body as { jobs: Array<{ status: string; steps: Array<{ status: string }> }> }).jobs[0];
    assert.equal(job?.status, 'in_progress');
    assert.deepEqual(job?.steps.map((step) => step.status), ['completed', 'in_progress', 'queued']);
  });

  it('GET …/actions/jobs/{job_id}/logs answers 302 to another origin, with no body', async () => {
    const job = openverseWorld().repos[1]!.runs[0]!.id * 100 + 1;
    const response = await fetch(`${simulator.url}/repos/${INFRA}/actions/jobs/${job}/logs`, { headers: { authorization: `token ${DEMO_TOKEN}` }, redirect: 'manual' });
    assert.equal(response.status, 302);
    const text = await response.text();
    check('get', '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs', 302, text === '' ? undefined : text);
    assert.notEqual(new URL(response.headers.get('location') ?? '').origin, new URL(simulator.url).origin);
  });

  it('POST …/actions/runs/{run_id}/cancel and …/rerun-failed-jobs, and the 409 of a completed run\'s cancel', async () => {
    await call('post', `/repos/${INFRA}/actions/workflows/deploy-staging-frontend.yml/dispatches`, { ref: 'main', inputs: { tag: 'rel-2026.10.15.09.30.00' } });
    const runs = await call('get', `/repos/${INFRA}/actions/workflows/deploy-staging-frontend.yml/runs?per_page=1`);
    const id = (runs.body as { workflow_runs: Array<{ id: number }> }).workflow_runs[0]?.id;
    const cancelled = await call('post', `/repos/${INFRA}/actions/runs/${id}/cancel`);
    assert.equal(cancelled.status, 202);
    check('post', '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel', 202, cancelled.body);
    const again = await call('post', `/repos/${INFRA}/actions/runs/${id}/cancel`);
    assert.equal(again.status, 409);
    const basic = validatorFor({ $ref: '#/components/schemas/basic-error' });
    assert.ok(basic(again.body), ajv.errorsText(basic.errors));
    const rerun = await call('post', `/repos/${INFRA}/actions/runs/${id}/rerun-failed-jobs`);
    assert.equal(rerun.status, 201);
    check('post', '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs', 201, rerun.body);
  });

  it('a run waiting for review: its jobs, its pending deployments, a review and the refusals (review)', async () => {
    const admin = async (path: string, body: unknown): Promise<unknown> => (await fetch(`${simulator.url}/_admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    await admin('protect-environment', { repo: INFRA, environment: 'production', reviewers: [{ type: 'User', login: DEMO_LOGIN }, { type: 'Team', slug: 'openverse-maintainers', members: ['someone-else'] }] });
    const started = (await admin('dispatch', { repo: INFRA, workflow: 'deploy-production-frontend.yml', actor: 'colleague', inputs: { tag: 'rel-2026.10.10.11.00.00' } })) as { id: number };
    simulator.advance(5);
    const run = await call('get', `/repos/${INFRA}/actions/runs/${started.id}`);
    assert.equal((run.body as { status: string }).status, 'waiting');
    const jobs = await call('get', `/repos/${INFRA}/actions/runs/${started.id}/jobs`);
    check('get', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', 200, jobs.body);
    assert.equal((jobs.body as { jobs: Array<{ status: string }> }).jobs[0]?.status, 'waiting');
    const pending = await call('get', `/repos/${INFRA}/actions/runs/${started.id}/pending_deployments`);
    assert.equal(pending.status, 200);
    check('get', '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', 200, pending.body);
    const [waiting] = pending.body as Array<{ environment: { id: number; name: string }; current_user_can_approve: boolean; reviewers: Array<{ type: string }> }>;
    assert.equal(waiting?.environment.name, 'production');
    assert.equal(waiting?.current_user_can_approve, true);
    assert.deepEqual(waiting?.reviewers.map((reviewer) => reviewer.type), ['User', 'Team']);
    const review = { environment_ids: [waiting?.environment.id], state: 'approved', comment: 'Ship it' };
    const refused = await call('post', `/repos/${INFRA}/actions/runs/${started.id}/pending_deployments`, review, undefined, NO_WORKFLOW_SCOPE_TOKEN);
    assert.equal(refused.status, 403);
    const basic = validatorFor({ $ref: '#/components/schemas/basic-error' });
    assert.ok(basic(refused.body), ajv.errorsText(basic.errors));
    const approved = await call('post', `/repos/${INFRA}/actions/runs/${started.id}/pending_deployments`, review);
    assert.equal(approved.status, 200);
    check('post', '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', 200, approved.body);
    const history = await call('get', `/repos/${INFRA}/actions/runs/${started.id}/approvals`);
    check('get', '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals', 200, history.body);
    assert.deepEqual((history.body as Array<{ state: string; user: { login: string }; comment: string; environments: Array<{ name: string }> }>).map((entry) => [entry.state, entry.user.login, entry.comment, entry.environments.map((environment) => environment.name)]), [['approved', DEMO_LOGIN, 'Ship it', ['production']]]);
    const again = await call('post', `/repos/${INFRA}/actions/runs/${started.id}/pending_deployments`, review);
    assert.equal(again.status, 422);
    const validation = validatorFor({ $ref: '#/components/schemas/validation-error' });
    assert.ok(validation(again.body), ajv.errorsText(validation.errors));
    assert.deepEqual((await call('get', `/repos/${INFRA}/actions/runs/${started.id}/pending_deployments`)).body, []);
  });

  it('errors have GitHub\'s error shapes', async () => {
    const missing = await call('get', `/repos/${MONOREPO}/releases/tags/api-1999.01.01.00.00.00`);
    assert.equal(missing.status, 404);
    const basic = validatorFor({ $ref: '#/components/schemas/basic-error' });
    assert.ok(basic(missing.body), ajv.errorsText(basic.errors));
    const invalid = await call('post', `/repos/${INFRA}/actions/workflows/deploy-staging-api.yml/dispatches`, { ref: 'main', inputs: { image_tag: 'x' } });
    assert.equal(invalid.status, 422);
    const validation = validatorFor({ $ref: '#/components/schemas/validation-error' });
    assert.ok(validation(invalid.body), ajv.errorsText(validation.errors));
  });
});
