import { strict as assert } from 'node:assert';
import { olderBuildOutcome } from '../../../src/domain/olderBuild';
import { sha } from '../fixtures/openverseFacts';

describe('a release tagged while CI still built the app\'s last commit', () => {
  const base = { expected: sha('b'), imageTag: 'rel-2026.11.26.12.00.00', label: 'Frontend production', versionUrl: 'https://openverse.org/version', why: 'when rel-2026.11.26.12.00.00 was tagged, the push of commit bbbbbbb had not finished building (ci_cd.yml in progress), so `latest` may still have been an older build of Frontend' };

  it('names the older commit /version reports after the deployment as the release\'s build, and says why it is not the newest', () => {
    const outcome = olderBuildOutcome({ ...base, seen: sha('r'), before: sha('p') });
    assert.equal(outcome.build, sha('r'));
    assert.equal(outcome.problem, undefined);
    assert.equal(outcome.note, `rel-2026.11.26.12.00.00 is the build of commit ${sha('r').slice(0, 7)}, not of ${sha('b').slice(0, 7)}: ${base.why}.`);
  });

  it('says it cannot tell when /version still reports what ran before the publish', () => {
    const outcome = olderBuildOutcome({ ...base, seen: sha('p'), before: sha('p') });
    assert.equal(outcome.build, undefined, 'no build claimed');
    assert.match(outcome.problem ?? '', /reports commit [0-9a-f]{7}, as before the publish: .*may be that same build, or the deployment did not take effect; Release Deck cannot tell which/);
  });
});
