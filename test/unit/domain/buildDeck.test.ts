import { strict as assert } from 'node:assert';
import { buildDeck, countChanges } from '../../../src/domain/buildDeck';
import { findEnvironment, productionOf, type DeckSnapshot } from '../../../src/domain/snapshot';
import type { DeckFacts } from '../../../src/domain/facts';
import { openverseProfile } from '../../../src/domain/openverse';
import { deployCandidates } from '../../../src/domain/rollback';
import { API_DRAFT_BODY, mainCommits, openverseFacts, run, sha } from '../fixtures/openverseFacts';

function deckOf(facts: DeckFacts = openverseFacts()): DeckSnapshot {
  return buildDeck(openverseProfile(), facts);
}

function environment(snapshot: DeckSnapshot, appId: string, environmentId: string) {
  const found = findEnvironment(snapshot, appId, environmentId);
  assert.ok(found, `${appId}/${environmentId} is on the deck`);
  return found;
}

describe('deck', () => {
  it('maps a /version SHA to the published release whose git tag names it', () => {
    const { environment: production } = environment(deckOf(), 'api', 'production');
    assert.equal(production.state, 'inSync');
    assert.equal(production.running?.sha, sha('c14'));
    assert.equal(production.running?.release?.gitTag, 'api-2026.11.02.14.05.33');
    assert.equal(production.running?.imageTag, 'rel-2026.11.02.14.05.33');
    assert.equal(production.running?.commitTitle, 'Commit number 14 (#4014)');
    assert.match(production.stateDetail, /newest published release/);
  });

  it('shows staging ahead of production by its commits', () => {
    const { environment: staging } = environment(deckOf(), 'api', 'staging');
    assert.equal(staging.state, 'inSync');
    assert.equal(staging.aheadBy, 4);
    assert.equal(staging.running?.release, undefined);
    assert.equal(staging.running?.imageTag, sha('c18'));
    assert.equal(staging.running?.commitTitle, 'Commit number 18 (#4018)');
  });

  it('counts how many commits production is behind the newest published release', () => {
    const facts = openverseFacts();
    const versions = { ...facts.versions, 'api/production': { kind: 'answered' as const, release: sha('c9'), environment: 'production' } };
    // Its last deployment is an older release than the newest (none of the later ones was made here).
    const deploymentRuns = facts.deploymentRuns.filter((run) => !/rel-2026\.(11\.02|10\.28)\..* to production-api/.test(run.displayTitle));
    const { environment: production } = environment(deckOf({ ...facts, versions, deploymentRuns }), 'api', 'production');
    assert.equal(production.state, 'behind');
    assert.equal(production.behindBy, 5);
    assert.equal(production.running?.imageTag, 'rel-2026.10.15.09.30.00');
    assert.match(production.stateDetail, /5 commits of API behind rel-2026\.11\.02\.14\.05\.33/);
  });

  it('says it cannot tell, never behind, when the newest release was deployed last and it reports an older commit of the app than that release\'s inferred build', () => {
    // rel-… aliases whatever `latest` was when tagged: if CI had not built the app's last commit yet, the older commit is its build.
    const facts = openverseFacts();
    const versions = { ...facts.versions, 'api/production': { kind: 'answered' as const, release: sha('c9'), environment: 'production' } };
    const { environment: production } = environment(deckOf({ ...facts, versions }), 'api', 'production');
    assert.equal(production.state, 'unknown');
    assert.equal(production.behindBy, undefined);
    assert.match(production.stateDetail, /after a successful deployment of rel-2026\.11\.02\.14\.05\.33, the newest published release\. .*if CI had not built that commit when rel-2026\.11\.02\.14\.05\.33 was tagged, [0-9a-f]{7} is its build; which one cannot be told from the commits/);
  });

  it('shows staging and production in sync when both run the build of the newest release (later commits change other apps only)', () => {
    // The API changed last at c13; the release's git tag names c14 (main's head then), a commit of another app.
    const facts = openverseFacts();
    const apiCommits = mainCommits.filter((commit) => ['c13', 'c12', 'c9', 'c5'].map(sha).includes(commit.sha));
    const appHistories = { [`${sha('c18')} api`]: { commits: apiCommits.map((commit) => ({ sha: commit.sha, date: commit.date })), complete: true } };
    const versions = {
      ...facts.versions,
      'api/production': { kind: 'answered' as const, release: sha('c13'), environment: 'production' },
      'api/staging': { kind: 'answered' as const, release: sha('c18'), environment: 'staging' },
    };
    const deck = deckOf({ ...facts, versions, appHistories });
    const { environment: production } = environment(deck, 'api', 'production');
    assert.equal(production.state, 'inSync');
    assert.equal(production.behindBy, undefined);
    assert.equal(production.running?.release?.gitTag, 'api-2026.11.02.14.05.33');
    assert.equal(production.stateDetail, `Runs the build of rel-2026.11.02.14.05.33 (commit ${sha('c13').slice(0, 7)}), the newest published release.`);
    const { environment: staging } = environment(deck, 'api', 'staging');
    assert.equal(staging.state, 'inSync');
    assert.equal(staging.aheadBy, undefined, 'no commit of the API after the release: not ahead');
    assert.match(staging.stateDetail, /Runs the build of rel-2026\.11\.02\.14\.05\.33/);
  });

  it('shows a failed last deployment while the older version keeps running', () => {
    const { environment: production } = environment(deckOf(), 'frontend', 'production');
    assert.equal(production.state, 'failed');
    assert.equal(production.running?.imageTag, 'rel-2026.10.10.11.00.00');
    assert.equal(production.lastDeployment?.conclusion, 'failure');
    assert.equal(production.lastDeployment?.imageTag, 'rel-2026.11.05.16.20.00');
    assert.match(production.stateDetail, /rel-2026\.11\.05\.16\.20\.00\) ended in failure\. rel-2026\.10\.10\.11\.00\.00 still runs/);
  });

  it('shows a deployment in flight as deploying', () => {
    const facts = openverseFacts();
    const deploying = run('deploy-production-api.yml', 'Deploy rel-2026.10.15.09.30.00 to production-api', null, '2026-11-26T08:59:00Z', 'in_progress');
    const { environment: production } = environment(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, deploying] }), 'api', 'production');
    assert.equal(production.state, 'deploying');
    assert.equal(production.activeDeployment?.runId, deploying.id);
    assert.match(production.stateDetail, /rel-2026\.10\.15\.09\.30\.00 is in progress/);
  });

  it('marks an unreachable /version and falls back to the last successful deployment', () => {
    const facts = openverseFacts();
    const versions = { ...facts.versions, 'api/production': { kind: 'unreachable' as const, reason: 'timed out after 5 s' } };
    const { environment: production } = environment(deckOf({ ...facts, versions }), 'api', 'production');
    assert.equal(production.state, 'unreachable');
    assert.match(production.stateDetail, /https:\/\/api\.openverse\.org\/version could not be reached \(timed out after 5 s\)/);
    assert.equal(production.running?.imageTag, 'rel-2026.11.02.14.05.33');
  });

  it('does not trust a malformed /version answer', () => {
    const facts = openverseFacts();
    const versions = { ...facts.versions, 'api/staging': { kind: 'answered' as const, release: 'local', environment: 'local' } };
    const { environment: staging } = environment(deckOf({ ...facts, versions }), 'api', 'staging');
    assert.equal(staging.state, 'unknown');
    assert.equal(staging.running, undefined);
    assert.match(staging.stateDetail, /answered release "local", which is neither a commit SHA nor an image tag/);
  });

  it('keeps the indexer worker on latest, with nothing to roll back to', () => {
    const snapshot = deckOf();
    const { app, environment: production } = environment(snapshot, 'indexer_worker', 'production');
    assert.equal(production.state, 'alwaysLatest');
    assert.match(production.stateDetail, /pulls the image tagged latest/);
    assert.equal(app.draft, undefined);
    assert.equal(app.releases.length, 0);
    assert.equal(production.rollback.ok, false);
  });

  it('says what cannot be seen of a manually deployed app', () => {
    const { app, environment: production } = environment(deckOf(), 'catalog', 'production');
    assert.equal(production.state, 'unknown');
    assert.match(production.stateDetail, /Deployed by hand with Ansible/);
    assert.equal(app.draft?.gitTag, 'catalog-2026.11.22.07.00.00');
    assert.equal(app.draft?.imageTag, 'rel-2026.11.22.07.00.00');
  });

  it('gives each app its draft with the number of changes it would ship', () => {
    const snapshot = deckOf();
    const api = snapshot.apps.find((app) => app.app.id === 'api');
    assert.equal(api?.draft?.gitTag, 'api-2026.11.20.10.00.00');
    assert.equal(api?.draft?.changeCount, 3);
    assert.equal(countChanges(API_DRAFT_BODY), 3);
    assert.deepEqual(api?.releases.map((release) => release.gitTag), [
      'api-2026.11.02.14.05.33',
      'api-2026.10.28.08.00.00',
      'api-2026.10.15.09.30.00',
      'api-2026.10.01.12.00.00',
    ]);
  });

  it('lists production history newest first with the image tags from the run titles', () => {
    const api = deckOf().apps.find((app) => app.app.id === 'api');
    assert.ok(api);
    const production = productionOf(api);
    assert.deepEqual(production?.history.map((record) => record.imageTag), [
      'rel-2026.11.02.14.05.33',
      'rel-2026.10.15.09.30.00',
      'rel-2026.10.01.12.00.00',
    ]);
  });

  it('rolls back to the last known working tag, skipping the failed deployment', () => {
    const { environment: production } = environment(deckOf(), 'api', 'production');
    assert.ok(production.rollback.ok);
    // rel-2026.10.28 was deployed after rel-2026.10.15 but its deployment failed.
    assert.equal(production.rollback.imageTag, 'rel-2026.10.15.09.30.00');
  });

  it('does not roll back to the tag that already runs after a redeploy', () => {
    const facts = openverseFacts();
    const redeploy = run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', 'success', '2026-11-10T10:00:00Z');
    const { environment: production } = environment(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, redeploy] }), 'api', 'production');
    assert.ok(production.rollback.ok);
    assert.equal(production.rollback.imageTag, 'rel-2026.10.15.09.30.00');
  });

  it('refuses a rollback when there is no earlier good tag', () => {
    const facts = openverseFacts();
    const onlyOne = facts.deploymentRuns.filter((candidate) => candidate.displayTitle.includes('rel-2026.11.02') || !candidate.workflowPath.endsWith('deploy-production-api.yml'));
    const { environment: production } = environment(deckOf({ ...facts, deploymentRuns: onlyOne }), 'api', 'production');
    assert.equal(production.rollback.ok, false);
    if (!production.rollback.ok) {
      assert.match(production.rollback.reason, /no known working tag to roll back to/);
      assert.match(production.rollback.reason, /deploy-production-api\.yml/);
    }
  });

  it('offers releases, past deployments and, for staging, recent commits as deploy candidates', () => {
    const snapshot = deckOf();
    const { app, environment: staging } = environment(snapshot, 'api', 'staging');
    const candidates = deployCandidates(app, staging, snapshot.mainCommits);
    assert.equal(candidates[0]?.imageTag, 'rel-2026.11.02.14.05.33');
    assert.ok(candidates.some((candidate) => candidate.kind === 'commit' && candidate.imageTag === sha('c20')));
    assert.equal(new Set(candidates.map((candidate) => candidate.imageTag)).size, candidates.length, 'each image tag once');

    const { environment: production } = environment(snapshot, 'api', 'production');
    const productionCandidates = deployCandidates(app, production, snapshot.mainCommits);
    assert.ok(productionCandidates.every((candidate) => candidate.kind !== 'commit'), 'no raw commits for production');
    assert.match(productionCandidates[0]?.detail ?? '', /runs there now/);
  });

  it('reads a profile-defined app the same way: no code change for a new app', () => {
    const facts = openverseFacts();
    const snapshot = deckOf(facts);
    assert.equal(snapshot.apps.length, 5);
    assert.equal(snapshot.generatedAt, facts.fetchedAt);
  });
});

describe('deck while a release is being published', () => {
  it('shows production as deploying while the release workflow tags the image', () => {
    const facts = openverseFacts();
    const releaseRun = { ...run('tag_docker_image_and_trigger_deployment.yml', 'api-2026.11.20.10.00.00', null, '2026-11-26T08:58:00Z', 'in_progress'), repo: 'WordPress/openverse', event: 'release', headBranch: 'api-2026.11.20.10.00.00' };
    const snapshot = buildDeck(openverseProfile(), { ...facts, releaseRuns: [releaseRun] });
    const production = findEnvironment(snapshot, 'api', 'production')?.environment;
    assert.equal(production?.state, 'deploying');
    assert.match(production?.stateDetail ?? '', /api-2026\.11\.20\.10\.00\.00 was published/);
    const staging = findEnvironment(snapshot, 'api', 'staging')?.environment;
    assert.notEqual(staging?.state, 'deploying', 'publishing deploys production only');
  });

  describe('an environment whose /version names another environment', () => {
    function answering(appId: string, environmentId: string, release: string, environmentName: string) {
      const facts = openverseFacts();
      const versions = { ...facts.versions, [`${appId}/${environmentId}`]: { kind: 'answered' as const, release, environment: environmentName } };
      return environment(deckOf({ ...facts, versions }), appId, environmentId).environment;
    }

    it('is flagged, and its answer is not taken as what runs there', () => {
      // API production's /version answers staging's build and says it is staging.
      const production = answering('api', 'production', sha('c18'), 'Staging');
      assert.equal(production.versionWarning, 'its /version says it is Staging: the URL may point at the wrong environment');
      assert.equal(production.state, 'unknown');
      assert.match(production.stateDetail, /^Its \/version says it is Staging: the URL may point at the wrong environment \(https:\/\/api\.openverse\.org\/version\), so its answer is not taken as what runs here\. The last successful deployment was rel-2026\.11\.02\.14\.05\.33\.$/);
      assert.equal(production.running?.source, 'last deployment');
      assert.equal(production.running?.imageTag, 'rel-2026.11.02.14.05.33');
    });

    it('is not flagged when it names itself, says "local" (the image default) or nothing', () => {
      for (const name of ['production', 'PRODUCTION', 'local', '']) {
        const production = answering('api', 'production', sha('c14'), name);
        assert.equal(production.versionWarning, undefined, name);
        assert.equal(production.state, 'inSync', name);
        assert.equal(production.running?.source, 'version endpoint', name);
      }
    });
  });
});
