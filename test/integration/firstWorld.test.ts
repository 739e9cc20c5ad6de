import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import type { ReleaseDeckApi } from '../../src/extension';
import { ACME_TOKEN, acmeProfileDocument } from '../simulator/acmeWorld';
import { admin, api, find, signInAndLoad, simulatorUrl, waitFor, withClockMoving, world } from './support';

/**
 * The first minute in a repository that is not Openverse: the suite's workspace becomes a checkout of the
 * made-up acme/shop (its .git/config names the remote; the simulator serves that world beside Openverse's),
 * first without a profile, then with the shop's own. Everything is put back afterwards.
 */
describe('a repository that is not Openverse (acme/shop)', () => {
  let deck: ReleaseDeckApi;
  let folder: string;
  let profileFile: string;
  let original: string;

  before(async () => {
    deck = await api();
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspaceFolder);
    folder = workspaceFolder.uri.fsPath;
    profileFile = path.join(folder, '.vscode', 'release-deck.json');
    original = readFileSync(profileFile, 'utf8');
    assert.equal(existsSync(path.join(folder, '.git')), false, 'the suite\'s workspace is no git checkout of its own');
    mkdirSync(path.join(folder, '.git'), { recursive: true });
    writeFileSync(path.join(folder, '.git', 'HEAD'), 'ref: refs/heads/trunk\n');
    writeFileSync(path.join(folder, '.git', 'config'), '[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = git@github.com:acme/shop.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
    deck.testing?.answerConfirmations(true);
  });

  after(async () => {
    deck.testing?.answerConfirmations(undefined);
    rmSync(path.join(folder, '.git'), { recursive: true, force: true });
    writeFileSync(profileFile, original);
    await waitFor('the Openverse profile to be back', () => {
      const profile = deck.state().profile;
      return profile.kind === 'workspace' && profile.profile.name === 'Openverse (simulated)' ? true : undefined;
    });
    await deck.refresh();
    await waitFor('the Openverse deck to be back', () => (deck.describeDeck().length === 5 ? true : undefined));
  });

  /** The shop's own profile in force, signed in, the deck refreshed. */
  async function useShopProfile(): Promise<void> {
    mkdirSync(path.dirname(profileFile), { recursive: true });
    writeFileSync(profileFile, JSON.stringify(acmeProfileDocument(simulatorUrl()), null, 2));
    await waitFor('the shop\'s profile', () => {
      const profile = deck.state().profile;
      return profile.kind === 'workspace' && profile.profile.name === 'Acme Shop (simulated)' ? true : undefined;
    });
    if (deck.state().credential === undefined) {
      await signInAndLoad(deck);
    }
    await deck.refresh();
  }

  it('without a profile never shows Openverse\'s deck, nor asks GitHub about it: the welcome view offers to create one', async () => {
    unlinkSync(profileFile);
    const status = await waitFor('no profile to be in force', () => {
      const profile = deck.state().profile;
      return profile.kind === 'none' && profile.because === 'otherRepository' ? profile : undefined;
    });
    assert.equal(status.repository, 'acme/shop');
    await admin('stats/reset');
    await deck.refresh();
    assert.equal(deck.state().snapshot, undefined, 'no deck is built');
    assert.deepEqual(deck.describeDeck(), [], 'the tree is empty, so its welcome content shows (Create a Profile, Use the Openverse Example, Open Documentation)');
    assert.equal(deck.viewMessage(), undefined, 'no message hides the welcome content');
    const stats = (await admin('stats?log=all', undefined, 'GET')) as { log: Array<{ path: string }> };
    const openverse = stats.log.filter((entry) => /WordPress\/openverse/i.test(entry.path) || entry.path.startsWith('/live/'));
    assert.deepEqual(openverse.map((entry) => entry.path), [], 'no request about Openverse once the profile is gone');
  });

  it('with its own profile shows the shop\'s deck in semantic versions, and a deploy dispatches the image_tag input on trunk', async () => {
    await useShopProfile();
    const items = deck.describeDeck();
    assert.deepEqual(items.map((item) => item.label), ['Web', 'API']);
    assert.match(find(items, 'Web', 'Production').description ?? '', /(?:^|· )1\.4\.2\b/);
    assert.match(find(items, 'Web', 'Staging').description ?? '', /(?:^|· )1\.5\.0-rc\.1 \(pre-release\)/);
    assert.match(find(items, 'API', 'Production').description ?? '', /(?:^|· )v2\.2\.0\b/);
    assert.match(find(items, 'Web').tooltip ?? '', /Git tags: `web@MAJOR\.MINOR\.PATCH` · image tags: `MAJOR\.MINOR\.PATCH`/);

    const before = deck.testing?.confirmations().length ?? 0;
    const runsBefore = (await world()).repos.find((repo) => repo.fullName === 'acme/shop')?.runs.length ?? 0;
    await withClockMoving(vscode.commands.executeCommand(COMMANDS.deploy, { appId: 'web', environmentId: 'staging', imageTag: '1.4.2', reason: 'integration test' }));
    assert.match(deck.testing?.confirmations().slice(before)[0]?.message ?? '', /^Deploy Web staging to 1\.4\.2\?$/);
    const shop = (await world()).repos.find((repo) => repo.fullName === 'acme/shop');
    const dispatched = shop?.runs.slice(runsBefore).filter((run) => run.workflowPath.endsWith('deploy-web-staging.yml') && run.inputs?.image_tag === '1.4.2' && run.headBranch === 'trunk');
    assert.equal(dispatched?.length, 1, 'one run, dispatched on trunk with image_tag');
    assert.equal(dispatched?.[0]?.inputs?.note, 'integration test (1.4.2)', 'the reason in the note input, naming the tag');
    const web = (await world()).environments.find((environment) => environment.app === 'acme_web' && environment.environment === 'staging');
    const tagged = shop?.commits.find((commit) => commit.sha === web?.release);
    assert.ok(tagged, 'web staging runs a commit of the shop');
    await deck.refresh();
    assert.match(find(deck.describeDeck(), 'Web', 'Staging').description ?? '', /(?:^|· )1\.4\.2\b/);
  });

  it('shows a semantic-version app\'s changelog pull request under that app, found by its own tag scheme', async () => {
    // The default changelogBranch, changelog/{gitTag}, with the shop's git tag web@1.5.0-rc.1.
    const opened = (await admin('pull', { repo: 'acme/shop', title: 'Changelog for web@1.5.0-rc.1', branch: 'changelog/web@1.5.0-rc.1', author: 'ana', contents: { 'web/CHANGELOG.md': '## 1.5.0-rc.1\n' } })) as { number: number };
    try {
      await useShopProfile();
      const item = find(deck.describeDeck(), 'Web', `Changelog PR #${opened.number} to review`);
      assert.equal(item.description, 'web@1.5.0-rc.1');
      assert.ok(!find(deck.describeDeck(), 'API').children.some((child) => child.label.startsWith('Changelog PR')), 'not the API\'s');
    } finally {
      // Closed again (GitHub's "Update a pull request"), so the suites after this one see the shop as it was.
      await fetch(`${simulatorUrl()}/repos/acme/shop/pulls/${opened.number}`, { method: 'PATCH', headers: { authorization: `token ${ACME_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ state: 'closed' }) });
    }
  });
});
