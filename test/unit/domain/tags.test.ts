import { strict as assert } from 'node:assert';
import { formatReleaseDate, parseCommitSha, parseReleaseDate } from '../../../src/domain/tags';
import { imageTagOfRelease, readGitTag, readImageTag, tagSchemeOf } from '../../../src/domain/tagScheme';
import { findImageTagIn } from '../../../src/domain/runTitle';

/** Openverse's date scheme, as an app without `releaseTags` reads its tags. */
const api = tagSchemeOf({ id: 'api', gitTagPrefix: 'api-' });
const ingestion = tagSchemeOf({ id: 'ingestion_server', gitTagPrefix: 'ingestion_server-' });

function expectRefusal<T>(result: { ok: true; value: T } | { ok: false; error: string }, pattern: RegExp): void {
  assert.equal(result.ok, false, `expected a refusal matching ${pattern}`);
  if (!result.ok) {
    assert.match(result.error, pattern);
  }
}

describe('tags', () => {
  describe('release dates', () => {
    it('parses a real UTC date', () => {
      const date = parseReleaseDate('2023.07.03.17.52.00');
      assert.ok(date.ok);
      assert.equal(date.value.epochMs, Date.UTC(2023, 6, 3, 17, 52, 0));
    });

    it('accepts 29 February only in a leap year', () => {
      assert.ok(parseReleaseDate('2024.02.29.00.00.00').ok);
      expectRefusal(parseReleaseDate('2025.02.29.00.00.00'), /month 02 of 2025 has 28 days/);
    });

    it('refuses impossible months, days and times with what was wrong', () => {
      expectRefusal(parseReleaseDate('2026.13.01.00.00.00'), /month 13/);
      expectRefusal(parseReleaseDate('2026.04.31.00.00.00'), /has 30 days/);
      expectRefusal(parseReleaseDate('2026.04.30.24.00.00'), /24:00:00/);
      expectRefusal(parseReleaseDate('2026.4.30.10.00.00'), /YYYY\.MM\.DD\.HH\.MM\.SS/);
    });

    it('formats a moment in UTC whatever the local zone', () => {
      assert.equal(formatReleaseDate(new Date(Date.UTC(2024, 8, 9, 5, 40, 20))), '2024.09.09.05.40.20');
    });
  });

  describe('git tags', () => {
    it('reads an app git tag and its date', () => {
      const tag = readGitTag(ingestion, 'ingestion_server-2024.09.09.05.40.20');
      assert.ok(tag.ok);
      assert.equal(tag.value.gitTag, 'ingestion_server-2024.09.09.05.40.20');
    });

    it('accepts only the app\'s own tags', () => {
      assert.ok(readGitTag(api, 'api-2025.04.11.13.47.14').ok);
      assert.equal(readGitTag(api, 'frontend-2025.04.11.13.47.14').ok, false);
    });

    it('refuses a git tag with an impossible date', () => {
      expectRefusal(readGitTag(api, 'api-2025.02.30.10.00.00'), /has 28 days/);
    });

    it('gives a release\'s git tag the image tag of the same date', () => {
      const gitTag = readGitTag(api, 'api-2025.04.11.13.47.14');
      assert.ok(gitTag.ok);
      assert.equal(imageTagOfRelease(api, gitTag.value.version), 'rel-2025.04.11.13.47.14');
    });
  });

  describe('image tags', () => {
    it('accepts rel- tags and full commit SHAs', () => {
      const rel = readImageTag(api, 'rel-2023.07.03.17.52.00');
      assert.ok(rel.ok);
      assert.equal(rel.value.kind, 'release');
      const commit = readImageTag(api, '0123456789abcdef0123456789abcdef01234567');
      assert.ok(commit.ok);
      assert.equal(commit.value.kind, 'commit');
    });

    it('refuses latest where a pinned tag is required', () => {
      expectRefusal(readImageTag(api, 'latest'), /moves with every build/);
    });

    it('refuses an abbreviated SHA, saying images carry the full one', () => {
      expectRefusal(readImageTag(api, '0123456'), /full 40-character SHA/);
    });

    it('refuses a git tag given where an image tag belongs', () => {
      expectRefusal(readImageTag(api, 'api-2023.07.03.17.52.00'), /expected rel-YYYY/);
    });

    const hostile: Array<[string, RegExp]> = [
      ['', /empty/],
      ['   ', /blank/],
      ['rel-2023.07.03.17.52.00; rm -rf /', /white space/],
      ['rel-2023.07.03.17.52.00;rm', /character ";"/],
      ['$(id)', /character "\$"/],
      ['`id`', /character "`"/],
      ['rel-2023.07.03.17.52.00&x=1', /character "&"/],
      ['../../etc/passwd', /path separator/],
      ['rel%2Fx', /character "%"/],
      ['rеl-2023.07.03.17.52.00', /non-ASCII/], // Cyrillic "е"
      ['rel-2023.07.03.17.52.00\u0000', /control characters/],
      ['a'.repeat(101), /101 characters long/],
      ['rel-2023.07.03.17.52.00\n', /white space/],
    ];
    for (const [input, pattern] of hostile) {
      it(`refuses hostile input ${JSON.stringify(input.slice(0, 30))}`, () => {
        expectRefusal(readImageTag(api, input), pattern);
      });
    }
  });

  describe('commit SHAs', () => {
    it('accepts short SHAs only when asked', () => {
      assert.ok(parseCommitSha('abc1234', { allowShort: true }).ok);
      expectRefusal(parseCommitSha('abc1234', { allowShort: false }), /40 lower-case/);
      expectRefusal(parseCommitSha('ABC1234', { allowShort: true }), /lower-case hexadecimal/);
    });
  });

  describe('run titles', () => {
    it('finds the image tag in a deployment run title', () => {
      assert.equal(findImageTagIn('Deploy rel-2026.11.02.14.05.33 to production-api')?.text, 'rel-2026.11.02.14.05.33');
    });
    it('finds nothing in a staging run titled with a commit message', () => {
      assert.equal(findImageTagIn('Fix the thing (#4102)'), undefined);
    });
    it('skips an impossible rel- date in a title', () => {
      assert.equal(findImageTagIn('Deploy rel-2026.02.30.00.00.00'), undefined);
    });
    it('reads the tag at the run name\'s place when a title names two: "{run_name} ({tag})" and "Deploy {tag} to {service}"', () => {
      const sha = 'c0ffee0000000000000000000000000000c0ffee';
      assert.equal(findImageTagIn('Hotfix after rel-2026.11.01.09.00.00 broke search (rel-2026.11.02.14.05.33)')?.text, 'rel-2026.11.02.14.05.33');
      assert.equal(findImageTagIn(`Revert ${sha} (rel-2026.11.02.14.05.33)`)?.text, 'rel-2026.11.02.14.05.33');
      assert.equal(findImageTagIn('Deploy rel-2026.11.02.14.05.33 to production-api (after rel-2026.11.01.09.00.00)')?.text, 'rel-2026.11.02.14.05.33');
      assert.equal(findImageTagIn('Deploy rel-2026.11.02.14.05.33 again (rel-2026.11.02.14.05.33)')?.text, 'rel-2026.11.02.14.05.33', 'one tag named twice');
    });
    it('reads no tag out of a longer token that only begins like one', () => {
      assert.equal(findImageTagIn('Deploy rel-2026.11.02.14.05.331 to production-api'), undefined);
      assert.equal(findImageTagIn('Deploy rel-2026.11.02.14.05.33.1 to production-api'), undefined);
      assert.equal(findImageTagIn('Deploy xrel-2026.11.02.14.05.33 to production-api'), undefined);
    });
    it('treats a title naming two tags elsewhere as ambiguous, never the first match', () => {
      assert.equal(findImageTagIn('Roll back rel-2026.11.02.14.05.33 to rel-2026.11.01.09.00.00'), undefined);
      assert.equal(findImageTagIn('rel-2026.11.01.09.00.00 and rel-2026.11.02.14.05.33 (manual)'), undefined);
    });
  });
});
