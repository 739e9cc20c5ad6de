import { strict as assert } from 'node:assert';
import type { Credential } from '../../../src/auth/credentials';
import type { Endpoint } from '../../../src/domain/endpoint';
import { GitHubClients } from '../../../src/state/gitHubClients';

/** Just enough of vscode.EventEmitter for the clients' listeners, without the editor. */
class Emitter<T> {
  private readonly listeners = new Set<(value: T) => unknown>();
  readonly event = (listener: (value: T) => unknown): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of this.listeners) {
      listener(value);
    }
  }
  get size(): number {
    return this.listeners.size;
  }
}

function ready(apiUrl: string, webUrl = 'https://github.com'): Extract<Endpoint, { kind: 'ready' }> {
  return { kind: 'ready', apiUrl, origin: new URL(apiUrl).origin, webUrl, chosenBy: 'setting', provider: undefined };
}

function world(initial: Endpoint, token: string | undefined) {
  const endpointChanged = new Emitter<Endpoint>();
  const credentialChanged = new Emitter<Credential | undefined>();
  const state = { endpoint: initial, credential: token !== undefined ? ({ token, source: 'token' } as Credential) : undefined };
  const endpoints = {
    get current() {
      return state.endpoint;
    },
    apiUrl: () => (state.endpoint.kind === 'ready' ? state.endpoint.apiUrl : undefined),
    onDidChange: endpointChanged.event,
  };
  const credentials = { current: () => Promise.resolve(state.credential), onDidChange: credentialChanged.event };
  const clients = new GitHubClients(endpoints, credentials, { debug: () => undefined });
  return {
    clients,
    setEndpoint: (endpoint: Endpoint) => {
      state.endpoint = endpoint;
      endpointChanged.fire(endpoint);
    },
    setToken: (next: string | undefined) => {
      state.credential = next !== undefined ? { token: next, source: 'token' } : undefined;
      credentialChanged.fire(state.credential);
    },
    listeners: () => endpointChanged.size + credentialChanged.size,
  };
}

describe('the GitHub clients', () => {
  it('make one client for the API root and credential in force, and keep it (so its ETag cache lasts)', async () => {
    const { clients } = world(ready('https://api.github.com'), 'rd_demo_token_not_a_secret');
    const first = await clients.current();
    assert.ok(first !== undefined);
    assert.equal(first.apiUrl, 'https://api.github.com');
    assert.equal(await clients.current(), first);
    clients.dispose();
  });

  it('make none while no credential is kept or no API root is in force', async () => {
    const signedOut = world(ready('https://api.github.com'), undefined);
    assert.equal(await signedOut.clients.current(), undefined);
    const nowhere = world({ kind: 'invalid', problem: 'not a URL' }, 'rd_demo_token_not_a_secret');
    assert.equal(await nowhere.clients.current(), undefined);
  });

  it('drop the client when the credential changes, even to the same token', async () => {
    const { clients, setToken } = world(ready('https://api.github.com'), 'rd_demo_token_not_a_secret');
    const first = await clients.current();
    setToken('rd_demo_token_not_a_secret');
    const second = await clients.current();
    assert.ok(second !== undefined && second !== first);
    setToken('rd_token_without_workflow_scope');
    const third = await clients.current();
    assert.ok(third !== undefined && third !== second);
  });

  it('keep the client when the endpoint changes but host and links stay, and drop it when they move', async () => {
    const { clients, setEndpoint } = world(ready('https://api.github.com'), 'rd_demo_token_not_a_secret');
    const first = await clients.current();
    setEndpoint({ ...ready('https://api.github.com'), chosenBy: 'default' });
    assert.equal(await clients.current(), first);
    setEndpoint(ready('https://ghe.example.com/api/v3', 'https://ghe.example.com'));
    const other = await clients.current();
    assert.notEqual(other, first);
    assert.equal(other?.apiUrl, 'https://ghe.example.com/api/v3');
  });

  it('stop listening when disposed of', () => {
    const { clients, listeners } = world(ready('https://api.github.com'), 'rd_demo_token_not_a_secret');
    assert.equal(listeners(), 2);
    clients.dispose();
    assert.equal(listeners(), 0);
  });
});
