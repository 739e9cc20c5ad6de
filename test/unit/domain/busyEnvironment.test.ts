import { strict as assert } from 'node:assert';
import { activeRunAmong, busyMessage } from '../../../src/domain/busyEnvironment';
import type { WorkflowRunFact } from '../../../src/domain/facts';
import { dateTime } from '../../../src/domain/words';

const RUN: WorkflowRunFact = {
  id: 7,
  repo: 'WordPress/openverse-infrastructure',
  workflowPath: '.github/workflows/deploy-production-api.yml',
  displayTitle: 'Deploy rel-2026.10.28.08.00.00 to production-api',
  event: 'workflow_dispatch',
  status: 'in_progress',
  conclusion: null,
  createdAt: '2026-10-28T09:00:00Z',
  runStartedAt: '2026-11-26T08:54:00Z',
  runAttempt: 2,
  updatedAt: '2026-11-26T08:55:00Z',
  actor: 'colleague',
  htmlUrl: 'https://github.com/WordPress/openverse-infrastructure/actions/runs/7',
  headBranch: 'main',
  headSha: 'acb5820ced9479c074f688cc328bf03f341a511d',
};

describe('an environment busy with a re-run deployment', () => {
  it('says when the re-run started, not when its run was first created (run_started_at)', () => {
    const active = activeRunAmong([RUN]);
    assert.ok(active);
    assert.ok(busyMessage('API production', 'deploy', active).includes(`is in progress on GitHub, started by colleague at ${dateTime('2026-11-26T08:54:00Z')}. `), 'the re-run\'s start, as the person reads dates');
  });

  it('names the run whose attempt started first when two are unfinished: a re-run queues behind a run started before it', () => {
    const running = { ...RUN, id: 8, displayTitle: 'Deploy rel-2026.11.02.14.05.33 to production-api', createdAt: '2026-11-26T08:50:00Z', runStartedAt: '2026-11-26T08:50:00Z', runAttempt: 1 };
    assert.equal(activeRunAmong([{ ...RUN, status: 'queued' }, running])?.title, 'Deploy rel-2026.11.02.14.05.33 to production-api');
  });
});
