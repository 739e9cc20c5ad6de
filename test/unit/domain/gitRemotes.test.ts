import { strict as assert } from 'node:assert';
import { deckWithoutProfile, isOpenverseRemote, parseRemoteUrl, profileRepository, remoteUrlsInGitConfig } from '../../../src/domain/gitRemotes';

describe('git remotes', () => {
  it('reads the repository from every form of remote URL git writes', () => {
    for (const url of [
      'https://github.com/acme/shop.git',
      'https://github.com/acme/shop',
      'https://github.com/acme/shop/',
      'https://user@github.com/acme/shop.git',
      'http://github.com/acme/shop.git',
      'ssh://git@github.com/acme/shop.git',
      'ssh://git@github.com:22/acme/shop.git',
      'git@github.com:acme/shop.git',
      'git@github.com:acme/shop',
      'github.com:acme/shop.git',
      'git://github.com/acme/shop.git',
      'git+ssh://git@github.com/acme/shop.git',
      '  https://GitHub.com/acme/shop.git  ',
    ]) {
      assert.deepEqual(parseRemoteUrl(url), { host: 'github.com', owner: 'acme', name: 'shop' }, url);
    }
  });

  it('reads GitHub Enterprise Server hosts, and names nothing for local paths or other shapes', () => {
    assert.deepEqual(parseRemoteUrl('git@ghe.example.com:platform/deploys.git'), { host: 'ghe.example.com', owner: 'platform', name: 'deploys' });
    for (const url of ['/srv/git/shop.git', '../shop', 'C:\\repos\\shop', 'file:///srv/git/acme/shop.git', 'https://github.com/acme', '', 'not a url', 'https://github.com/acme/sh op.git']) {
      assert.equal(parseRemoteUrl(url), undefined, url);
    }
  });

  it('tells WordPress/openverse in any URL form and letter case, and only it', () => {
    for (const url of ['https://github.com/WordPress/openverse.git', 'git@github.com:wordpress/openverse.git', 'ssh://git@github.com/WordPress/openverse']) {
      const remote = parseRemoteUrl(url);
      assert.ok(remote !== undefined && isOpenverseRemote(remote), url);
    }
    for (const url of ['https://github.com/WordPress/openverse-infrastructure.git', 'https://github.com/someone/openverse.git', 'git@ghe.example.com:WordPress/openverse.git']) {
      const remote = parseRemoteUrl(url);
      assert.ok(remote !== undefined && !isOpenverseRemote(remote), url);
    }
  });

  it('lists the url of each remote section of a git config, and nothing else', () => {
    const config = [
      '[core]',
      '\trepositoryformatversion = 0',
      '\turl = https://github.com/not/a-remote.git',
      '[remote "origin"]',
      '\turl = git@github.com:acme/shop.git',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '; a comment',
      '[remote "upstream"]',
      '\tURL = "https://github.com/WordPress/openverse.git"',
      '[branch "trunk"]',
      '\tremote = origin',
      '[submodule "docs"]',
      '\turl = https://github.com/acme/docs.git',
    ].join('\n');
    assert.deepEqual(remoteUrlsInGitConfig(config), ['git@github.com:acme/shop.git', 'https://github.com/WordPress/openverse.git']);
  });

  describe('the deck without a profile file', () => {
    const shop = { host: 'github.com', owner: 'acme', name: 'shop' };
    const openverse = { host: 'github.com', owner: 'WordPress', name: 'openverse' };

    it('is Openverse\'s for a checkout of WordPress/openverse (any of its folders), else none, naming the repository', () => {
      assert.deepEqual(deckWithoutProfile({ folders: 1, remotes: [openverse], openverseChosen: false }), { kind: 'openverse', because: 'remote' });
      assert.deepEqual(deckWithoutProfile({ folders: 2, remotes: [shop, openverse], openverseChosen: false }), { kind: 'openverse', because: 'remote' });
      assert.deepEqual(deckWithoutProfile({ folders: 1, remotes: [shop], openverseChosen: false }), { kind: 'none', because: 'otherRepository', repository: 'acme/shop' });
    });

    it('prefers a github.com remote to name the repository, and says when there is no remote or no folder', () => {
      assert.deepEqual(deckWithoutProfile({ folders: 1, remotes: [{ host: 'gitlab.com', owner: 'x', name: 'y' }, shop], openverseChosen: false }), { kind: 'none', because: 'otherRepository', repository: 'acme/shop' });
      assert.deepEqual(deckWithoutProfile({ folders: 1, remotes: [], openverseChosen: false }), { kind: 'none', because: 'noRemote' });
      assert.deepEqual(deckWithoutProfile({ folders: 0, remotes: [], openverseChosen: false }), { kind: 'none', because: 'noFolder' });
    });

    it('is Openverse\'s anywhere the user chose the example', () => {
      assert.deepEqual(deckWithoutProfile({ folders: 1, remotes: [shop], openverseChosen: true }), { kind: 'openverse', because: 'chosen' });
      assert.deepEqual(deckWithoutProfile({ folders: 0, remotes: [], openverseChosen: true }), { kind: 'openverse', because: 'chosen' });
    });
  });

  describe('the repository Create Profile reads', () => {
    const remotesOf = (...urls: string[]) => urls.map((url) => parseRemoteUrl(url)).filter((remote) => remote !== undefined);
    const github = 'https://github.com';

    it('is the repository the welcome view names (the first github.com remote), not an upstream remote before it', () => {
      const remotes = remotesOf('git@github.com:me/shop-fork.git', 'https://github.com/acme/shop.git');
      const named = deckWithoutProfile({ folders: 1, remotes, openverseChosen: false });
      assert.deepEqual(profileRepository({ remotes, webUrl: github }), { kind: 'repository', repository: named.kind === 'none' ? named.repository : '', fromRemote: true });
      assert.deepEqual(profileRepository({ remotes: remotesOf('ssh://git@github.com:22/acme/shop.git'), webUrl: github }), { kind: 'repository', repository: 'acme/shop', fromRemote: true });
    });

    it('refuses a remote on another host than the GitHub in use, and a look-alike host', () => {
      assert.deepEqual(profileRepository({ remotes: remotesOf('https://github.evil.example/acme/shop'), webUrl: github }), { kind: 'otherHost', repository: 'acme/shop', host: 'github.evil.example', webHost: 'github.com' });
      assert.deepEqual(profileRepository({ remotes: remotesOf('git@ghe.example.com:platform/shop.git'), webUrl: github }).kind, 'otherHost');
      assert.deepEqual(profileRepository({ remotes: remotesOf('git@github.com:acme/shop.git'), webUrl: 'https://ghe.example.com' }).kind, 'otherHost');
      assert.deepEqual(profileRepository({ remotes: remotesOf('git@ghe.example.com:platform/shop.git'), webUrl: 'https://ghe.example.com' }), { kind: 'repository', repository: 'platform/shop', fromRemote: true });
    });

    it('takes the argument when given, and asks when there is neither argument nor remote', () => {
      assert.deepEqual(profileRepository({ argument: 'acme/other', remotes: remotesOf('git@github.com:acme/shop.git'), webUrl: github }), { kind: 'repository', repository: 'acme/other', fromRemote: false });
      assert.deepEqual(profileRepository({ remotes: [], webUrl: github }), { kind: 'ask' });
    });
  });
});
