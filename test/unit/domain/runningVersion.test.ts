import { strict as assert } from 'node:assert';
import type { AppProfile, EnvironmentProfile } from '../../../src/domain/profileTypes';
import { runningVersion, runsNow } from '../../../src/domain/runningVersion';
import type { DeploymentRecord, PublishedRelease } from '../../../src/domain/snapshot';
import { readGitTag, tagSchemeOf } from '../../../src/domain/tagScheme';

/** An app whose images are tagged `sha-{sha7}`, its releases `web@{version}`. */
const APP: AppProfile = { id: 'web', label: 'Web', usesReleases: true, gitTagPrefix: 'web@', releaseTags: { git: '{app}@{version}', image: 'sha-{sha7}' }, images: [], sourceFolders: ['web/'], envFiles: [], environments: [] };
const ENVIRONMENT: EnvironmentProfile = { id: 'production', label: 'Production', production: true, versionUrl: 'https://web.example/version', deployedOnPublish: false, consoleLinks: [], deploy: { kind: 'latest' } };

const RELEASED = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const OTHER = 'a1b2c3dffffffffffffffffffffffffffffffff0';
const UNRELEASED = '0123456789abcdef0123456789abcdef01234567';

function release(sha: string, gitTag: string): PublishedRelease {
  const tag = readGitTag(tagSchemeOf(APP), gitTag);
  assert.ok(tag.ok);
  return { id: 1, name: gitTag, gitTag, imageTag: `sha-${sha.slice(0, 7)}`, version: tag.value.version, prerelease: false, publishedAt: '2026-11-01T00:00:00Z', htmlUrl: '', body: '', commitSha: sha };
}

const RELEASES = [release(RELEASED, 'web@1.4.2')];
const CONTEXT = { facts: { mainCommits: [UNRELEASED, RELEASED].map((sha) => ({ sha, message: `commit ${sha.slice(0, 4)}`, author: 'ana', date: '2026-11-01T00:00:00Z' })) }, commitIndex: new Map([[UNRELEASED, 0], [RELEASED, 1]]) };

function answering(release: string) {
  return runningVersion(APP, ENVIRONMENT, { kind: 'answered', release, environment: '' }, undefined, RELEASES, CONTEXT as never);
}

function deployed(imageTag: string): DeploymentRecord {
  return { runId: 1, runUrl: '', title: `Deploy ${imageTag} to production`, imageTag, status: 'completed', conclusion: 'success', startedAt: '', updatedAt: '', actor: 'ana', event: 'workflow_dispatch' };
}

describe('what runs, with {sha7} image tags', () => {
  it('/version answering a full SHA is the release whose sha-{sha7} image it is, and its deployment by either tag runs now', () => {
    const { running } = answering(RELEASED);
    assert.equal(running?.release?.gitTag, 'web@1.4.2');
    assert.equal(running.imageTag, `sha-${RELEASED.slice(0, 7)}`);
    assert.ok(runsNow(deployed(`sha-${RELEASED.slice(0, 7)}`), running, APP));
    assert.ok(runsNow(deployed(RELEASED), running, APP), 'the same image by its 40-character SHA tag');
    assert.ok(!runsNow(deployed(`sha-${UNRELEASED.slice(0, 7)}`), running, APP));
  });

  it('/version answering a sha-{sha7} image tag or an abbreviated SHA is matched to its commit by prefix', () => {
    const byImage = answering(`sha-${RELEASED.slice(0, 7)}`);
    assert.equal(byImage.problem, undefined);
    assert.equal(byImage.running?.sha, RELEASED);
    assert.equal(byImage.running.release?.gitTag, 'web@1.4.2');
    const unreleased = answering(UNRELEASED.slice(0, 10));
    assert.equal(unreleased.running?.sha, UNRELEASED, 'a commit of main, by its first 10 characters');
    assert.equal(unreleased.running.release, undefined);
    assert.ok(runsNow(deployed(UNRELEASED), unreleased.running, APP));
    assert.ok(runsNow(deployed(`sha-${UNRELEASED.slice(0, 7)}`), unreleased.running, APP));
  });

  it('never matches a prefix shorter than 7 characters or one two commits share', () => {
    assert.match(answering(RELEASED.slice(0, 6)).problem ?? '', /neither a commit SHA nor an image tag/);
    const ambiguous = runningVersion(APP, ENVIRONMENT, { kind: 'answered', release: `sha-${RELEASED.slice(0, 7)}`, environment: '' }, undefined, RELEASES, {
      facts: { mainCommits: [RELEASED, OTHER].map((sha) => ({ sha, message: 'x', author: 'ana', date: '2026-11-01T00:00:00Z' })) },
      commitIndex: new Map([[RELEASED, 0], [OTHER, 1]]),
    } as never);
    assert.equal(ambiguous.running?.sha, undefined, 'two commits start with a1b2c3d: which one runs cannot be told');
    assert.match(ambiguous.problem ?? '', /a1b2c3d.*2 commits/);
    assert.ok(!runsNow(deployed(`sha-${OTHER.slice(0, 7)}`), { sha: RELEASED, source: 'version endpoint', imageTag: RELEASED }, { ...APP, releaseTags: { git: '{app}@{version}', image: '{version}' } }), 'a 7-character tag is no commit under a {version} template');
  });
});
