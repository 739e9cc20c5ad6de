import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { GitHubError } from '../../../src/github/errors';
import { getSignedInUser } from '../../../src/github/users';
import { DEMO_TOKEN } from '../../simulator/openverseWorld';
import { startFakeServer, type FakeServer } from './fakeServer';

/**
 * A token is kept for one API origin (scheme, host and port). node-fetch, left to follow redirects
 * itself, forwards the Authorization header to the same host name on another port or to a subdomain:
 * the client follows a redirect only when it stays on the API root's origin.
 */
describe('a GitHub answer that redirects', () => {
  const servers: FakeServer[] = [];
  const authorizations: Array<string | undefined> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    authorizations.length = 0;
  });

  const user = JSON.stringify({ login: 'octocat' });

  it('to another port of the same host: not followed, the token is not sent there, and the message names the host', async () => {
    const elsewhere = await startFakeServer((request, response) => {
      authorizations.push(request.headers.authorization);
      response.writeHead(200, { 'content-type': 'application/json' }).end(user);
    });
    servers.push(elsewhere);
    const api = await startFakeServer((_request, response) => {
      response.writeHead(301, { location: `${elsewhere.url}/user` }).end();
    });
    servers.push(api);
    const client = await GitHubClient.create({ apiUrl: api.url, token: DEMO_TOKEN, sleep: () => Promise.resolve() });
    const [result] = await Promise.allSettled([getSignedInUser(client)]);
    assert.equal(result.status, 'rejected');
    const error = result.reason as unknown;
    assert.ok(error instanceof GitHubError, String(error));
    assert.match(error.message, new RegExp(`redirected.*${new URL(elsewhere.url).host.replace(/\./g, '\\.')}`));
    assert.equal(elsewhere.requests.length, 0, 'nothing reached the other origin');
    assert.deepEqual(authorizations, []);
  });

  it('within the API root (a renamed repository): followed, with the token', async () => {
    const api = await startFakeServer((request, response) => {
      if (request.url === '/user') {
        response.writeHead(301, { location: '/user/moved' }).end();
        return;
      }
      authorizations.push(request.headers.authorization);
      response.writeHead(200, { 'content-type': 'application/json' }).end(user);
    });
    servers.push(api);
    const client = await GitHubClient.create({ apiUrl: api.url, token: DEMO_TOKEN, sleep: () => Promise.resolve() });
    const signedIn = await getSignedInUser(client);
    assert.equal(signedIn.login, 'octocat');
    assert.deepEqual(authorizations, [`token ${DEMO_TOKEN}`]);
  });
});
