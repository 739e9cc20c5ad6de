import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { DeckFacts } from '../../../src/domain/facts';
import { openverseProfile } from '../../../src/domain/openverse';
import { deployCandidates } from '../../../src/domain/rollback';
import { findEnvironment } from '../../../src/domain/snapshot';
import { openverseFacts, run, sha } from '../fixtures/openverseFacts';

const PRODUCTION_API = 'deploy-production-api.yml';

/** API production after A (rel-2026.10.15) → B (rel-2026.11.02, found broken) → A again (the roll back). */
function rolledBackOnce(): DeckFacts {
  const facts = openverseFacts();
  return {
    ...facts,
    deploymentRuns: [...facts.deploymentRuns, run(PRODUCTION_API, 'Deploy rel-2026.10.15.09.30.00 to production-api', 'success', '2026-11-20T08:00:00Z')],
    // rel-2026.10.15.09.30.00's git tag names c9.
    versions: { ...facts.versions, 'api/production': { kind: 'answered', release: sha('c9'), environment: 'production' } },
  };
}

function apiProduction(facts: DeckFacts) {
  return apiProductionDeck(facts).environment;
}

function apiProductionDeck(facts: DeckFacts) {
  const found = findEnvironment(buildDeck(openverseProfile(), facts), 'api', 'production');
  assert.ok(found);
  return found;
}

describe('rolling back twice', () => {
  it('does not offer the version that was rolled away from as last known working, but the one that ran before', () => {
    const production = apiProduction(rolledBackOnce());
    assert.equal(production.running?.imageTag, 'rel-2026.10.15.09.30.00');
    assert.ok(production.rollback.ok, production.rollback.ok ? '' : production.rollback.reason);
    assert.equal(production.rollback.imageTag, 'rel-2026.10.01.12.00.00');
  });

  it('marks the rolled-away-from deployment with the day it was replaced by an older release', () => {
    const production = apiProduction(rolledBackOnce());
    const broken = production.history.find((record) => record.imageTag === 'rel-2026.11.02.14.05.33');
    assert.deepEqual(broken?.rolledAwayFrom, { on: '2026-11-20', toImageTag: 'rel-2026.10.15.09.30.00' });
    assert.equal(production.history.filter((record) => record.rolledAwayFrom !== undefined).length, 1, 'only B was rolled away from');
  });

  it('marks every deployment of a version rolled away from in one stretch, a redeploy included', () => {
    const facts = rolledBackOnce();
    const redeploy = run(PRODUCTION_API, 'Deploy rel-2026.11.02.14.05.33 to production-api', 'success', '2026-11-10T10:00:00Z');
    const production = apiProduction({ ...facts, deploymentRuns: [...facts.deploymentRuns, redeploy] });
    assert.deepEqual(
      production.history.filter((record) => record.imageTag === 'rel-2026.11.02.14.05.33').map((record) => record.rolledAwayFrom?.on),
      ['2026-11-20', '2026-11-20'],
    );
    assert.ok(production.rollback.ok);
    assert.equal(production.rollback.imageTag, 'rel-2026.10.01.12.00.00');
  });

  it('offers a version again once it was deployed anew after the roll back', () => {
    const facts = rolledBackOnce();
    const fixed = run(PRODUCTION_API, 'Deploy rel-2026.11.02.14.05.33 to production-api', 'success', '2026-11-22T08:00:00Z');
    const newer = run(PRODUCTION_API, 'Deploy rel-2026.11.25.10.00.00 to production-api', 'success', '2026-11-25T11:00:00Z');
    const production = apiProduction({ ...facts, deploymentRuns: [...facts.deploymentRuns, fixed, newer], versions: { ...facts.versions, 'api/production': { kind: 'answered', release: 'rel-2026.11.25.10.00.00', environment: 'production' } } });
    assert.ok(production.rollback.ok);
    assert.equal(production.rollback.imageTag, 'rel-2026.11.02.14.05.33');
    assert.equal(production.rollback.deployment.rolledAwayFrom, undefined);
  });

  it('says why there is no target when the only earlier version was rolled away from', () => {
    const facts = openverseFacts();
    const runs = [
      run(PRODUCTION_API, 'Deploy rel-2026.10.15.09.30.00 to production-api', 'success', '2026-10-15T10:00:00Z'),
      run(PRODUCTION_API, 'Deploy rel-2026.11.02.14.05.33 to production-api', 'success', '2026-11-02T15:00:00Z'),
      run(PRODUCTION_API, 'Deploy rel-2026.10.15.09.30.00 to production-api', 'success', '2026-11-20T08:00:00Z'),
    ];
    const others = facts.deploymentRuns.filter((candidate) => !candidate.workflowPath.endsWith(PRODUCTION_API));
    const production = apiProduction({ ...facts, deploymentRuns: [...others, ...runs], versions: { ...facts.versions, 'api/production': { kind: 'answered', release: sha('c9'), environment: 'production' } } });
    assert.equal(production.rollback.ok, false);
    if (!production.rollback.ok) {
      assert.match(production.rollback.reason, /rel-2026\.11\.02\.14\.05\.33 was rolled away from on 2026-11-20/);
    }
  });

  it('says the order is unknown, rather than guess, when commit image tags cannot be ordered', () => {
    const facts = openverseFacts();
    const unknownA = 'a'.repeat(40);
    const unknownB = 'b'.repeat(40);
    const runs = [
      run(PRODUCTION_API, 'Deploy rel-2026.10.15.09.30.00 to production-api', 'success', '2026-10-15T10:00:00Z'),
      run(PRODUCTION_API, `Deploy ${unknownA} to production-api`, 'success', '2026-11-02T15:00:00Z'),
      run(PRODUCTION_API, `Deploy ${unknownB} to production-api`, 'success', '2026-11-20T08:00:00Z'),
    ];
    const others = facts.deploymentRuns.filter((candidate) => !candidate.workflowPath.endsWith(PRODUCTION_API));
    const production = apiProduction({ ...facts, deploymentRuns: [...others, ...runs], versions: { ...facts.versions, 'api/production': { kind: 'answered', release: unknownB, environment: 'production' } } });
    const middle = production.history.find((record) => record.imageTag === unknownA);
    assert.equal(middle?.rolledAwayFrom, undefined, 'no guess that it was rolled away from');
    assert.match(middle?.rollbackOrderUnknown ?? '', /unknown/);
    assert.ok(production.rollback.ok);
    assert.equal(production.rollback.imageTag, unknownA);
  });

  it('orders commit image tags by their place on main when both are recent commits', () => {
    const facts = openverseFacts();
    const runs = [
      run(PRODUCTION_API, `Deploy ${sha('c9')} to production-api`, 'success', '2026-10-15T10:00:00Z'),
      run(PRODUCTION_API, `Deploy ${sha('c14')} to production-api`, 'success', '2026-11-02T15:00:00Z'),
      run(PRODUCTION_API, `Deploy ${sha('c9')} to production-api`, 'success', '2026-11-20T08:00:00Z'),
    ];
    const others = facts.deploymentRuns.filter((candidate) => !candidate.workflowPath.endsWith(PRODUCTION_API));
    const production = apiProduction({ ...facts, deploymentRuns: [...others, ...runs], versions: { ...facts.versions, 'api/production': { kind: 'answered', release: sha('c9'), environment: 'production' } } });
    assert.equal(production.history.find((record) => record.imageTag === sha('c14'))?.rolledAwayFrom?.on, '2026-11-20');
  });

  it('says so in Deploy…\'s candidates too', () => {
    const { app, environment } = apiProductionDeck(rolledBackOnce());
    const broken = deployCandidates({ ...app, releases: [] }, environment, []).find((candidate) => candidate.imageTag === 'rel-2026.11.02.14.05.33');
    assert.match(broken?.detail ?? '', /· rolled away from on 2026-11-20$/);
  });
});
