import { strict as assert } from 'node:assert';
import type { DeckFacts } from '../../../src/domain/facts';
import { checkedGitHubLink, withCheckedLinks } from '../../../src/domain/githubLinks';

describe('links from GitHub\'s answers', () => {
  const facts: DeckFacts = {
    fetchedAt: '2026-11-12T00:00:00Z',
    releases: [{ id: 1, name: 'r', tagName: 'api-2026.11.12', draft: false, prerelease: false, body: '', htmlUrl: 'javascript:alert(1)', createdAt: '', publishedAt: null, targetCommitish: 'main' }],
    tags: [],
    mainCommits: [{ sha: 'a', message: 'm', author: 'x', date: '', htmlUrl: 'https://github.com/WordPress/openverse/commit/a' }],
    deploymentRuns: [{ id: 2, repo: 'o/r', workflowPath: 'w', displayTitle: 't', event: 'workflow_dispatch', status: 'completed', conclusion: 'success', createdAt: '', updatedAt: '', actor: 'x', htmlUrl: 'https://phishing.example/actions/runs/2', headBranch: 'main', headSha: 'a' }],
    releaseRuns: [{ id: 3, repo: 'o/r', workflowPath: 'w', displayTitle: 't', event: 'release', status: 'completed', conclusion: 'success', createdAt: '', updatedAt: '', actor: 'x', htmlUrl: 'http://127.0.0.1:9/run', headBranch: 'main', headSha: 'a' }],
    versions: {},
  };

  it('keeps only safe links on the web host in force; the others show no link', () => {
    const checked = withCheckedLinks(facts, 'https://github.com');
    assert.equal(checked.releases[0]?.htmlUrl, '', 'a javascript: link is dropped');
    assert.equal(checked.mainCommits[0]?.htmlUrl, 'https://github.com/WordPress/openverse/commit/a');
    assert.equal(checked.deploymentRuns[0]?.htmlUrl, '', 'a link to another host is dropped');
    assert.equal(checked.releaseRuns[0]?.htmlUrl, '', 'a loopback link is not on github.com');
  });

  it('accepts the GitHub Enterprise server\'s own links when it is the web host', () => {
    assert.equal(checkedGitHubLink('https://ghe.example.com/o/r/actions/runs/1', 'https://ghe.example.com'), 'https://ghe.example.com/o/r/actions/runs/1');
    assert.equal(checkedGitHubLink('https://github.com/o/r/actions/runs/1', 'https://ghe.example.com'), '');
  });
});
