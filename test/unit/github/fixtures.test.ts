import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { asObject, splitRepo, str } from '../../../src/github/parse';
import { getRelease } from '../../../src/github/releases';
import { dispatchWorkflow } from '../../../src/github/workflows';
import { rejection } from './helpers';
import { recordingsOf, repositoryOf, startReplay, type Recording, type Replay } from './replay';

/**
 * The GitHub layer reads answers GitHub really gave (@octokit/fixtures, recorded against api.github.com
 * in July 2022) as it reads the simulator's: the same facts, the same messages. Scenarios used, those
 * whose routes Release Deck shares or whose answers it must understand: get-repository, release-assets
 * (a release), paginate-issues (Link headers), errors and release-assets-conflict (422), branch-protection
 * (404), rename-repository (301 and 307). None records commits, compare, tags, workflow runs, a 401, a
 * 403 or a 304.
 */
describe('recorded GitHub answers (@octokit/fixtures) through the GitHub layer', () => {
  const replays: Replay[] = [];
  afterEach(async () => {
    await Promise.all(replays.splice(0).map((replay) => replay.close()));
  });

  async function clientFor(recordings: readonly Recording[], aliases: Record<string, string> = {}): Promise<{ client: GitHubClient; replay: Replay }> {
    const replay = await startReplay(recordings, { aliases });
    replays.push(replay);
    const client = await GitHubClient.create({ apiUrl: replay.url, token: 'recorded-token', timeoutMs: 2000, sleep: () => Promise.resolve() });
    return { client, replay };
  }

  const context = (action: string) => ({ action, profileField: 'monorepo' });

  it('get-repository: the repository is read, with the rate limit from its real headers and its ETag sent back', async () => {
    const { client, replay } = await clientFor(recordingsOf('get-repository'));
    const params = splitRepo('octokit-fixture-org/hello-world');
    const response = await client.request('GET /repos/{owner}/{repo}', params, context('read the repository'));
    const repository = asObject(response.data, 'repository');
    assert.equal(str(repository, 'full_name'), 'octokit-fixture-org/hello-world');
    assert.equal(str(repository, 'default_branch'), 'master');
    // X-RateLimit-Reset is in epoch seconds: 1658208999 is 2022-07-19 05:36:39 UTC.
    assert.deepEqual(client.stats.rateLimit, { limit: 5000, remaining: 4962, resetAt: new Date('2022-07-19T05:36:39Z') });

    await client.request('GET /repos/{owner}/{repo}', params, context('read the repository'));
    assert.equal(replay.requests[1]?.headers['if-none-match'], '"b6bf76818c02a332828422c6fa78009ad1f08f302c18524af715ed641f004227"');
  });

  it('release-assets: a real release reads as the same facts the deck shows', async () => {
    const recordings = recordingsOf('release-assets');
    const repo = repositoryOf(recordings);
    // GitHub serves one release at two addresses, by id and by tag; the recording read it by tag.
    const { client } = await clientFor(recordings, { [`/repos/${repo}/releases/72286832`]: `/repos/${repo}/releases/tags/v1.0.0` });
    const release = await getRelease(client, repo, 72286832);
    assert.deepEqual(release, {
      id: 72286832,
      name: 'Version 1.0.0',
      tagName: 'v1.0.0',
      draft: false,
      prerelease: false,
      body: 'Initial release',
      htmlUrl: `https://github.com/${repo}/releases/tag/v1.0.0`,
      createdAt: '2022-07-19T04:40:17Z',
      publishedAt: '2022-07-19T04:40:21Z',
      targetCommitish: 'b8b58742c92c098cae4d8c5ea7390d552faba041',
    });
  });

  it('paginate-issues: pages are read until the one whose real Link header has no rel="next"', async () => {
    const recordings = recordingsOf('paginate-issues');
    const repo = repositoryOf(recordings);
    // GitHub's Link header names the repository by id; Release Deck asks for page N on the path it knows.
    const { client, replay } = await clientFor(recordings, { '/repositories/515435940/': `/repos/${repo}/` });
    const pages = await client.requestPages('GET /repos/{owner}/{repo}/issues', splitRepo(repo), context('list the issues'), 8);
    assert.equal(pages.length, 5, 'the fifth page is the last: its Link header names only "prev" and "first"');
    const titles = pages.flatMap((page) => (page.data as Array<{ title: string }>).map((issue) => issue.title));
    assert.deepEqual(titles, Array.from({ length: 13 }, (_, index) => `Test issue ${13 - index}`));
    assert.ok(replay.unmatched.every((line) => /page=[678]\b/.test(line)), `only pages past the last are unrecorded: ${replay.unmatched.join(', ')}`);
  });

  it('errors: a real 422 says which field GitHub refused and why', async () => {
    const recordings = recordingsOf('errors');
    const { client } = await clientFor(recordings);
    const error = await rejection(client.request('POST /repos/{owner}/{repo}/labels', { ...splitRepo(repositoryOf(recordings)), name: 'foo', color: 'invalid' }, context('create a label')));
    assert.equal(error.kind, 'validation');
    assert.equal(error.status, 422);
    assert.equal(error.message, 'GitHub refused the request while trying to create a label (GitHub said: "Validation Failed: color of Label: invalid"). Nothing was changed.');
  });

  it('release-assets-conflict: a real 422 "already_exists" names the field that exists already', async () => {
    const recordings = recordingsOf('release-assets-conflict');
    const repo = repositoryOf(recordings);
    const refused = recordings.findIndex((entry) => entry.status === 422);
    // From the second upload on, when an asset of that name exists.
    const { client } = await clientFor(recordings.slice(refused));
    const error = await rejection(client.request('POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}', { ...splitRepo(repo), release_id: 72286818, name: 'test-upload.txt', label: 'test', data: 'Hello, world!\n', headers: { 'content-type': 'text/plain' } }, context('upload an asset')));
    assert.equal(error.kind, 'validation');
    assert.match(error.message, /GitHub said: "Validation Failed: name of ReleaseAsset: already exists"/);
  });

  it('branch-protection: a real 404 gives the clear not-found message with what GitHub said', async () => {
    const recordings = recordingsOf('branch-protection');
    const { client } = await clientFor(recordings);
    const error = await rejection(client.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', { ...splitRepo(repositoryOf(recordings)), branch: 'main' }, context('read the protection of main')));
    assert.equal(error.kind, 'notFound');
    assert.equal(error.message, 'GitHub answered 404 Not Found while trying to read the protection of main (GitHub said: "Branch not protected"): it does not exist, or the signed-in account cannot see it. Check "monorepo" in the profile.');
  });

  describe('rename-repository: after a repository was renamed', () => {
    async function afterRename(): Promise<{ client: GitHubClient; replay: Replay; repo: string }> {
      const recordings = recordingsOf('rename-repository');
      const repo = repositoryOf(recordings);
      const { client, replay } = await clientFor(recordings.slice(recordings.findIndex((entry) => entry.status === 301)));
      return { client, replay, repo };
    }

    it('a GET of its old name follows the real 301 to the new address, on the API root', async () => {
      const { client, replay, repo } = await afterRename();
      const response = await client.request('GET /repos/{owner}/{repo}', splitRepo(repo), context('read the repository'));
      assert.equal(str(asObject(response.data, 'repository'), 'full_name'), `${repo}-newname`);
      assert.deepEqual(replay.requests.map((request) => request.line), [`GET /repos/${repo}`, 'GET /repositories/515436299']);
    });

    it('a change sent to its old name, answered 307, is an error saying nothing was changed and what to fix, not a success', async () => {
      const { client, replay, repo } = await afterRename();
      const error = await rejection(client.request('PATCH /repos/{owner}/{repo}', { ...splitRepo(repo), name: `${repo.split('/')[1] ?? ''}-newname`, description: 'test description' }, context(`rename ${repo}`)));
      assert.equal(error.kind, 'moved');
      assert.equal(error.status, 307);
      assert.match(error.message, /^GitHub answered 307 \(moved\) while trying to rename .*: what was asked for is now at \S+\/repositories\/515436299, as when a repository is renamed or transferred\. Release Deck does not send a change to another address by itself, so nothing was changed\. Where the profile names this repository \(at "monorepo"\), use the name it has now\.$/);
      assert.equal(replay.requests.length, 1, 'the change is not sent again');
    });

    it('a deployment dispatched to its old name is refused with that message, not taken as accepted', async () => {
      const recordings = recordingsOf('rename-repository');
      const repo = repositoryOf(recordings);
      const moved = recordings.find((entry) => entry.status === 307);
      assert.ok(moved !== undefined);
      // The recorded 307 is GitHub's answer to a write on a renamed repository's old path; here, to a dispatch.
      const { client } = await clientFor([{ ...moved, method: 'POST', path: `/repos/${repo}/actions/workflows/deploy.yml/dispatches` }]);
      // As deploy.ts names it: the field of the workflow, beside the repository's.
      const profileField = 'apps[0].environments[1].deploy.workflow';
      const error = await rejection(dispatchWorkflow(client, { repo, workflow: 'deploy.yml', ref: 'main', inputs: { tag: 'rel-2022.07.19' }, profileField }));
      assert.equal(error.kind, 'moved');
      assert.match(error.message, /nothing was changed\. Where the profile names this repository \(at "apps\[0\]\.environments\[1\]\.deploy\.workflow"\), use the name it has now\./);
    });
  });
});
