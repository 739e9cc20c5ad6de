import { strict as assert } from 'node:assert';
import { GitHubClient, type GitHubClientOptions } from '../../../src/github/client';
import { GitHubError } from '../../../src/github/errors';
import { openverseWorld, DEMO_TOKEN } from '../../simulator/openverseWorld';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import type { World } from '../../simulator/world';

export interface Harness {
  simulator: RunningSimulator;
  client: GitHubClient;
  sleeps: number[];
}

/** A fresh simulator of the Openverse world and a client signed in with the demo token. */
export async function startHarness(options: { world?: World; client?: Partial<GitHubClientOptions> } = {}): Promise<Harness> {
  const simulator = await startSimulator({ world: options.world ?? openverseWorld() });
  const sleeps: number[] = [];
  const client = await GitHubClient.create({
    apiUrl: simulator.url,
    token: DEMO_TOKEN,
    timeoutMs: 2000,
    now: () => simulator.now().getTime(),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...options.client,
  });
  return { simulator, client, sleeps };
}

export async function addFault(simulator: RunningSimulator, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${simulator.url}/_admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (response.status !== 201) {
    throw new Error(`fault refused: ${await response.text()}`);
  }
}

/** The GitHubError a request failed with; fails the test when it succeeded or failed otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<GitHubError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GitHubError, `expected a GitHubError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the request to fail');
}
