import { strict as assert } from 'node:assert';
import { activeRunAmong, busyMessage, newerDeploymentThan, supersededMessage } from '../../../src/domain/busyEnvironment';
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

describe('a failed deployment run re-run after a newer deployment', () => {
  const failed: WorkflowRunFact = { ...RUN, id: 5, displayTitle: 'Deploy rel-A to production-api', status: 'completed', conclusion: 'failure', createdAt: '2026-11-26T08:00:00Z', runStartedAt: '2026-11-26T08:00:00Z', runAttempt: 1 };
  const newer: WorkflowRunFact = { ...RUN, id: 6, displayTitle: 'Deploy rel-B to production-api', status: 'completed', conclusion: 'success', createdAt: '2026-11-26T08:30:00Z', runStartedAt: '2026-11-26T08:30:00Z', runAttempt: 1 };

  it('finds the deployment that came after the failed run (its re-run would deploy the older tag over it)', () => {
    assert.equal(newerDeploymentThan([newer, failed], 5)?.id, 6);
    assert.equal(newerDeploymentThan([failed], 5), undefined, 'the failed run is the newest: nothing came after it');
    assert.equal(newerDeploymentThan([], 5), undefined);
    assert.equal(newerDeploymentThan([newer], 5)?.id, 6, 'a failed run missing from the newest runs is older than all of them');
  });

  it('orders by the latest attempt: a failed run re-run after the newer one (and failed again) is the newest', () => {
    const rerun = { ...failed, runStartedAt: '2026-11-26T09:00:00Z', runAttempt: 2 };
    assert.equal(newerDeploymentThan([newer, rerun], 5), undefined);
  });

  it('says nothing was sent, what it would have done, and to use Roll Back or Deploy instead', () => {
    const said = supersededMessage('API production', { title: 'Deploy rel-A to production-api', imageTag: 'rel-A' }, newer);
    assert.equal(
      said,
      `A newer deployment run of API production came after "Deploy rel-A to production-api": "Deploy rel-B to production-api" (success, started ${dateTime('2026-11-26T08:30:00Z')}). Nothing was sent: re-running the failed jobs of "Deploy rel-A to production-api" would deploy rel-A over it. To put rel-A on API production again, use Roll Back or Deploy… from the deck: they show what changes first.`,
    );
  });
});
