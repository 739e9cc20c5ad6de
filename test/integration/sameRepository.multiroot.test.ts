import { strict as assert } from 'node:assert';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import type { ReleaseDeckApi } from '../../src/extension';
import { admin, api, DEMO_TOKEN, INFRA, waitFor, world } from './support';

type DeployOutcome = { problem?: string; nothingStarted: boolean; unknownOutcome?: { checkUrl: string } } | undefined;

async function stagingRuns(): Promise<number> {
  return (await world()).repos.find((repo) => repo.fullName === INFRA)?.runs.filter((run) => run.workflowPath.endsWith('deploy-staging-api.yml')).length ?? 0;
}

/**
 * Runs after multiRoot.multiroot.test.ts (file order). A second checkout of the Openverse monorepo is added to
 * the workspace: two folders, one repository, one GitHub. What is held while an action on GitHub is under way
 * (here, a dispatch whose outcome is not known yet) is held for the whole window, not for the folder it came from.
 */
describe('two folders that are checkouts of the same repository', () => {
  let deck: ReleaseDeckApi;
  let copy: vscode.Uri;

  const sections = (): number => deck.describeDeck().filter((section) => section.children.length > 0 && section.children.every((app) => app.children.length > 0)).length;

  before(async () => {
    deck = await api();
    const openverse = vscode.workspace.workspaceFolders?.find((folder) => folder.name === 'openverse');
    assert.ok(openverse, 'the harness opens the Openverse checkout');
    const path = join(dirname(openverse.uri.fsPath), 'openverse-review');
    cpSync(openverse.uri.fsPath, path, { recursive: true });
    copy = vscode.Uri.file(path);
    await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: copy }));
    await waitFor('the second checkout\'s section to load', () => (sections() === count + 1 ? true : undefined), 60_000);
    deck.testing?.answerConfirmations(true);
    await admin('faults', undefined, 'DELETE');
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
  });

  after(async () => {
    deck.testing?.answerConfirmations(undefined);
    await admin('faults', undefined, 'DELETE');
    const index = vscode.workspace.workspaceFolders?.findIndex((folder) => folder.uri.toString() === copy.toString()) ?? -1;
    if (index >= 0) {
      vscode.workspace.updateWorkspaceFolders(index, 1);
    }
    rmSync(copy.fsPath, { recursive: true, force: true });
  });

  it('while a deployment from one is unsettled, the other cannot deploy the same environment: refused before anything is asked or sent', async function () {
    // The lost answer takes the client's time limit (about 30 s) before the look that finds no run yet.
    this.timeout(150_000);
    const openverse = vscode.workspace.workspaceFolders?.find((folder) => folder.name === 'openverse')?.uri.toString();
    const before = await stagingRuns();
    // GitHub creates the run late and the dispatch's answer is lost: whether a deployment started is unknown.
    await admin('faults', { path: '/dispatches$', method: 'POST', kind: 'applyLateThenTimeout', lateSeconds: 30, count: 1 });
    const first = await vscode.commands.executeCommand<DeployOutcome>(COMMANDS.redeploy, { appId: 'api', environmentId: 'staging', section: openverse });
    assert.match(first?.unknownOutcome?.checkUrl ?? '', /deploy-staging-api\.yml$/, first?.problem);
    try {
      // The other checkout's deck shows no run of it yet, nor does GitHub: only the window's guard stands in the way.
      const asked = deck.testing?.confirmations().length ?? 0;
      // Refused at once; a deployment that went on would follow its run while the clock stands still.
      const second = await Promise.race([
        vscode.commands.executeCommand<DeployOutcome>(COMMANDS.redeploy, { appId: 'api', environmentId: 'staging', section: copy.toString() }),
        new Promise<'still deploying'>((resolve) => { setTimeout(() => { resolve('still deploying'); }, 10_000); }),
      ]);
      assert.equal(deck.testing?.confirmations().length, asked, `no confirmation was asked (${deck.testing?.confirmations().slice(asked).map((one) => one.message).join('; ') ?? ''})`);
      assert.equal(second, undefined);
    } finally {
      // GitHub creates the late run; it ends; the decks show it.
      await admin('clock', { advanceSeconds: 30 });
      await deck.refresh();
      await admin('clock', { advanceSeconds: 240 });
      await deck.refresh();
    }
    assert.equal(await stagingRuns(), before + 1, 'one run: the one GitHub created late, none from the second checkout');
  });
});
