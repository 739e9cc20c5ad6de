import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import type { DeckFacts, WorkflowRunFact } from '../../../src/domain/facts';
import { needsYou, needsYouSummary } from '../../../src/domain/needsYou';
import { openverseProfile } from '../../../src/domain/openverse';
import { findEnvironment, type DeckSnapshot } from '../../../src/domain/snapshot';
import { mainCommits, openverseFacts, run } from '../fixtures/openverseFacts';

function deckOf(facts: DeckFacts): DeckSnapshot {
  return buildDeck(openverseProfile(), facts);
}

/** Only the failures and changelog PRs: drafts left out (0 days turns them off). */
const NO_DRAFTS = { draftAgeDays: 0 };

function ids(snapshot: DeckSnapshot, options = NO_DRAFTS): string[] {
  return needsYou(snapshot, options).map((entry) => `${entry.kind} ${entry.appId}`);
}

describe('needs you', () => {
  it('lists a failed deployment not yet followed by a success, with what still runs and what to do', () => {
    // Frontend production's last deployment failed; API production's failure was followed by a success.
    const entries = needsYou(deckOf(openverseFacts()), NO_DRAFTS);
    assert.deepEqual(entries.map((entry) => `${entry.kind} ${entry.appId}`), ['failedDeployment frontend']);
    const [failed] = entries;
    assert.equal(failed?.label, 'Failed deployment of rel-2026.11.05.16.20.00');
    assert.match(failed?.description ?? '', /^Frontend production · .+ by zackkrida$/);
    assert.match(failed?.detail ?? '', /no deployment has succeeded there since\. rel-2026\.10\.10\.11\.00\.00 still runs there\. Look at the failed run, then deploy again or roll back\./);
    assert.equal(failed?.url, 'https://github.com/WordPress/openverse-infrastructure/actions/runs/' + String(failed?.kind === 'failedDeployment' ? failed.record.runId : ''));
  });

  it('drops the failure once a deployment succeeds there, and keeps it while a new attempt runs', () => {
    const facts = openverseFacts();
    const retry = run('deploy-production-frontend.yml', 'Deploy rel-2026.11.05.16.20.00 to production-frontend', null, '2026-11-06T09:00:00Z', 'in_progress');
    assert.deepEqual(ids(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, retry] })), ['failedDeployment frontend']);
    const succeeded: WorkflowRunFact = { ...retry, status: 'completed', conclusion: 'success' };
    assert.deepEqual(ids(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, succeeded] })), []);
  });

  it('does not count a cancelled deployment as a failure that needs someone', () => {
    const facts = openverseFacts();
    const cancelled = { ...run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', null, '2026-11-20T09:00:00Z'), conclusion: 'cancelled' };
    assert.deepEqual(ids(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, cancelled] })), ['failedDeployment frontend']);
    const timedOut = { ...cancelled, conclusion: 'timed_out' };
    assert.deepEqual(ids(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, timedOut] })), ['failedDeployment api', 'failedDeployment frontend']);
  });

  it('drops the failure when the failed run itself succeeds on a re-run of its failed jobs (same run, second attempt)', () => {
    const facts = openverseFacts();
    const failedRun = needsYou(deckOf(facts), NO_DRAFTS).find((entry) => entry.kind === 'failedDeployment');
    assert.ok(failedRun?.kind === 'failedDeployment');
    const rerun = (status: WorkflowRunFact['status'], conclusion: string | null): DeckFacts => ({
      ...facts,
      deploymentRuns: facts.deploymentRuns.map((candidate) => (candidate.id === failedRun.record.runId ? { ...candidate, status, conclusion, updatedAt: '2026-11-26T09:00:00Z' } : candidate)),
    });
    // Re-running: queued again, no longer a finished failure.
    assert.deepEqual(ids(deckOf(rerun('queued', null))), []);
    const succeeded = deckOf(rerun('completed', 'success'));
    assert.deepEqual(ids(succeeded), []);
    const frontend = findEnvironment(succeeded, 'frontend', 'production')?.environment;
    assert.equal(frontend?.lastDeployment?.runId, failedRun.record.runId);
    assert.equal(frontend?.lastDeployment?.conclusion, 'success');
  });

  it('lists a deployment waiting for review first, whoever started it', () => {
    const facts = openverseFacts();
    const waiting = { ...run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', null, '2026-11-26T08:00:00Z', 'waiting'), actor: 'openverse-bot', updatedAt: '2026-11-26T08:30:00Z' };
    const entries = needsYou(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, waiting] }), NO_DRAFTS);
    assert.deepEqual(entries.map((entry) => entry.kind), ['waitingReview', 'failedDeployment']);
    assert.equal(entries[0]?.label, 'Review the deployment of rel-2026.11.02.14.05.33');
    assert.equal(entries[0]?.description, 'API production · waiting 30 minutes');
    assert.match(entries[0]?.detail ?? '', /^openverse-bot's deployment .* waits for a reviewer of the environment/);
  });

  it('says who may review a waiting deployment, and whether you may (review)', () => {
    const facts = openverseFacts();
    const waiting = { ...run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', null, '2026-11-26T08:00:00Z', 'waiting'), actor: 'openverse-bot' };
    const pendingDeployments = { [waiting.id]: [{ environmentId: 1, environment: 'production', waitTimer: 0, waitingSince: '2026-11-26T08:00:05Z', currentUserCanApprove: true, reviewers: [{ type: 'Team' as const, name: 'WordPress/openverse-maintainers' }] }] };
    const entries = needsYou(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, waiting], pendingDeployments }), NO_DRAFTS);
    assert.equal(entries[0]?.kind, 'waitingReview');
    assert.match(entries[0]?.detail ?? '', /Nothing is deployed until someone does\. Who may review: WordPress\/openverse-maintainers \(team\)\. You can review it: Review Deployment… approves or rejects it\.$/);
  });

  it('leaves out a deployment waiting only on its environment\'s wait timer: it needs nobody (review)', () => {
    const facts = openverseFacts();
    const waiting = { ...run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', null, '2026-11-26T08:00:00Z', 'waiting'), actor: 'openverse-bot' };
    const timer = { environmentId: 1, environment: 'production', waitTimer: 30, waitingSince: '2026-11-26T08:00:05Z', currentUserCanApprove: false, reviewers: [] };
    const timerOnly = needsYou(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, waiting], pendingDeployments: { [waiting.id]: [timer] } }), NO_DRAFTS);
    assert.deepEqual(timerOnly.map((entry) => entry.kind), ['failedDeployment']);
    // A timer and reviewers: the reviewers still have to approve it.
    const reviewed = { ...timer, reviewers: [{ type: 'User' as const, name: 'octo-maintainer' }] };
    const both = needsYou(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, waiting], pendingDeployments: { [waiting.id]: [reviewed] } }), NO_DRAFTS);
    assert.deepEqual(both.map((entry) => entry.kind), ['waitingReview', 'failedDeployment']);
  });

  it('lists the changelog pull requests to review', () => {
    const facts = openverseFacts();
    const snapshot = deckOf({ ...facts, openPulls: [{ number: 4990, title: 'Publish changelog for api-2026.11.02.14.05.33', htmlUrl: 'https://github.com/WordPress/openverse/pull/4990', state: 'open', headRef: 'changelog/api-2026.11.02.14.05.33' }] });
    const entries = needsYou(snapshot, NO_DRAFTS);
    assert.deepEqual(entries.map((entry) => `${entry.kind} ${entry.appId}`), ['failedDeployment frontend', 'changelogPull api']);
    assert.equal(entries[1]?.label, 'Review changelog PR #4990');
    assert.equal(entries[1]?.description, 'API · api-2026.11.02.14.05.33');
    assert.equal(entries[1]?.url, 'https://github.com/WordPress/openverse/pull/4990');
  });

  it('lists a draft with changes left unpublished longer than the setting, and never one without changes', () => {
    const facts = openverseFacts();
    // Every release of the fixture was published on 2026-10-02; the refresh is on 2026-11-26: 55 days.
    const entries = needsYou(deckOf(facts), { draftAgeDays: 7 }).filter((entry) => entry.kind === 'staleDraft');
    assert.deepEqual(entries.map((entry) => entry.appId), ['api', 'frontend', 'catalog', 'ingestion_server']);
    const api = entries[0];
    assert.equal(api?.label, 'Publish api-2026.11.20.10.00.00?');
    assert.equal(api?.description, 'API · 3 changes · 55 days unpublished');
    assert.match(api?.detail ?? '', /3 changes of API have waited 55 days since rel-2026\.11\.02\.14\.05\.33 was published, more than the 7 days of the setting releaseDeck\.needsYou\.draftAgeDays/);
    // A longer limit, or 0: none.
    assert.deepEqual(needsYou(deckOf(facts), { draftAgeDays: 60 }).filter((entry) => entry.kind === 'staleDraft'), []);
    assert.deepEqual(needsYou(deckOf(facts), { draftAgeDays: 0 }).filter((entry) => entry.kind === 'staleDraft'), []);
    // Without changes (its notes list none), a draft needs nobody.
    const empty = { ...facts, releases: facts.releases.map((release) => (release.draft ? { ...release, body: 'No changes' } : release)) };
    assert.deepEqual(needsYou(deckOf(empty), { draftAgeDays: 7 }).filter((entry) => entry.kind === 'staleDraft'), []);
  });

  it('counts a draft\'s wait from the first change after the newest release, when the app\'s commits are known', () => {
    const facts = openverseFacts();
    // API commits on 2026-10-15 and later (mainCommits c15…c20, dated October 15–20); newest API release published 2026-10-02.
    const apiCommits = mainCommits.filter((commit) => Date.parse(commit.date) >= Date.parse('2026-10-15T00:00:00Z'));
    const snapshot = deckOf({ ...facts, fetchedAt: '2026-10-25T12:00:00Z', appCommits: { api: { known: true, commits: apiCommits } } });
    const api = needsYou(snapshot, { draftAgeDays: 7 }).find((entry) => entry.kind === 'staleDraft' && entry.appId === 'api');
    assert.equal(api?.description, 'API · 3 changes · 10 days unpublished');
    assert.match(api?.detail ?? '', /since the first change after rel-2026\.11\.02\.14\.05\.33 was published/);
    assert.equal(needsYou(snapshot, { draftAgeDays: 10 }).find((entry) => entry.kind === 'staleDraft' && entry.appId === 'api'), undefined);
  });

  it('sums up what the badge counts', () => {
    const facts = openverseFacts();
    const waiting = run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', null, '2026-11-26T08:00:00Z', 'waiting');
    const snapshot = deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, waiting] });
    assert.equal(needsYouSummary(needsYou(snapshot, { draftAgeDays: 7 })), '6 things need you: 1 deployment waiting for review, 1 failed deployment, 4 drafts left unpublished.');
    assert.equal(needsYouSummary([]), 'Nothing needs you.');
    assert.equal(needsYouSummary(needsYou(deckOf(facts), NO_DRAFTS)), '1 thing needs you: 1 failed deployment.');
  });

  it('gives each entry an id that stays the same across refreshes', () => {
    const facts = openverseFacts();
    const first = needsYou(deckOf(facts), { draftAgeDays: 7 }).map((entry) => entry.id);
    const second = needsYou(deckOf({ ...facts, fetchedAt: '2026-11-26T10:00:00Z' }), { draftAgeDays: 7 }).map((entry) => entry.id);
    assert.deepEqual(first, second);
    assert.equal(new Set(first).size, first.length);
  });
});

describe('team history (every deployment run of an environment)', () => {
  it('keeps every run, whoever started it and however it ended, newest first; successes carry their rollback marks', () => {
    const facts = openverseFacts();
    const colleague = { ...run('deploy-production-api.yml', 'Deploy rel-2026.11.20.10.00.00 to production-api', null, '2026-11-25T10:00:00Z', 'in_progress'), actor: 'krysal' };
    const found = findEnvironment(deckOf({ ...facts, deploymentRuns: [...facts.deploymentRuns, colleague] }), 'api', 'production');
    assert.ok(found);
    const { environment } = found;
    assert.deepEqual(environment.runs.map((record) => `${record.imageTag ?? ''} ${record.status} ${record.conclusion ?? '-'} ${record.actor}`), [
      'rel-2026.11.20.10.00.00 in_progress - krysal',
      'rel-2026.11.02.14.05.33 completed success zackkrida',
      'rel-2026.10.28.08.00.00 completed failure zackkrida',
      'rel-2026.10.15.09.30.00 completed success zackkrida',
      'rel-2026.10.01.12.00.00 completed success zackkrida',
    ]);
    for (const record of environment.history) {
      assert.equal(environment.runs.find((candidate) => candidate.runId === record.runId), record, 'the same record as the history');
    }
  });

  it('names who published a release: the actor of the release workflow run its publishing started', () => {
    const facts = openverseFacts();
    const releaseRun = { ...run('release-app.yml', 'api-2026.11.02.14.05.33', 'success', '2026-11-02T14:06:00Z'), repo: 'WordPress/openverse', event: 'release', headBranch: 'api-2026.11.02.14.05.33', actor: 'obulat' };
    const snapshot = deckOf({ ...facts, releaseRuns: [releaseRun] });
    const api = snapshot.apps.find((app) => app.app.id === 'api');
    assert.equal(api?.releases[0]?.publishedBy, 'obulat');
    assert.equal(api?.releases[1]?.publishedBy, undefined);
  });
});
