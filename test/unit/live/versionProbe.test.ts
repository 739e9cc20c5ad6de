import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { versionReason } from '../../../src/domain/versionFailure';
import { probeVersion } from '../../../src/live/versionProbe';
import { germanL10n } from '../l10n/german';
import { patchHttpLikeExtensionHost } from '../extensionHostHttp';

/** A /version endpoint whose answers each test chooses, as nginx (or a broken proxy in front of it) might give them. */
describe('/version probe', () => {
  let server: Server;
  let base: string;
  let answer: (path: string, response: import('node:http').ServerResponse) => void;
  /** The connections the requests came on. */
  const sockets = new Set<unknown>();

  before(async () => {
    server = createServer((request, response) => {
      sockets.add(request.socket);
      answer(request.url ?? '/', response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads the running commit and the environment', async () => {
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"release": "3f2a9c0d1e2b3c4d5e6f708192a3b4c5d6e7f809", "environment": "production"}');
    };
    assert.deepEqual(await probeVersion(`${base}/version`), { kind: 'answered', release: '3f2a9c0d1e2b3c4d5e6f708192a3b4c5d6e7f809', environment: 'production' });
  });

  it('says why in the person\'s language where the deck shows it, and in English for the log', async () => {
    answer = (_, response) => {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('down');
    };
    const fact = await probeVersion(`${base}/version`);
    assert.equal(fact.kind, 'unreachable');
    assert.ok(fact.kind === 'unreachable');
    assert.equal(fact.reason, 'it answered HTTP 503');
    assert.equal(versionReason(fact, germanL10n()), 'es antwortete mit HTTP 503');
  });

  it('says which HTTP status came back instead of a version', async () => {
    answer = (_, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>Bad Gateway</body></html>');
    };
    assert.deepEqual(await probeVersion(`${base}/version`), { kind: 'unreachable', reason: 'it answered HTTP 502', failure: { code: 'status', status: 502 } });
  });

  it('tells an HTML page and broken JSON apart', async () => {
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!DOCTYPE html><html><body>Sign in</body></html>');
    };
    assert.deepEqual(await probeVersion(`${base}/version`), { kind: 'malformed', reason: 'an HTML page came back instead of JSON', failure: { code: 'html' } });
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"release": "3f2a');
    };
    assert.deepEqual(await probeVersion(`${base}/version`), { kind: 'malformed', reason: 'the answer is not JSON', failure: { code: 'notJson' } });
  });

  it('stops reading an answer far longer than a version and says so', async () => {
    let written = 0;
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      // An endless body: the probe must not wait for its end.
      const timer = setInterval(() => {
        written += 4096;
        response.write(' '.repeat(4096));
      }, 1);
      response.on('close', () => { clearInterval(timer); });
    };
    const fact = await probeVersion(`${base}/version`, { timeoutMs: 2000 });
    assert.equal(fact.kind, 'malformed');
    assert.match(fact.kind === 'malformed' ? fact.reason : '', /more than 8192 bytes long/);
    assert.ok(written < 1024 * 1024, `read ${written} bytes before giving up`);
  });

  it('gives up on a slow endpoint after its time limit, whole answer included', async () => {
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"release": ');
      // The rest never comes.
    };
    const started = Date.now();
    assert.deepEqual(await probeVersion(`${base}/version`, { timeoutMs: 300 }), { kind: 'unreachable', reason: 'no answer within 0.3 s', failure: { code: 'timeout', seconds: 0.3 } });
    assert.ok(Date.now() - started < 2000);
  });

  it('goes through the http module VS Code patches for the user\'s proxy, and asks one environment again over the connection it opened', async () => {
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"release": "3f2a9c0d1e2b3c4d5e6f708192a3b4c5d6e7f809", "environment": "production"}');
    };
    sockets.clear();
    const patched = patchHttpLikeExtensionHost();
    try {
      for (let round = 0; round < 3; round += 1) {
        assert.equal((await probeVersion(`${base}/version`)).kind, 'answered');
      }
    } finally {
      patched.restore();
    }
    assert.equal(patched.requests, 3, 'through the http module VS Code patches for the user\'s proxy and certificates');
    assert.equal(sockets.size, 1, 'one connection for the three probes');
  });

  it('says when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    assert.deepEqual(await probeVersion(`http://127.0.0.1:${port}/version`), { kind: 'unreachable', reason: 'the connection was refused', failure: { code: 'refused' } });
  });
});
