import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as vscode from 'vscode';
import { api, signInAndLoad, simulatorUrl } from './support';

/**
 * In the extension host, Node's http is patched for the user's proxy (`http.proxySupport`, "override" by
 * default): each request gets an agent of its own without keep-alive, so unless a request asks for it, its
 * connection is closed after one answer and the next request pays a new TCP (and, against GitHub, TLS)
 * handshake. A request that goes direct takes its socket from Node's global agent, where an open
 * connection waits for the next request to the same host and port.
 */
describe('connections to GitHub and the /version endpoints in the extension host', () => {
  it('stay open after a refresh, for the requests that follow (proxy support "override")', async () => {
    assert.equal(vscode.workspace.getConfiguration('http').get('proxySupport'), 'override');
    const deck = await api();
    await signInAndLoad(deck);
    await deck.refresh();
    const { host } = new URL(simulatorUrl());
    const open = Object.entries(http.globalAgent.freeSockets)
      .filter(([name]) => name.startsWith(`${host}:`))
      .reduce((count, [, sockets]) => count + (sockets?.length ?? 0), 0);
    assert.ok(open > 0, 'the refresh\'s connections to the simulator are kept for the next requests');
  });
});
