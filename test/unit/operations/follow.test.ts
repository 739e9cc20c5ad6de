import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wrongEnvironmentWarning } from '../../../src/domain/environmentName';
import { openverseProfile } from '../../../src/domain/openverse';
import { verifyVersion } from '../../../src/operations/follow';

const DEPLOYED = '3f2a9c0d1e2b3c4d5e6f708192a3b4c5d6e7f809';

/** Verification after a deployment reads /version as nginx answers it: `{"release", "environment"}`. */
describe('verifying a deployment through /version', () => {
  let server: Server;
  let url: string;
  let environmentName: string;

  before(async () => {
    server = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ release: DEPLOYED, environment: environmentName }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/version`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const api = openverseProfile().apps.find((app) => app.id === 'api');
  const production = api?.environments.find((environment) => environment.id === 'production');
  const options = {
    timeoutMs: 0,
    sleep: async () => {},
    wrongEnvironment: (name: string) => (api !== undefined && production !== undefined ? wrongEnvironmentWarning(api, production, name) : undefined),
  };

  it('does not take the deployed commit as proof when /version says it is another environment', async () => {
    environmentName = 'staging';
    assert.deepEqual(await verifyVersion(url, DEPLOYED, options), { kind: 'unreachable', reason: 'its /version says it is staging: the URL may point at the wrong environment' });
  });

  it('takes it as proof when it names its own environment, says "local" or nothing', async () => {
    for (const name of ['production', 'local', '']) {
      environmentName = name;
      assert.deepEqual(await verifyVersion(url, DEPLOYED, options), { kind: 'matched', seen: DEPLOYED }, name);
    }
  });
});
