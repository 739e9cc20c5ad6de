import { strict as assert } from 'node:assert';
import { compareSemVer, isPrerelease, parseSemVer, type SemVer } from '../../../src/domain/semver';

function version(text: string): SemVer {
  const parsed = parseSemVer(text);
  assert.ok(parsed.ok, `${text} parses`);
  return parsed.value;
}

describe('semantic versions (semver.org 2.0)', () => {
  it('reads the parts, the pre-release and the build metadata', () => {
    const parsed = version('2.3.0-rc.1+build.7');
    assert.deepEqual([parsed.major, parsed.minor, parsed.patch], [2, 3, 0]);
    assert.deepEqual(parsed.prerelease, ['rc', '1']);
    assert.deepEqual(parsed.build, ['build', '7']);
    assert.equal(isPrerelease(parsed), true);
    assert.equal(isPrerelease(version('2.3.0+build.7')), false);
  });

  it('refuses what the grammar refuses, saying what is expected', () => {
    for (const text of ['1.2', '1.2.3.4', 'v1.2.3', '01.2.3', '1.02.3', '1.2.3-', '1.2.3-01', '1.2.3+', '1.2.3-rc..1', ' 1.2.3', '1.2.3 ', '', '１.2.3']) {
      const parsed = parseSemVer(text);
      assert.equal(parsed.ok, false, `${JSON.stringify(text)} is refused`);
      if (!parsed.ok) {
        assert.match(parsed.error, /MAJOR\.MINOR\.PATCH/);
      }
    }
  });

  it('refuses numbers too large to compare exactly', () => {
    assert.equal(parseSemVer('99999999999999999999.0.0').ok, false);
  });

  it('orders by precedence exactly as the specification lists it (§11)', () => {
    // The specification's own example chain, then numeric parts compared as numbers, not text.
    const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.2.0', '1.10.0', '2.0.0', '10.0.0'];
    for (let index = 1; index < chain.length; index += 1) {
      const lower = version(chain[index - 1] ?? '');
      const higher = version(chain[index] ?? '');
      assert.ok(compareSemVer(lower, higher) < 0, `${lower.text} < ${higher.text}`);
      assert.ok(compareSemVer(higher, lower) > 0, `${higher.text} > ${lower.text}`);
    }
  });

  it('ignores build metadata in the order', () => {
    assert.equal(compareSemVer(version('1.0.0+a'), version('1.0.0+b')), 0);
    assert.equal(compareSemVer(version('1.0.0-rc.1+a'), version('1.0.0-rc.1')), 0);
  });

  it('compares long numeric pre-release identifiers exactly', () => {
    assert.ok(compareSemVer(version('1.0.0-rc.99999999999999999998'), version('1.0.0-rc.99999999999999999999')) < 0);
  });

  it('sorts thousands of shuffled versions into one consistent order', () => {
    const texts: string[] = [];
    for (let major = 0; major < 5; major += 1) {
      for (let minor = 0; minor < 20; minor += 1) {
        for (let patch = 0; patch < 20; patch += 1) {
          texts.push(`${major}.${minor}.${patch}`, `${major}.${minor}.${patch}-rc.${patch % 3}`);
        }
      }
    }
    const expected = texts.map(version).sort(compareSemVer).map((parsed) => parsed.text);
    // A fixed shuffle (no randomness in tests), then the same sort.
    const shuffled = texts.map((text, index) => ({ text, key: (index * 7919) % texts.length })).sort((a, b) => a.key - b.key).map((entry) => entry.text);
    const sorted = shuffled.map(version).sort(compareSemVer).map((parsed) => parsed.text);
    assert.deepEqual(sorted, expected);
    assert.equal(sorted.length, 4000);
    assert.equal(sorted[0], '0.0.0-rc.0');
    assert.equal(sorted[sorted.length - 1], '4.19.19');
    assert.ok(sorted.indexOf('1.2.3-rc.0') === sorted.indexOf('1.2.3') - 1, 'a pre-release comes right before its release');
  });
});
