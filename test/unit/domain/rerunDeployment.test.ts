import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { findEnvironment } from '../../../src/domain/snapshot';
import { openverseProfile } from '../../../src/domain/openverse';
import { runDuration } from '../../../src/domain/runWords';
import { unrecoveredFailure } from '../../../src/domain/needsYou';
import type { Profile } from '../../../src/domain/profileTypes';
import { openverseFacts } from '../fixtures/openverseFacts';

/**
 * A re-run keeps its run's `created_at`; GitHub's `run_started_at` is "The start time of the latest run. Resets
 * on re-run." and `run_attempt` counts the attempts (the workflow-run schema in the REST API description). An
 * older failed deployment re-run after a newer one is what was deployed last.
 */

/** The Openverse profile with API production reporting no /version: its last successful deployment says what runs. */
function withoutVersionEndpoint(): Profile {
  const profile = openverseProfile();
  return {
    ...profile,
    apps: profile.apps.map((app) => (app.id !== 'api' ? app : {
      ...app,
      environments: app.environments.map((environment) => {
        const copy = { ...environment };
        if (copy.id === 'production') {
          delete copy.versionUrl;
        }
        return copy;
      }),
    })),
  };
}

function factsWithRerun() {
  const facts = openverseFacts();
  // The deployment of rel-2026.10.28 failed on 28 October; on 20 November someone re-ran it, and it succeeded in 5 minutes.
  const deploymentRuns = facts.deploymentRuns.map((run) => (run.displayTitle === 'Deploy rel-2026.10.28.08.00.00 to production-api'
    ? { ...run, conclusion: 'success', runStartedAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:05:00Z', runAttempt: 2 }
    : run));
  return { ...facts, deploymentRuns };
}

describe('a re-run deployment', () => {
  it('is what runs now when it succeeded after a newer deployment (no /version: the last successful deployment decides)', () => {
    const found = findEnvironment(buildDeck(withoutVersionEndpoint(), factsWithRerun()), 'api', 'production');
    assert.ok(found);
    const production = found.environment;
    assert.equal(production.running?.source, 'last deployment');
    assert.equal(production.running?.imageTag, 'rel-2026.10.28.08.00.00');
    assert.equal(production.lastSuccessfulDeployment?.imageTag, 'rel-2026.10.28.08.00.00');
    assert.equal(production.history[0]?.imageTag, 'rel-2026.10.28.08.00.00', 'newest first in the history');
    assert.equal(production.runs[0]?.imageTag, 'rel-2026.10.28.08.00.00', 'newest first among the runs');
  });

  it('took as long as its latest attempt, not since the run was first created', () => {
    const found = findEnvironment(buildDeck(withoutVersionEndpoint(), factsWithRerun()), 'api', 'production');
    const rerun = found?.environment.runs.find((record) => record.imageTag === 'rel-2026.10.28.08.00.00');
    assert.ok(rerun);
    assert.equal(rerun.startedAt, '2026-11-20T10:00:00Z');
    assert.equal(runDuration(rerun), '5 min');
  });

  it('recovers a failure that ended before it: a failed deployment followed by a successful re-run needs nobody', () => {
    const facts = factsWithRerun();
    // The newest deployment (rel-2026.11.02, created 2 November) failed; the re-run of rel-2026.10.28 succeeded on 20 November.
    const deploymentRuns = facts.deploymentRuns.map((run) => (run.displayTitle === 'Deploy rel-2026.11.02.14.05.33 to production-api' ? { ...run, conclusion: 'failure' } : run));
    const found = findEnvironment(buildDeck(withoutVersionEndpoint(), { ...facts, deploymentRuns }), 'api', 'production');
    assert.ok(found);
    assert.equal(found.environment.lastDeployment?.imageTag, 'rel-2026.10.28.08.00.00');
    assert.equal(unrecoveredFailure(found.environment), undefined);
    assert.notEqual(found.environment.state, 'failed');
  });
});
