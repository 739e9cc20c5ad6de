import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { listRunJobs } from '../../../src/github/workflows';
import { DEMO_TOKEN } from '../../simulator/openverseWorld';
import { startFakeServer, type FakeServer } from './fakeServer';
import { rejection } from './helpers';

/** An answer of "List jobs for a workflow run" as GitHub documents it (fields Release Deck reads, and some it does not). */
const ANSWER = {
  total_count: 1,
  jobs: [
    {
      id: 399444496,
      run_id: 29679449,
      run_url: 'https://api.github.com/repos/octo-org/octo-repo/actions/runs/29679449',
      node_id: 'MDEyOldvcmtmbG93IEpvYjM5OTQ0NDQ5Ng==',
      head_sha: 'f83a356604ae3c5d03e1b46ef4d1ca77d64a90b0',
      url: 'https://api.github.com/repos/octo-org/octo-repo/actions/jobs/399444496',
      html_url: 'https://github.com/octo-org/octo-repo/runs/399444496',
      status: 'in_progress',
      conclusion: null,
      started_at: '2020-01-20T17:42:40Z',
      completed_at: null,
      name: 'Release app',
      steps: [
        { name: 'Deploy production application', status: 'in_progress', conclusion: null, number: 6, started_at: '2020-01-20T09:42:41.000-08:00', completed_at: null },
        { name: 'Tag latest with release tag', status: 'completed', conclusion: 'success', number: 5, started_at: '2020-01-20T09:42:40.000-08:00', completed_at: '2020-01-20T09:42:41.000-08:00' },
      ],
      labels: ['ubuntu-latest'],
    },
  ],
};

describe('reading the jobs of a workflow run', () => {
  let server: FakeServer;
  let answer: unknown;
  before(async () => {
    server = await startFakeServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(typeof answer === 'string' ? answer : JSON.stringify(answer));
    });
  });
  after(async () => {
    await server.close();
  });
  const client = (): Promise<GitHubClient> => GitHubClient.create({ apiUrl: server.url, token: DEMO_TOKEN, maxRetries: 0, timeoutMs: 2000 });

  it('reads each job with its steps in order', async () => {
    answer = ANSWER;
    const jobs = await listRunJobs(await client(), 'octo-org/octo-repo', 29679449);
    assert.equal(server.requests.at(-1), 'GET /repos/octo-org/octo-repo/actions/runs/29679449/jobs?per_page=100');
    assert.deepEqual(jobs, [
      {
        id: 399444496,
        name: 'Release app',
        status: 'in_progress',
        conclusion: null,
        startedAt: '2020-01-20T17:42:40Z',
        completedAt: null,
        htmlUrl: 'https://github.com/octo-org/octo-repo/runs/399444496',
        steps: [
          { name: 'Tag latest with release tag', number: 5, status: 'completed', conclusion: 'success', startedAt: '2020-01-20T09:42:40.000-08:00', completedAt: '2020-01-20T09:42:41.000-08:00' },
          { name: 'Deploy production application', number: 6, status: 'in_progress', conclusion: null, startedAt: '2020-01-20T09:42:41.000-08:00' },
        ],
      },
    ]);
  });

  for (const [what, body] of [
    ['no jobs list', { total_count: 0 }],
    ['a step without a name', { total_count: 1, jobs: [{ ...ANSWER.jobs[0], steps: [{ status: 'queued', conclusion: null, number: 1 }] }] }],
    ['a job without an id', { total_count: 1, jobs: [{ ...ANSWER.jobs[0], id: '1' }] }],
    ['an HTML page', '<!DOCTYPE html><html><body>Unicorn!</body></html>'],
  ] as const) {
    it(`says the answer is malformed for ${what}`, async () => {
      answer = body;
      const error = await rejection(listRunJobs(await client(), 'octo-org/octo-repo', 29679449));
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /read the jobs of workflow run 29679449 of octo-org\/octo-repo/);
    });
  }
});
