import { strict as assert } from 'node:assert';
import { recordPatternProblem } from '../../../src/domain/recordedVersion';
import { captureAll, captureIn } from '../../../src/state/patternGuard';

/** Passes the static check (its alternatives start with different atoms), yet `b?a` also matches "a": 2^n ways to split a run of a's. */
const SLIPS_THROUGH = 'tag: ((?:a|b?a)+)$';
/** 44 characters that almost match: unguarded, hours (26 a's already take seconds). */
const ALMOST = `tag: ${'a'.repeat(38)}!`;

describe('a recordedIn pattern run on a file GitHub returned', () => {
  it('is stopped after its time limit when it backtracks catastrophically, even though the static check let it through', function () {
    this.timeout(1500); // Unguarded: far longer than the suite's limit.
    assert.equal(recordPatternProblem(SLIPS_THROUGH), undefined, 'the static check cannot see this one');
    assert.equal(ALMOST.length, 44);
    const started = Date.now();
    assert.deepEqual(captureIn(ALMOST, SLIPS_THROUGH), { timedOut: true });
    const took = Date.now() - started;
    assert.ok(took < 1000, `took ${took} ms`);
  });

  it('is not tried on the pull requests\' copies once it ran out of time on the file, so a refresh is delayed once, not per copy', function () {
    this.timeout(1500);
    const started = Date.now();
    assert.deepEqual(captureAll(SLIPS_THROUGH, [ALMOST, ALMOST, ALMOST, ALMOST, ALMOST]), Array.from({ length: 5 }, () => ({ timedOut: true })));
    const took = Date.now() - started;
    assert.ok(took < 1000, `took ${took} ms`);
    // The next refresh tries again (the file may have changed): the limit is per call.
    assert.deepEqual(captureIn('tag: aaa', SLIPS_THROUGH), { captured: 'aaa' });
  });

  it('captures the first group as before, trimmed, with ^ and $ at each line', () => {
    assert.deepEqual(captureIn('airflow:\n  image_tag: " rel-2026.09.09.23.00.57"\n', 'image_tag: "([^"]+)"'), { captured: 'rel-2026.09.09.23.00.57' });
    assert.deepEqual(captureIn('A=1\nWEB_IMAGE=1.4.2\n', '^WEB_IMAGE=(\\S+)$'), { captured: '1.4.2' });
    assert.deepEqual(captureIn('image_tag: latest', 'image_tag: "([^"]+)"'), {});
  });

  it('reads at most the first 64 KB of the file, so a long file cannot keep it busy', () => {
    const far = `${'x'.repeat(70_000)}\nimage_tag: "rel-2026.09.09.23.00.57"`;
    assert.deepEqual(captureIn(far, 'image_tag: "(rel-[^"]+)"'), { cut: true });
    assert.deepEqual(captureIn(`image_tag: "rel-2026.09.09.23.00.57"\n${'x'.repeat(70_000)}`, 'image_tag: "(rel-[^"]+)"'), { cut: true, captured: 'rel-2026.09.09.23.00.57' });
  });

  it('never runs a pattern the static check refuses, however long the text', () => {
    const started = Date.now();
    assert.deepEqual(captureIn(`${'a'.repeat(40)}!`, '((a+)+)$'), {});
    assert.deepEqual(captureIn('anything', 'no group'), {});
    assert.deepEqual(captureIn('anything', '(unclosed'), {});
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});
