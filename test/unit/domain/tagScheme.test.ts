import { strict as assert } from 'node:assert';
import { compareReleaseVersions, isPrereleaseVersion, newestVersionFirst } from '../../../src/domain/releaseVersion';
import { findImageTagIn } from '../../../src/domain/runTitle';
import {
  gitTagOf,
  gitTagPrefixOfTemplate,
  imageTagOfRelease,
  mayBeGitTagOf,
  parseTagTemplate,
  readGitTag,
  readImageTag,
  releaseTagsProblems,
  tagSchemeOf,
  type TagScheme,
} from '../../../src/domain/tagScheme';

const SHA = '0123456789abcdef0123456789abcdef01234567';

function scheme(id: string, releaseTags?: { git?: string; image?: string }, gitTagPrefix = `${id}-`): TagScheme {
  return tagSchemeOf({ id, gitTagPrefix, ...(releaseTags !== undefined ? { releaseTags } : {}) });
}

describe('release tag schemes', () => {
  describe('the default: Openverse dates', () => {
    const api = scheme('api');

    it('reads api-{date} git tags and gives rel-{date} image tags, as before', () => {
      const tag = readGitTag(api, 'api-2026.11.20.10.00.00');
      assert.ok(tag.ok);
      assert.equal(tag.value.version.kind, 'date');
      assert.equal(imageTagOfRelease(api, tag.value.version), 'rel-2026.11.20.10.00.00');
      assert.equal(gitTagOf(api, tag.value.version), 'api-2026.11.20.10.00.00');
    });

    it('refuses another app\'s tags and impossible dates', () => {
      assert.match(readGitTag(api, 'frontend-2026.11.20.10.00.00').ok ? '' : 'refused', /refused/);
      const impossible = readGitTag(api, 'api-2026.02.30.10.00.00');
      assert.equal(impossible.ok, false);
      if (!impossible.ok) {
        assert.match(impossible.error, /has 28 days/);
      }
    });
  });

  it('passes over only text that readGitTag refuses (the quick check before parsing each listed release)', () => {
    const schemes = [scheme('api'), scheme('api_v2'), scheme('web', { git: '{app}@{version}', image: '{version}' }), scheme('api', { git: '{app}/v{version}', image: 'v{version}' }), scheme('cli', { git: 'v{version}-cli', image: '{version}' })];
    const texts = ['api-2026.11.20.10.00.00', 'api_v2-2026.11.20.10.00.00', 'api-', 'frontend-2026.11.20.10.00.00', 'web@1.4.2', 'web@', 'api/v2.3.0', 'api/v2.3.0-rc.1', 'v1.2.3-cli', 'v1.2.3', 'api-2026.02.30.10.00.00', ''];
    let passedOver = 0;
    for (const tagScheme of schemes) {
      for (const text of texts) {
        if (!mayBeGitTagOf(tagScheme, text)) {
          passedOver += 1;
          assert.equal(readGitTag(tagScheme, text).ok, false, `${tagScheme.git.text}: ${text}`);
        }
      }
    }
    assert.ok(passedOver > schemes.length * texts.length / 2, 'most of another app\'s tags are passed over');
    // And what it lets through is what readGitTag reads (or refuses with a reason).
    assert.equal(mayBeGitTagOf(scheme('api'), 'api-2026.11.20.10.00.00'), true);
    assert.equal(mayBeGitTagOf(scheme('cli', { git: 'v{version}-cli', image: '{version}' }), 'v1.2.3-cli'), true);
  });

  describe('semantic versions', () => {
    const web = scheme('web', { git: '{app}@{version}', image: '{version}' });
    const api = scheme('api', { git: '{app}/v{version}', image: 'v{version}' });

    it('reads web@1.4.2 and api/v2.3.0 and writes their image tags', () => {
      const webTag = readGitTag(web, 'web@1.4.2');
      assert.ok(webTag.ok);
      assert.equal(imageTagOfRelease(web, webTag.value.version), '1.4.2');
      const apiTag = readGitTag(api, 'api/v2.3.0');
      assert.ok(apiTag.ok);
      assert.equal(imageTagOfRelease(api, apiTag.value.version), 'v2.3.0');
    });

    it('marks pre-releases', () => {
      const rc = readGitTag(web, 'web@1.5.0-rc.1');
      assert.ok(rc.ok);
      assert.equal(isPrereleaseVersion(rc.value.version), true);
      const release = readGitTag(web, 'web@1.5.0');
      assert.ok(release.ok);
      assert.equal(isPrereleaseVersion(release.value.version), false);
      assert.ok((compareReleaseVersions(rc.value.version, release.value.version) ?? 0) < 0);
    });

    it('refuses tags of another app, of another form, or that are no semantic version, saying what it expected', () => {
      for (const [text, pattern] of [
        ['api@1.4.2', /expected web@MAJOR\.MINOR\.PATCH/],
        ['web-1.4.2', /expected web@MAJOR\.MINOR\.PATCH/],
        ['web@v1.4.2', /not a semantic version/],
        ['web@1.4', /not a semantic version/],
        ['web@', /expected web@/],
        ['web@1.4.2 ', /not a git tag name/],
        ['web@1.4.2~1', /not a git tag name/],
      ] as const) {
        const read = readGitTag(web, text);
        assert.equal(read.ok, false, text);
        if (!read.ok) {
          assert.match(read.error, pattern, text);
        }
      }
    });

    it('leaves out of image tags a version whose build metadata Docker tags cannot hold', () => {
      const tag = readGitTag(web, 'web@1.4.2+build.5');
      assert.ok(tag.ok);
      assert.equal(imageTagOfRelease(web, tag.value.version), undefined);
    });

    it('orders thousands of tags newest first by semver precedence, not by text', () => {
      const texts: string[] = [];
      for (let minor = 0; minor < 40; minor += 1) {
        for (let patch = 0; patch < 50; patch += 1) {
          texts.push(`web@1.${minor}.${patch}`);
          if (patch % 10 === 0) {
            texts.push(`web@1.${minor}.${patch}-beta.${patch}`);
          }
        }
      }
      texts.push('api/v9.9.9', 'web-2026.11.20.10.00.00', 'web@garbage');
      const started = Date.now();
      const releases = texts.flatMap((text) => {
        const read = readGitTag(web, text);
        return read.ok ? [read.value] : [];
      });
      releases.sort(newestVersionFirst);
      const elapsed = Date.now() - started;
      assert.equal(releases.length, 2000 + 200);
      assert.equal(releases[0]?.gitTag, 'web@1.39.49');
      assert.equal(releases.at(-1)?.gitTag, 'web@1.0.0-beta.0');
      const at = (tag: string): number => releases.findIndex((release) => release.gitTag === tag);
      assert.ok(at('web@1.10.0') < at('web@1.9.49'), '1.10.0 is newer than 1.9.49');
      assert.equal(at('web@1.10.0-beta.0'), at('web@1.10.0') + 1, 'a pre-release sorts right below its release');
      assert.ok(elapsed < 1000, `2,203 tags read and sorted in ${elapsed} ms`);
    });
  });

  describe('image tags', () => {
    const web = scheme('web', { git: '{app}@{version}', image: 'v{version}' });

    it('reads a release image tag or a full commit SHA; refuses latest, short SHAs and others', () => {
      const release = readImageTag(web, 'v1.4.2');
      assert.ok(release.ok);
      assert.equal(release.value.kind, 'release');
      const commit = readImageTag(web, SHA);
      assert.ok(commit.ok);
      assert.equal(commit.value.kind, 'commit');
      for (const [text, pattern] of [
        ['latest', /moves with every build/],
        ['0123456', /full 40-character SHA/],
        ['rel-2026.11.20.10.00.00', /expected vMAJOR\.MINOR\.PATCH or a 40-character commit SHA/],
        ['v1.4', /not a semantic version/],
        ['v1.4.2;rm', /contains the character ";"/],
      ] as const) {
        const read = readImageTag(web, text);
        assert.equal(read.ok, false, text);
        if (!read.ok) {
          assert.match(read.error, pattern, text);
        }
      }
    });

    it('writes sha-{sha7} and {sha} image tags from the commit the git tag names, and nothing without it', () => {
      const short = scheme('web', { git: '{app}@{version}', image: 'sha-{sha7}' });
      const tag = readGitTag(short, 'web@1.4.2');
      assert.ok(tag.ok);
      assert.equal(imageTagOfRelease(short, tag.value.version, SHA), 'sha-0123456');
      assert.equal(imageTagOfRelease(short, tag.value.version), undefined);
      const full = scheme('web', { git: '{app}@{version}', image: '{sha}' });
      assert.equal(imageTagOfRelease(full, tag.value.version, SHA), SHA);
      const read = readImageTag(short, 'sha-0123456');
      assert.ok(read.ok);
      assert.equal(read.value.kind, 'commit');
    });

    it('finds the scheme\'s image tag in a run title, at its place when two are named', () => {
      assert.equal(findImageTagIn('Deploy v1.4.2 to production', web)?.text, 'v1.4.2');
      assert.equal(findImageTagIn('Deploy v1.5.0-rc.1 to staging', web)?.text, 'v1.5.0-rc.1');
      assert.equal(findImageTagIn('Hotfix after v1.4.1 broke checkout (v1.4.2)', web)?.text, 'v1.4.2');
      assert.equal(findImageTagIn('Deploy xv1.4.2 to production', web), undefined);
      assert.equal(findImageTagIn('Deploy v1.4.2.1 to production', web), undefined);
      assert.equal(findImageTagIn('Deploy rel-2026.11.20.10.00.00 to production', web), undefined);
      assert.equal(findImageTagIn('Deploy rel-2026.11.20.10.00.00 to production')?.text, 'rel-2026.11.20.10.00.00', 'the default scheme');
    });
  });

  describe('templates', () => {
    it('accepts the usual forms', () => {
      for (const git of ['{app}@{version}', '{app}/v{version}', '{app}-v{version}', 'api-{date}', 'v{version}', 'releases/{app}/{version}']) {
        assert.ok(parseTagTemplate(git, 'git', 'web').ok, git);
      }
      for (const image of ['rel-{date}', '{version}', 'v{version}', 'sha-{sha7}', '{sha}', '{app}-{version}']) {
        assert.ok(parseTagTemplate(image, 'image', 'web').ok, image);
      }
    });

    it('refuses invalid templates with the reason', () => {
      for (const [template, kind, pattern] of [
        ['{app}@{semver}', 'git', /\{semver\} is not a placeholder of git tags/],
        ['{app}', 'git', /exactly one of \{date\}, \{version\} \(it holds none\)/],
        ['{date}-{version}', 'git', /it holds \{date\}, \{version\}/],
        ['{app}@{sha}', 'git', /\{sha\} is not a placeholder of git tags/],
        ['{app} {version}', 'git', /character git tags/],
        ['{app}..{version}', 'git', /"\.\."/],
        ['/{version}', 'git', /leading "\/"/],
        ['{version}.lock', 'git', /\.lock/],
        ['{app}@{version}', 'image', /character Docker image tags cannot have/],
        ['-{version}', 'image', /may not start/],
        ['{version}}', 'image', /brace/],
      ] as const) {
        const parsed = parseTagTemplate(template, kind, 'web');
        assert.equal(parsed.ok, false, template);
        if (!parsed.ok) {
          assert.match(parsed.error, pattern, template);
        }
      }
    });

    it('refuses an image tag that cannot be derived from the git tag', () => {
      assert.deepEqual(releaseTagsProblems({ git: '{app}@{version}' }, 'web').map((problem) => problem.field), ['image']);
      assert.match(releaseTagsProblems({ git: '{app}@{version}' }, 'web')[0]?.message ?? '', /default image tag rel-\{date\} cannot be derived/);
      assert.match(releaseTagsProblems({ git: '{app}-{date}', image: '{version}' }, 'web')[0]?.message ?? '', /\{version\} cannot be derived from git tags that hold \{date\}/);
      assert.deepEqual(releaseTagsProblems({ git: '{app}@{version}', image: 'sha-{sha7}' }, 'web'), []);
      assert.deepEqual(releaseTagsProblems({ image: 'v{date}' }, 'web'), []);
    });

    it('names the literal start of the git tags', () => {
      assert.equal(gitTagPrefixOfTemplate('{app}@{version}', 'web'), 'web@');
      assert.equal(gitTagPrefixOfTemplate('{app}/v{version}', 'api'), 'api/v');
      assert.equal(gitTagPrefixOfTemplate('v{version}', 'api'), 'v');
    });
  });
});
