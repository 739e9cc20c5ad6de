import { strict as assert } from 'node:assert';
import { parseRun } from '../../../src/github/workflows';
import { attemptStartedAt } from '../../../src/domain/facts';

/** A workflow run as "Get a workflow run" answers it after "Re-run failed jobs" (fields Release Deck reads, and some it does not). */
const RERUN = {
  id: 30433642,
  name: 'Deployment - production-api',
  path: '.github/workflows/deploy-production-api.yml',
  display_title: 'Deploy rel-2026.10.28.08.00.00 to production-api',
  event: 'workflow_dispatch',
  status: 'completed',
  conclusion: 'success',
  created_at: '2026-10-28T09:00:00Z',
  updated_at: '2026-11-20T10:05:00Z',
  run_started_at: '2026-11-20T10:00:00Z',
  run_attempt: 2,
  previous_attempt_url: 'https://api.github.com/repos/o/r/actions/runs/30433642/attempts/1',
  actor: { login: 'zackkrida' },
  html_url: 'https://github.com/o/r/actions/runs/30433642',
  head_branch: 'main',
  head_sha: 'acb5820ced9479c074f688cc328bf03f341a511d',
};

describe('reading a workflow run', () => {
  it('keeps when the run was created apart from when its latest attempt started, and which attempt it is', () => {
    const run = parseRun(RERUN, 'o/r');
    assert.equal(run.createdAt, '2026-10-28T09:00:00Z');
    assert.equal(run.runStartedAt, '2026-11-20T10:00:00Z');
    assert.equal(run.runAttempt, 2);
    assert.equal(attemptStartedAt(run), '2026-11-20T10:00:00Z');
  });

  it('takes the creation as the attempt\'s start when GitHub does not say (a server without run_started_at)', () => {
    const older: Partial<typeof RERUN> = { ...RERUN };
    delete older.run_started_at;
    delete older.run_attempt;
    const run = parseRun(older, 'o/r');
    assert.equal(run.runStartedAt, undefined);
    assert.equal(run.runAttempt, undefined);
    assert.equal(attemptStartedAt(run), '2026-10-28T09:00:00Z');
  });
});
