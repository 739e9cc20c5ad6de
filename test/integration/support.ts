import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { COMMANDS } from '../../src/commandIds';
import type { DeckItemView } from '../../src/testingApi';

export const EXTENSION_ID = 'release-deck.release-deck';
export const DEMO_TOKEN = 'rd_demo_token_not_a_secret';

export function simulatorUrl(): string {
  const url = process.env.RELEASE_DECK_SIMULATOR_URL;
  assert.ok(url !== undefined && url !== '', 'RELEASE_DECK_SIMULATOR_URL is set by the harness');
  return url;
}

export async function api(): Promise<ReleaseDeckApi> {
  const extension = vscode.extensions.getExtension<ReleaseDeckApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.isActive ? extension.exports : await extension.activate();
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function admin(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
  const response = await fetch(`${simulatorUrl()}/_admin/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

export function find(items: readonly DeckItemView[], ...labels: string[]): DeckItemView {
  let current: DeckItemView | undefined;
  let level = items;
  for (const label of labels) {
    current = level.find((item) => item.label === label);
    assert.ok(current, `the deck shows "${labels.join(' › ')}" (found ${level.map((item) => item.label).join(', ')})`);
    level = current.children;
  }
  assert.ok(current);
  return current;
}

/** The extension's API with the deck loaded (signing in with the demo token if needed) and fresh. */
export async function loadedDeck(): Promise<ReleaseDeckApi> {
  const deck = await api();
  if (deck.state().snapshot === undefined) {
    await signInAndLoad(deck);
  }
  await deck.refresh();
  return deck;
}

/** Signs in with the demo token through the command, and waits for the deck to load. */
export async function signInAndLoad(deck: ReleaseDeckApi): Promise<void> {
  await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
  await waitFor('the deck to load', () => deck.state().snapshot);
}

/** The simulator's world as the tests read it (the parts they look at). */
export interface WorldView {
  repos: Array<{
    fullName: string;
    commits: Array<{ sha: string; files?: Array<{ filename: string }> }>;
    releases: Array<{ tagName: string; draft: boolean }>;
    runs: Array<{ workflowPath: string; displayTitle: string; headBranch: string; inputs?: Record<string, string> }>;
    pulls: Array<{ head: string; title: string }>;
  }>;
  environments: Array<{ app: string; environment: string; release: string }>;
}

export async function world(): Promise<WorldView> {
  return (await admin('world', undefined, 'GET')) as WorldView;
}

/** Waits for work (a command) while the simulator's clock moves on, as GitHub's runs would in real time. */
export async function withClockMoving<T>(work: Thenable<T>): Promise<T> {
  let done = false;
  const moving = (async () => {
    while (!done) {
      await admin('clock', { advanceSeconds: 5 });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();
  try {
    return await work;
  } finally {
    done = true;
    await moving;
  }
}

/**
 * What a command's quick pick offers, read from the real command: `showQuickPick` is answered with a cancel
 * (so nothing is deployed) and the items it was given are returned.
 */
export async function quickPickOffers<T extends vscode.QuickPickItem = vscode.QuickPickItem>(run: () => Thenable<unknown>): Promise<T[]> {
  const window = vscode.window as { showQuickPick: unknown };
  const original = window.showQuickPick;
  let offered: T[] = [];
  window.showQuickPick = async (items: readonly T[] | Thenable<readonly T[]>) => {
    offered = [...(await items)];
    return undefined;
  };
  try {
    await run();
  } finally {
    window.showQuickPick = original;
  }
  return offered;
}

export const INFRA = 'WordPress/openverse-infrastructure';

/** A deployment started by someone else, straight through GitHub's API (not through Release Deck). */
export async function colleagueDeploys(workflow: string, inputs: Record<string, string>): Promise<number> {
  const response = await fetch(`${simulatorUrl()}/repos/${INFRA}/actions/workflows/${workflow}/dispatches`, {
    method: 'POST',
    headers: { authorization: `token ${DEMO_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ref: 'main', inputs, return_run_details: true }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { workflow_run_id: number }).workflow_run_id;
}

/** The commit an app's `latest` image was built from: its SHA is an image tag of the app's, its title what a staging run is titled with. */
export async function latestBuild(app: string): Promise<{ sha: string; title: string }> {
  const current = (await world()) as Awaited<ReturnType<typeof world>> & { images: Record<string, Record<string, string>> };
  const sha = current.images[app]?.latest;
  const commit = (current.repos[0]?.commits as Array<{ sha: string; message: string }> | undefined)?.find((candidate) => candidate.sha === sha);
  assert.ok(sha !== undefined && commit !== undefined);
  return { sha, title: commit.message.split('\n', 1)[0] ?? '' };
}

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

/** A host the workspace names and the user never chose: it records every request it gets. */
export async function attackerHost(): Promise<{ origin: string; host: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: 'Bad credentials' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    host: `127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => { resolve(); })),
  };
}

/** A file of the first workspace folder. */
export function workspaceFile(...segments: string[]): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return path.join(folder.uri.fsPath, ...segments);
}

/** Writes the workspace's settings file and waits (up to 5 s) for the editor to report the change. */
export async function writeWorkspaceSettings(file: string, text: string): Promise<void> {
  let changed = false;
  const subscription = vscode.workspace.onDidChangeConfiguration(() => {
    changed = true;
  });
  try {
    writeFileSync(file, text);
    await waitFor('the editor to read the settings file', () => changed, 5000).catch(() => undefined);
  } finally {
    subscription.dispose();
  }
}
