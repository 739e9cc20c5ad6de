import { strict as assert } from 'node:assert';
import { backtrackingProblem } from '../../../src/domain/patternSafety';
import { readRecord, recordPatternProblem, tagIn } from '../../../src/domain/recordedVersion';
import { DEFAULT_IMAGE_SCHEME } from '../../../src/domain/tagScheme';

describe('a recordedIn pattern that could freeze the editor (catastrophic backtracking)', () => {
  for (const [pattern, group] of [
    ['image_tag: "((rel-[a-z]+)+)"', '(rel-[a-z]+)+'],
    ['tag: ((a*)*)', '(a*)*'],
    ['tag: ((a|a)*)x', '(a|a)*'],
    ['tag: ((\\d|\\d\\d)+)$', '(\\d|\\d\\d)+'],
    ['tag: ((?:\\w+\\s?)*)$', '(?:\\w+\\s?)*'],
    ['tag: ((?:[a-z]|\\w){2,})!', '(?:[a-z]|\\w){2,}'],
    ['tag: (((?:a+)b)*)', '((?:a+)b)*'],
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
    'tag: ((a+){1,3})',
    'tag: \\((\\w+)\\)+',
    'tag: [(]+(\\w+)',
    'tag: "(rel-[^"()+*]+)"',
  ]) {
    it(`accepts ${pattern}`, () => {
      assert.equal(backtrackingProblem(pattern), undefined);
    });
  }

  it('reads the tag from at most the first 64 KB of the file, so a long file cannot keep it busy', () => {
    const far = `${'x'.repeat(70_000)}\nimage_tag: "rel-2026.09.09.23.00.57"`;
    assert.equal(tagIn(far, 'image_tag: "(rel-[^"]+)"', DEFAULT_IMAGE_SCHEME), undefined);
    assert.equal(tagIn('image_tag: "rel-2026.09.09.23.00.57"', 'image_tag: "(rel-[^"]+)"', DEFAULT_IMAGE_SCHEME), 'rel-2026.09.09.23.00.57');
    const commit = { sha: 'a'.repeat(40), author: 'AetherUnbound', date: '2026-09-10T09:00:00Z', htmlUrl: 'https://github.com/WordPress/openverse-infrastructure/commit/1' };
    const recordedIn = { repo: 'WordPress/openverse-infrastructure', path: 'environments/prod/airflow.yml', pattern: 'image_tag: "(rel-[^"]+)"' };
    const reading = readRecord(recordedIn, { repo: recordedIn.repo, path: recordedIn.path, pulls: [], file: { text: far, commit } }, [], DEFAULT_IMAGE_SCHEME);
    assert.match(reading?.detail ?? '', /no image tag matching .* in its first 64 KB \(Release Deck reads no further\)/);
  });

  it('never runs a refused pattern, however long the text', () => {
    const started = Date.now();
    assert.equal(tagIn(`${'a'.repeat(40)}!`, '((a+)+)$', DEFAULT_IMAGE_SCHEME), undefined);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });
});
