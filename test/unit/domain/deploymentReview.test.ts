import { strict as assert } from 'node:assert';
import { buildDeck } from '../../../src/domain/buildDeck';
import { busyMessage } from '../../../src/domain/busyEnvironment';
import { reviewersWords, reviewOf, reviewsLike, runToReview, waitingDeployments, waitingWords } from '../../../src/domain/deploymentReview';
import { outcomeWords } from '../../../src/domain/runWords';
import type { DeckFacts, PendingDeploymentFact } from '../../../src/domain/facts';
import { openverseProfile } from '../../../src/domain/openverse';
import { findEnvironment } from '../../../src/domain/snapshot';
import { dateTime } from '../../../src/domain/words';
import { openverseFacts, run } from '../fixtures/openverseFacts';

const PENDING: PendingDeploymentFact = {
  environmentId: 4242,
  environment: 'production',
  waitTimer: 0,
  waitingSince: '2026-11-26T08:55:00Z',
  currentUserCanApprove: true,
  reviewers: [{ type: 'User', name: 'octo-maintainer' }, { type: 'Team', name: 'WordPress/openverse-maintainers' }],
};

function productionWith(pending: readonly PendingDeploymentFact[] | undefined, status: 'waiting' | 'queued' = 'waiting') {
  const facts = openverseFacts();
  const waiting = run('deploy-production-api.yml', 'Deploy rel-2026.10.15.09.30.00 to production-api', null, '2026-11-26T08:54:00Z', status);
  const withRun: DeckFacts = { ...facts, deploymentRuns: [...facts.deploymentRuns, waiting], ...(pending !== undefined ? { pendingDeployments: { [waiting.id]: pending } } : {}) };
  const found = findEnvironment(buildDeck(openverseProfile(), withRun), 'api', 'production');
  assert.ok(found);
  return { production: found.environment, runId: waiting.id, snapshot: buildDeck(openverseProfile(), withRun) };
}

describe('deployments waiting for review', () => {
  it('a run waiting on required reviewers is "waiting for review" by whom and for how long, not "queued" (review)', () => {
    const { production, runId } = productionWith([PENDING]);
    assert.equal(production.state, 'awaitingReview');
    assert.equal(production.activeDeployment?.runId, runId);
    assert.match(production.stateDetail, /^A deployment of rel-2026\.10\.15\.09\.30\.00 by zackkrida is waiting for review by octo-maintainer or WordPress\/openverse-maintainers \(team\) \(for 5 minutes\)\. You can review it/);
    assert.doesNotMatch(production.stateDetail, /queued/);
    assert.deepEqual(production.activeDeployment?.review, { environments: [{ id: 4242, name: 'production' }], reviewers: PENDING.reviewers, since: '2026-11-26T08:55:00Z', canReview: true });
  });

  it('lists the deck\'s deployments waiting for review, those the user may review apart (review)', () => {
    const mine = productionWith([PENDING]);
    assert.deepEqual(waitingDeployments(mine.snapshot, { mine: true }).map((one) => [one.app.app.id, one.environment.environment.id, one.deployment.runId]), [['api', 'production', mine.runId]]);
    const theirs = productionWith([{ ...PENDING, currentUserCanApprove: false }]);
    assert.equal(waitingDeployments(theirs.snapshot).length, 1);
    assert.equal(waitingDeployments(theirs.snapshot, { mine: true }).length, 0);
  });

  it('a user who is not a reviewer is told whom to ask, and may not review (review)', () => {
    const { production } = productionWith([{ ...PENDING, currentUserCanApprove: false }]);
    assert.equal(production.activeDeployment?.review?.canReview, false);
    assert.match(production.stateDetail, /You are not one of its reviewers: ask one of them/);
  });

  it('waiting whose reviewers could not be read still says it waits for review, and offers no review (review)', () => {
    const { production } = productionWith(undefined);
    assert.equal(production.state, 'awaitingReview');
    assert.match(production.stateDetail, /is waiting for review or a protection rule; who may review could not be read: .+\. The run's page on GitHub says/);
    assert.doesNotMatch(production.stateDetail, /queued/);
    assert.equal(production.activeDeployment?.review?.canReview, false);
  });

  it('a run waiting only on the environment\'s wait timer says so, not "ask one of its reviewers" (review)', () => {
    const { production } = productionWith([{ ...PENDING, waitTimer: 30, reviewers: [], currentUserCanApprove: false }]);
    assert.equal(production.state, 'awaitingReview');
    // The timer started at 08:55 UTC: it ends 30 minutes later, said in the person's time of day.
    const until = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse('2026-11-26T09:25:00Z'));
    assert.match(production.stateDetail, new RegExp(`is waiting 30 min \\(wait timer, until ${until}\\)\\. It starts by itself when the timer ends; no review is needed\\.$`));
    assert.doesNotMatch(production.stateDetail, /reviewers|ask one of/);
    assert.ok(production.activeDeployment);
    assert.equal(outcomeWords(production.activeDeployment), `is waiting 30 min (wait timer, until ${until})`);
  });

  it('an older run waiting for review before a newer queued one: the deck and Review Deployment take the waiting run (review)', () => {
    const facts = openverseFacts();
    const older = run('deploy-production-api.yml', 'Deploy rel-2026.10.15.09.30.00 to production-api', null, '2026-11-26T08:54:00Z', 'waiting');
    const newer = run('deploy-production-api.yml', 'Deploy rel-2026.11.02.14.05.33 to production-api', null, '2026-11-26T08:58:00Z', 'queued');
    const withRuns: DeckFacts = { ...facts, deploymentRuns: [...facts.deploymentRuns, older, newer], pendingDeployments: { [older.id]: [PENDING] } };
    const production = findEnvironment(buildDeck(openverseProfile(), withRuns), 'api', 'production')?.environment;
    assert.ok(production);
    assert.equal(production.state, 'awaitingReview');
    assert.equal(production.activeDeployment?.runId, older.id);
    assert.equal(runToReview(production, older.id)?.runId, older.id, 'the node of the waiting run is the run reviewed');
    assert.equal(runToReview(production, undefined)?.runId, older.id);
    assert.equal(runToReview(production, newer.id), undefined, 'a run that does not wait is not reviewed');
  });

  it('a queued run has no review, whatever facts say (review)', () => {
    const { production } = productionWith([PENDING], 'queued');
    assert.equal(production.state, 'deploying');
    assert.equal(production.activeDeployment?.review, undefined);
    assert.equal(reviewOf({ status: 'in_progress' }, [PENDING]), undefined);
  });

  it('names reviewers as a list, and how long the wait has lasted (review)', () => {
    const review = reviewOf({ status: 'waiting' }, [PENDING, { ...PENDING, environmentId: 1, environment: 'production-db', reviewers: [{ type: 'User', name: 'sarayourfriend' }, { type: 'User', name: 'octo-maintainer' }], waitingSince: '2026-11-26T08:00:00Z', currentUserCanApprove: false }]);
    assert.ok(review);
    assert.equal(reviewersWords(review), 'octo-maintainer, WordPress/openverse-maintainers (team) or sarayourfriend');
    assert.equal(review.canReview, false, 'every environment must be reviewable by the user');
    assert.equal(waitingWords(review, new Date('2026-11-26T10:00:00Z')), 'waiting for review by octo-maintainer, WordPress/openverse-maintainers (team) or sarayourfriend (for 2 hours)');
  });
});

describe('an environment busy with a deployment waiting for review', () => {
  it('refuses another deployment saying the run waits for review, and what ends it (review)', () => {
    const message = busyMessage('API production', 'deploy', { title: 'Deploy rel-2026.10.15.09.30.00', status: 'waiting', actor: 'colleague', startedAt: '2026-11-26T08:54:00Z', url: 'https://github.com/o/r/actions/runs/1' });
    assert.equal(message, `API production is busy: "Deploy rel-2026.10.15.09.30.00" is waiting for review on GitHub, started by colleague at ${dateTime('2026-11-26T08:54:00Z')}. Nothing was sent: that run must be reviewed (Review Deployment…, if you are one of its reviewers) and finish first, then deploy again.`);
  });
});

describe('which entries of a run\'s review history are a review like the one sent (reviewsLike)', () => {
  const approval = { state: 'approved' as const, comment: 'Looks right', environmentIds: [11, 12], reviewer: 'Octo-Maintainer' };

  it('counts an approval of two environments whether GitHub records it as one entry or one per environment', () => {
    assert.equal(reviewsLike([{ environmentIds: [11, 12], state: 'approved', login: 'octo-maintainer', comment: 'Looks right' }], approval), 1);
    assert.equal(
      reviewsLike(
        [
          { environmentIds: [11], state: 'approved', login: 'octo-maintainer', comment: 'Looks right' },
          { environmentIds: [12], state: 'approved', login: 'octo-maintainer', comment: 'Looks right' },
        ],
        approval,
      ),
      2,
    );
  });

  it('does not count another decision, comment, reviewer or environment', () => {
    const entries = [
      { environmentIds: [11], state: 'rejected' as const, login: 'octo-maintainer', comment: 'Looks right' },
      { environmentIds: [11], state: 'approved' as const, login: 'octo-maintainer', comment: 'Other words' },
      { environmentIds: [11], state: 'approved' as const, login: 'someone-else', comment: 'Looks right' },
      { environmentIds: [99], state: 'approved' as const, login: 'octo-maintainer', comment: 'Looks right' },
    ];
    assert.equal(reviewsLike(entries, approval), 0);
  });
});
