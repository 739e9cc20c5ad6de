import { strict as assert } from 'node:assert';
import { olderBuildOutcome } from '../../../src/domain/olderBuild';
import { sha } from '../fixtures/openverseFacts';
import { GERMAN } from '../l10n/german';

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

  it('says the older build, or that it cannot tell, in German', () => {
    const why = 'als rel-2026.11.26.12.00.00 getaggt wurde, …';
    const older = olderBuildOutcome({ ...base, why, seen: sha('r'), before: sha('p') }, GERMAN.l10n);
    assert.equal(older.note, `rel-2026.11.26.12.00.00 ist der Build von Commit ${sha('r').slice(0, 7)}, nicht von ${sha('b').slice(0, 7)}: ${why}.`);
    const same = olderBuildOutcome({ ...base, why, seen: sha('p'), before: sha('p') }, GERMAN.l10n);
    assert.match(same.problem ?? '', /^Die Bereitstellung von rel-2026\.11\.26\.12\.00\.00 auf Frontend production war erfolgreich, und https:\/\/openverse\.org\/version meldet Commit [0-9a-f]{7}, wie vor dem Veröffentlichen: als rel-.*Release Deck kann nicht sagen, was zutrifft\./);
  });
});
