import { strict as assert } from 'node:assert';
import { cancelDetail, rerunDetail } from '../../../src/commands/runDetails';
import type { RunTarget } from '../../../src/commands/runTarget';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { DeckFacts, WorkflowRunFact } from '../../../src/domain/facts';
import { openverseProfile } from '../../../src/domain/openverse';
import { findEnvironment } from '../../../src/domain/snapshot';
import { openverseFacts, run } from '../fixtures/openverseFacts';

/** Frontend production with a deployment run (as the release workflow starts it, or by hand) and, maybe, a release run under way. */
function production(deployment: WorkflowRunFact, releaseUnderWay: boolean): RunTarget {
  const facts = openverseFacts();
  const release: WorkflowRunFact = { ...run('release-app.yml', 'frontend-2026.11.26.08.50.00', null, '2026-11-26T08:50:00Z', 'in_progress'), repo: 'WordPress/openverse', event: 'release', headBranch: 'frontend-2026.11.26.08.50.00' };
  const withRuns: DeckFacts = { ...facts, deploymentRuns: [...facts.deploymentRuns, deployment], releaseRuns: releaseUnderWay ? [release] : [] };
  const found = findEnvironment(buildDeck(openverseProfile(), withRuns), 'frontend', 'production');
  assert.ok(found);
  const record = found.environment.runs.find((candidate) => candidate.runId === deployment.id);
  assert.ok(record);
  return { app: found.app, environment: found.environment, record, repo: deployment.repo, workflow: 'deploy-production-frontend.yml', place: 'Frontend production' };
}

describe('the modals of Cancel Run and Re-run Failed Jobs', () => {
  it('a production cancel names what runs now and the target, and that the waiting release run fails without a changelog', () => {
    const deployment = { ...run('deploy-production-frontend.yml', 'Deploy rel-2026.11.26.08.50.00 to production-frontend', null, '2026-11-26T08:52:00Z', 'in_progress'), event: 'repository_dispatch' };
    const detail = cancelDetail(production(deployment, true));
    assert.match(detail, /^App: Frontend\nEnvironment: Production \(production\)\nRuns now: \S+\nTarget: rel-2026\.11\.26\.08\.50\.00\nRun: /);
    assert.doesNotMatch(detail, /Runs now: unknown/);
    assert.match(detail, /The release run "frontend-2026\.11\.26\.08\.50\.00" \(https:\/\/github\.com\/.+\) waits on this deployment: cancelling fails that release run, and no changelog pull request will be opened/);
  });

  it('a production cancel of a deployment started by hand says nothing of a release run', () => {
    const deployment = run('deploy-production-frontend.yml', 'Deploy rel-2026.11.26.08.50.00 to production-frontend', null, '2026-11-26T08:52:00Z', 'in_progress');
    const detail = cancelDetail(production(deployment, true));
    assert.match(detail, /Target: rel-2026\.11\.26\.08\.50\.00/);
    assert.doesNotMatch(detail, /release run|changelog/);
  });

  it('a production re-run names what runs now and the target, and that the release run stays failed, its changelog not written', () => {
    const deployment = { ...run('deploy-production-frontend.yml', 'Deploy rel-2026.11.26.08.50.00 to production-frontend', 'failure', '2026-11-26T08:52:00Z'), event: 'repository_dispatch' };
    const detail = rerunDetail(production(deployment, false));
    assert.match(detail, /^App: Frontend\nEnvironment: Production \(production\)\nRuns now: \S+\nTarget: rel-2026\.11\.26\.08\.50\.00\nRun: .+ — ended in failure/);
    assert.match(detail, /The release run that started it stays failed: .*the changelog is not written/);
  });
});
