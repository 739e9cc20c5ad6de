import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { Socket } from 'node:net';
import { GitHubClient } from '../../../src/github/client';
import { getSignedInUser } from '../../../src/github/users';
import { DEMO_TOKEN } from '../../simulator/openverseWorld';
import { patchHttpLikeExtensionHost, type PatchedHttp } from '../extensionHostHttp';
import { startFakeServer, type FakeServer } from './fakeServer';

/**
 * GitHub is often 100 ms or more away, and each new connection to api.github.com costs a TCP and a TLS
 * handshake before the first byte of a request: the requests of a refresh reuse the connections the
 * earlier ones opened, in VS Code's extension host too (where Node's http is patched for the user's proxy).
 */
describe('connections to GitHub', () => {
  const servers: FakeServer[] = [];
  let patched: PatchedHttp | undefined;
  beforeEach(() => {
    patched = patchHttpLikeExtensionHost();
  });
  afterEach(async () => {
    patched?.restore();
    http.globalAgent.destroy();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  /** A GitHub API root that answers GET /user and notes the connection (socket) each request came on. */
  async function apiRoot(login: string): Promise<{ server: FakeServer; sockets: Set<Socket>; authorizations: Array<string | undefined> }> {
    const sockets = new Set<Socket>();
    const authorizations: Array<string | undefined> = [];
    const server = await startFakeServer((request, response) => {
      sockets.add(request.socket);
      authorizations.push(request.headers.authorization);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ login }));
    });
    servers.push(server);
    return { server, sockets, authorizations };
  }

  it('sends requests one after the other over one connection', async () => {
    const api = await apiRoot('octocat');
    const client = await GitHubClient.create({ apiUrl: api.server.url, token: DEMO_TOKEN, sleep: () => Promise.resolve() });
    for (let round = 0; round < 3; round += 1) {
      assert.equal((await getSignedInUser(client)).login, 'octocat');
    }
    assert.equal(api.server.requests.length, 3);
    assert.equal(patched?.requests, 3, 'through the http module VS Code patches for the user\'s proxy');
    assert.equal(api.sockets.size, 1, 'one connection for the three requests');
  });

  it('keeps the connections of two API roots apart: each token only ever reaches its own host and port', async () => {
    const first = await apiRoot('first');
    const second = await apiRoot('second');
    const firstClient = await GitHubClient.create({ apiUrl: first.server.url, token: 'rd_token_of_the_first', sleep: () => Promise.resolve() });
    const secondClient = await GitHubClient.create({ apiUrl: second.server.url, token: 'rd_token_of_the_second', sleep: () => Promise.resolve() });
    for (let round = 0; round < 2; round += 1) {
      assert.equal((await getSignedInUser(firstClient)).login, 'first');
      assert.equal((await getSignedInUser(secondClient)).login, 'second');
    }
    assert.deepEqual(first.authorizations, ['token rd_token_of_the_first', 'token rd_token_of_the_first']);
    assert.deepEqual(second.authorizations, ['token rd_token_of_the_second', 'token rd_token_of_the_second']);
    assert.equal(first.sockets.size, 1);
    assert.equal(second.sockets.size, 1);
  });
});
