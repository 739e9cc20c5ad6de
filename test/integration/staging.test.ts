import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { COMMANDS } from '../../src/commandIds';
import { admin, quickPickOffers, DEMO_TOKEN, find, loadedDeck, simulatorUrl, withClockMoving, world } from './support';

interface Commit {
  sha: string;
  message: string;
  files?: Array<{ filename: string }>;
}

async function monorepoCommits(): Promise<Commit[]> {
  const monorepo = (await world()).repos[0] as unknown as { commits: Commit[] } | undefined;
  assert.ok(monorepo);
  return monorepo.commits;
}

const changes = (commit: Commit, folder: string): boolean => commit.files?.some((file) => file.filename.startsWith(folder)) === true;

/** What Deploy…'s version picker offers for an environment, read from the real command (the pick is cancelled). */
async function deployPicker(appId: string, environmentId: string): Promise<Array<vscode.QuickPickItem & { imageTag?: string }>> {
  return quickPickOffers<vscode.QuickPickItem & { imageTag?: string }>(() => vscode.commands.executeCommand(COMMANDS.deploy, { appId, environmentId }));
}

describe('staging, deployed by CI with the commit message as run name', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
  });

  it('shows in staging history the commit each run deployed, read from its message title', async () => {
    const apiCommits = (await monorepoCommits()).filter((commit) => changes(commit, 'api/'));
    const target = apiCommits[apiCommits.length - 2];
    assert.ok(target);
    const runName = target.message.split('\n', 1)[0] ?? '';
    // As ci_cd.yml's "Deploy staging API" step does (openverse-facts §1.4): tag = the full SHA, run_name = the message's first line.
    const response = await fetch(`${simulatorUrl()}/repos/WordPress/openverse-infrastructure/dispatches`, {
      method: 'POST',
      headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event_type: 'deploy_staging_api', client_payload: { actor: 'zackkrida', tag: target.sha, run_name: runName } }),
    });
    assert.equal(response.status, 204);
    await admin('clock', { advanceSeconds: 600 });
    await deck.refresh();

    const staging = find(deck.describeDeck(), 'API', 'Staging');
    const newest = find(deck.describeDeck(), 'API', 'Staging history').children[0];
    assert.equal(newest?.label, target.sha, 'the newest deployment is the commit whose first line titles the run');
    assert.match(newest?.tooltip ?? '', new RegExp(runName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(staging.description ?? '', new RegExp(`(?:^|· )${target.sha.slice(0, 7)} `), 'staging runs it (after the state\'s words when behind)');
  });

  it('a push that changes the API: CI builds its image and deploys staging, titled with the message, and the deck shows staging running it', async () => {
    const pushed = (await admin('push', { message: 'Speed up the related media query (#5201)\n\nLonger description.', files: ['api/api/views/media_views.py'] })) as { sha: string };
    // CI + CD builds, pushes the images, then dispatches staging; the deployment runs (openverse-facts §1.4, §1.5).
    await admin('clock', { advanceSeconds: 300 });
    await deck.refresh();
    const newest = find(deck.describeDeck(), 'API', 'Staging history').children[0];
    assert.equal(newest?.label, pushed.sha, 'the newest staging deployment is the pushed commit');
    assert.match(newest?.tooltip ?? '', /Speed up the related media query \(#5201\)/);
    assert.match(find(deck.describeDeck(), 'API', 'Staging').description ?? '', new RegExp(`(?:^|· )${pushed.sha.slice(0, 7)} `), 'staging runs it');
  });

  it('offers for staging only commits that changed the app (an image exists only for those)', async () => {
    const commits = await monorepoCommits();
    const offered = (await deployPicker('api', 'staging')).map((item) => item.imageTag).filter((tag): tag is string => tag !== undefined && /^[0-9a-f]{40}$/.test(tag));
    assert.ok(offered.length > 0, 'commits are offered');
    const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
    for (const sha of offered) {
      const commit = bySha.get(sha);
      assert.ok(commit !== undefined && changes(commit, 'api/'), `${sha.slice(0, 7)} (${commit?.message.split('\n', 1)[0] ?? 'unknown'}) changed the API`);
    }
    const newestFrontendOnly = [...commits].reverse().find((commit) => changes(commit, 'frontend/') && !changes(commit, 'api/'));
    assert.ok(newestFrontendOnly !== undefined && !offered.includes(newestFrontendOnly.sha), 'a commit that changed only the frontend is not offered');
  });

  it('sends a manual deployment\'s reason under the input its workflow file declares for the run name', async () => {
    deck.testing?.answerConfirmations(true);
    try {
      const target = (await monorepoCommits()).filter((commit) => changes(commit, 'api/')).at(-3);
      assert.ok(target);
      const before = deck.testing?.confirmations().length ?? 0;
      await withClockMoving(vscode.commands.executeCommand(COMMANDS.deploy, { appId: 'api', environmentId: 'staging', imageTag: target.sha, reason: 'Check the search fix by hand' }));
      assert.match(deck.testing?.confirmations()[before]?.detail ?? '', /^Reason \(input run_name\): Check the search fix by hand$/m);
      const runs = (await world()).repos.find((repo) => repo.fullName === 'WordPress/openverse-infrastructure')?.runs.filter((run) => run.workflowPath.endsWith('deploy-staging-api.yml')) ?? [];
      const last = runs[runs.length - 1];
      // The profile names no reasonInput: the key is the one deploy-staging-api.yml declares (its description names the run name).
      assert.equal(last?.inputs?.tag, target.sha);
      assert.equal(last.inputs.run_name, `Check the search fix by hand (${target.sha})`);
      await deck.refresh();
      assert.equal(find(deck.describeDeck(), 'API', 'Staging history').children[0]?.label, target.sha, 'the run, titled with the reason, still says what it deployed');
    } finally {
      deck.testing?.answerConfirmations(undefined);
    }
  });
});
