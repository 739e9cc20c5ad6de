import { strict as assert } from 'node:assert';
import { backtrackingProblem } from '../../../src/domain/patternSafety';
import { recordPatternProblem } from '../../../src/domain/recordedVersion';

describe('a recordedIn pattern that could freeze the editor (catastrophic backtracking)', () => {
  for (const [pattern, group] of [
    ['image_tag: "((rel-[a-z]+)+)"', '(rel-[a-z]+)+'],
    ['tag: ((a*)*)', '(a*)*'],
    ['tag: ((a|a)*)x', '(a|a)*'],
    ['tag: ((\\d|\\d\\d)+)$', '(\\d|\\d\\d)+'],
    ['tag: ((?:\\w+\\s?)*)$', '(?:\\w+\\s?)*'],
    ['tag: ((?:[a-z]|\\w){2,})!', '(?:[a-z]|\\w){2,}'],
    ['tag: (((?:a+)b)*)', '((?:a+)b)*'],
    // A reviewer's: a group repeated up to 20 or 30 times is as many splits to try as one repeated without bound.
    ['image_tag: ((?:[\\w.]+-?){1,20})$', '(?:[\\w.]+-?){1,20}'],
    ['(a+){1,30}b', '(a+){1,30}'],
    ['tag: ((?:a+){12})$', '(?:a+){12}'],
  ] as const) {
    it(`refuses ${pattern}, naming ${group}`, () => {
      const problem = backtrackingProblem(pattern);
      assert.ok(problem?.includes(group), problem);
      assert.match(recordPatternProblem(pattern) ?? '', /freeze/);
    });
  }

  for (const pattern of [
    'image_tag: "(rel-[^"]+)"',
    '^WEB_IMAGE=(\\S+)',
    'tag = "([^"]+)"',
    'tag: ((?:rel-)?\\d+)',
    'tag: ((?:\\d|\\.)+)',
    'tag: ((?:[a-z]|-)+)',
    'tag: ((?:ab|cd)*)',
    'tag: ((?:rel-){1,3}\\d+)',
    'tag: ((?:\\d{2}\\.){5}\\d{2})',
    'tag: \\((\\w+)\\)+',
    'tag: [(]+(\\w+)',
    'tag: "(rel-[^"()+*]+)"',
    'image_tag: (rel-.+)$',
  ]) {
    it(`accepts ${pattern}`, () => {
      assert.equal(backtrackingProblem(pattern), undefined);
    });
  }

  it('refuses three adjacent unbounded repetitions that can split the same text (a reviewer\'s (.*)(.*)(.*)Z: hours at 64 KB)', () => {
    assert.match(recordPatternProblem('(.*)(.*)(.*)Z') ?? '', /freeze/);
  });
});
