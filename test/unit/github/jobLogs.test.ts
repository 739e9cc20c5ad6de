import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { GitHubError } from '../../../src/github/errors';
import { downloadLogTail, jobLogUrl, LogDownloadError } from '../../../src/github/jobLogs';
import { cancelWorkflowRun, rerunFailedJobs } from '../../../src/github/runControl';
import { getRun, listRunJobs } from '../../../src/github/workflows';
import { DEMO_TOKEN, INFRA } from '../../simulator/openverseWorld';
import { startFakeServer } from './fakeServer';
import { startHarness, type Harness } from './helpers';

interface Downloads {
  downloads: Array<{ path: string; authorization: boolean }>;
}

/** The production frontend deployment of the world's history that failed (its release run failed with it). */
function failedRunId(harness: Harness): number {
  const run = harness.simulator.world.repos[1]?.runs.filter((candidate) => candidate.workflowPath.endsWith('deploy-production-frontend.yml') && candidate.outcome === 'failure').at(-1);
  assert.ok(run);
  return run.id;
}

describe('the failure log of a job, from GitHub and its log host', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });
  const admin = async (body?: unknown): Promise<Downloads> => {
    const response = await fetch(`${harness.simulator.url}/_admin/job-logs`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as Downloads;
  };

  it('reads the failed step\'s log tail from the other host, and the token never reaches it', async () => {
    const jobs = await listRunJobs(harness.client, INFRA, failedRunId(harness));
    const job = jobs[0];
    assert.ok(job);
    const url = await jobLogUrl(harness.client, INFRA, job.id);
    assert.notEqual(new URL(url).origin, new URL(harness.simulator.url).origin);
    const tail = await downloadLogTail(url);
    assert.equal(tail.lines.at(-2), 'Error: Process completed with exit code 1.');
    assert.match(tail.lines.join('\n'), /Error: Resource is not in the state servicesStable/);
    assert.ok(tail.lines.every((line) => !line.includes('\u001b') && !/^\d{4}-\d{2}-\d{2}T/.test(line)));
    const { downloads } = await admin();
    assert.equal(downloads.length, 1);
    assert.equal(downloads[0]?.authorization, false, 'no Authorization header reached the log host');
  });

  it('keeps only the tail of a huge log (8 MB)', async () => {
    await admin({ hugeMegabytes: 8 });
    const job = (await listRunJobs(harness.client, INFRA, failedRunId(harness)))[0];
    assert.ok(job);
    const tail = await downloadLogTail(await jobLogUrl(harness.client, INFRA, job.id));
    assert.equal(tail.lines.length, 200);
    assert.ok(tail.totalLines > 70_000, `${tail.totalLines} lines (8 MB)`);
    assert.match(tail.lines.join('\n'), /Error: Resource is not in the state servicesStable/);
  });

  it('a log past its retention: 410 from GitHub, as a typed error with its status', async () => {
    await admin({ retentionDays: 1 });
    const job = (await listRunJobs(harness.client, INFRA, failedRunId(harness)))[0];
    assert.ok(job);
    const [result] = await Promise.allSettled([jobLogUrl(harness.client, INFRA, job.id)]);
    assert.equal(result.status, 'rejected');
    assert.ok(result.reason instanceof GitHubError);
    assert.equal(result.reason.status, 410);
  });

  it('a signed link the log host refuses (expired on the way) is said so', async () => {
    const job = (await listRunJobs(harness.client, INFRA, failedRunId(harness)))[0];
    assert.ok(job);
    const url = await jobLogUrl(harness.client, INFRA, job.id);
    harness.simulator.advance(61);
    const [result] = await Promise.allSettled([downloadLogTail(url)]);
    assert.equal(result.status, 'rejected');
    assert.ok(result.reason instanceof LogDownloadError);
    assert.match(result.reason.message, /refused the signed link \(403\).*expired/);
  });

  it('a log host that cannot be reached: the message names the host and the error code, never the signed URL', async () => {
    const [result] = await Promise.allSettled([downloadLogTail('https://127.0.0.1:1/logs/job.txt?sig=SECRET&se=2026')]);
    assert.equal(result.status, 'rejected');
    assert.ok(result.reason instanceof LogDownloadError);
    assert.match(result.reason.message, /127\.0\.0\.1/);
    assert.match(result.reason.message, /ECONNREFUSED/);
    assert.ok(!result.reason.message.includes('SECRET'), result.reason.message);
    assert.ok(!result.reason.message.includes('/logs/job.txt'), result.reason.message);
  });

  it('a plain-http log address on another host is refused, before any request', async () => {
    const [direct] = await Promise.allSettled([downloadLogTail('http://example.com/logs/job.txt?sig=SECRET')]);
    assert.equal(direct.status, 'rejected');
    assert.ok(direct.reason instanceof LogDownloadError);
    assert.match(direct.reason.message, /https/);
    assert.ok(!direct.reason.message.includes('SECRET'));
    const github = await startFakeServer((_request, response) => {
      response.writeHead(302, { location: 'http://example.com/logs/job.txt?sig=SECRET' }).end();
    });
    try {
      const client = await GitHubClient.create({ apiUrl: github.url, token: DEMO_TOKEN, timeoutMs: 2000 });
      const [result] = await Promise.allSettled([jobLogUrl(client, INFRA, 1)]);
      assert.equal(result.status, 'rejected');
      assert.ok(result.reason instanceof LogDownloadError);
      assert.match(result.reason.message, /https/);
      assert.ok(!result.reason.message.includes('SECRET'));
    } finally {
      await github.close();
    }
  });

  it('a log host that redirects elsewhere is not followed, and no token is sent anywhere', async () => {
    const seen: Array<string | undefined> = [];
    const other = await startFakeServer((request, response) => {
      seen.push(request.headers.authorization);
      response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
    });
    try {
      const [result] = await Promise.allSettled([downloadLogTail(`${other.url}/signed`)]);
      assert.equal(result.status, 'rejected');
      assert.deepEqual(seen, [undefined]);
      assert.ok(!JSON.stringify(seen).includes(DEMO_TOKEN));
    } finally {
      await other.close();
    }
  });
});

describe('cancel and re-run of a workflow run, against the simulator', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.simulator.close();
  });

  it('re-runs the failed jobs: run_attempt + 1, the run queued again, then its steps run again', async () => {
    const id = failedRunId(harness);
    await rerunFailedJobs(harness.client, INFRA, id);
    const run = await getRun(harness.client, INFRA, id);
    assert.equal(run.status, 'queued');
    const raw = (await harness.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { owner: 'WordPress', repo: 'openverse-infrastructure', run_id: id }, { action: 'read' })).data as { run_attempt: number };
    assert.equal(raw.run_attempt, 2);
    harness.simulator.advance(60);
    assert.equal((await getRun(harness.client, INFRA, id)).conclusion, 'success');
    const [again] = await Promise.allSettled([rerunFailedJobs(harness.client, INFRA, id)]);
    assert.equal(again.status, 'rejected');
    assert.equal((again.reason as GitHubError).status, 403, 'nothing failed: it cannot be retried');
  });

  it('cancels a run under way; a completed run answers 409', async () => {
    await harness.client.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { owner: 'WordPress', repo: 'openverse-infrastructure', workflow_id: 'deploy-staging-api.yml', ref: 'main', inputs: { tag: 'latest' } }, { action: 'dispatch' });
    const runs = (await harness.client.request('GET /repos/{owner}/{repo}/actions/runs', { owner: 'WordPress', repo: 'openverse-infrastructure', per_page: 1 }, { action: 'list' })).data as { workflow_runs: Array<{ id: number }> };
    const id = runs.workflow_runs[0]?.id ?? 0;
    await cancelWorkflowRun(harness.client, INFRA, id);
    const run = await getRun(harness.client, INFRA, id);
    assert.deepEqual([run.status, run.conclusion], ['completed', 'cancelled']);
    const [again] = await Promise.allSettled([cancelWorkflowRun(harness.client, INFRA, id)]);
    assert.equal(again.status, 'rejected');
    assert.equal((again.reason as GitHubError).status, 409);
    const [running] = await Promise.allSettled([rerunFailedJobs(harness.client, INFRA, id)]);
    assert.equal(running.status, 'fulfilled', 'a cancelled run\'s jobs can be re-run');
  });
});
