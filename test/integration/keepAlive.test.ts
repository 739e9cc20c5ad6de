import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as vscode from 'vscode';
import { api, signInAndLoad } from './support';

/** A request as Node keeps it: `agent` is the one it was given (VS Code's, or Node's global agent). */
type Sent = http.ClientRequest & { readonly agent?: unknown };

interface Pool {
  addRequest(request: Sent, options: unknown): void;
}

/**
 * In the extension host, Node's http is patched for the user's proxy (`http.proxySupport`, "override" by
 * default): each request gets an agent of its own (@vscode/proxy-agent's PacProxyAgent) without keep-alive,
 * so unless a request asks for it, its connection is closed after one answer and the next request pays a
 * new TCP (and, against GitHub, TLS) handshake. A request that goes direct takes its socket from Node's
 * global agent, which keeps the connection for the next request to the same host and port when the request
 * asked for keep-alive.
 */
describe('connections to GitHub and the /version endpoints in the extension host', () => {
  it('go through VS Code\'s proxy agent and are kept open for the requests that follow (proxy support "override")', async () => {
    assert.equal(vscode.workspace.getConfiguration('http').get('proxySupport'), 'override');
    const deck = await api();
    await signInAndLoad(deck);
    const pool = http.globalAgent as unknown as Pool;
    const direct: Sent[] = [];
    const addRequest = pool.addRequest.bind(pool);
    pool.addRequest = (request, options) => {
      direct.push(request);
      addRequest(request, options);
    };
    try {
      await deck.refresh();
    } finally {
      delete (pool as Partial<Pool>).addRequest;
    }
    const said = (requests: Sent[]): string => requests.map((request) => `${request.path} (keep-alive: ${String(request.shouldKeepAlive)}, own agent: ${String(request.agent !== http.globalAgent)})`).join(', ');
    const gitHub = direct.filter((request) => !request.path.startsWith('/live/'));
    const probes = direct.filter((request) => request.path.startsWith('/live/'));
    assert.ok(gitHub.length > 0 && probes.length > 0, said(direct));
    assert.ok(direct.every((request) => request.agent !== http.globalAgent), `each through VS Code's proxy agent: ${said(direct)}`);
    assert.ok(direct.every((request) => request.shouldKeepAlive), `each asks to keep its connection: ${said(direct)}`);
  });
});
