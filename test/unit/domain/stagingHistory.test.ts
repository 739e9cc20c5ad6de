import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { DeckFacts } from '../../../src/domain/facts';
import { openverseProfile } from '../../../src/domain/openverse';
import { deployCandidates } from '../../../src/domain/rollback';
import { findEnvironment } from '../../../src/domain/snapshot';
import { mainCommits, openverseFacts, run, sha } from '../fixtures/openverseFacts';

/** The API's commits: the even-numbered commits of main changed api/ (the others, other apps). */
function withApiCommits(facts: DeckFacts): DeckFacts {
  const api = mainCommits.filter((commit) => [20, 18, 16, 14, 12].some((number) => commit.sha === sha(`c${number}`)));
  return { ...facts, appCommits: { api: { known: true, commits: api }, frontend: { known: true, commits: mainCommits } } };
}

describe('staging history from commit-message titles', () => {
  it('reads the deployed commit of each staging run from its title, so history and roll back work', () => {
    const facts = withApiCommits(openverseFacts());
    const deploymentRuns = [
      ...facts.deploymentRuns.filter((candidate) => !candidate.workflowPath.endsWith('deploy-staging-api.yml')),
      run('deploy-staging-api.yml', 'Commit number 16 (#4016)', 'success', '2026-10-16T12:10:00Z'),
      run('deploy-staging-api.yml', 'Commit number 18 (#4018)', 'success', '2026-10-18T12:10:00Z'),
    ];
    const staging = findEnvironment(buildDeck(openverseProfile(), { ...facts, deploymentRuns }), 'api', 'staging')?.environment;
    assert.deepEqual(staging?.history.map((record) => record.imageTag), [sha('c18'), sha('c16')]);
    assert.equal(staging?.running?.imageTag, sha('c18'));
    assert.ok(staging?.rollback.ok, 'a last known working version to roll back to');
    assert.equal(staging?.rollback.ok && staging.rollback.imageTag, sha('c16'));
  });

  it('names no commit, and says why, when two commits of the app share the title', () => {
    const facts = withApiCommits(openverseFacts());
    const twin = { ...mainCommits[0]!, sha: sha('c18-twin'), message: 'Commit number 18 (#4018)', date: new Date(Date.UTC(2026, 9, 17, 12)).toISOString() };
    const appCommits = { ...facts.appCommits, api: { known: true as const, commits: [twin, ...mainCommits] } };
    const staging = findEnvironment(buildDeck(openverseProfile(), { ...facts, appCommits }), 'api', 'staging')?.environment;
    const record = staging?.history[0];
    assert.equal(record?.imageTag, undefined);
    assert.match(record?.tagUnknown ?? '', /2 recent commits that changed the app have the first line "Commit number 18 \(#4018\)"/);
  });

  it('offers for staging only the commits that changed the app', () => {
    const snapshot = buildDeck(openverseProfile(), withApiCommits(openverseFacts()));
    const found = findEnvironment(snapshot, 'api', 'staging');
    assert.ok(found);
    assert.ok(found.app.changedCommits?.known);
    const offered = deployCandidates(found.app, found.environment, found.app.changedCommits.commits).map((candidate) => candidate.imageTag).filter((tag) => !tag.startsWith('rel-'));
    assert.deepEqual(offered, [18, 20, 16, 14, 12].map((number) => sha(`c${number}`)), 'the deployed c18 first (history), then the API commits; no commit of another app');
  });
});
