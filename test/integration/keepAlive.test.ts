import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as vscode from 'vscode';
import { api, signInAndLoad } from './support';

/**
 * In the extension host, Node's http is patched for the user's proxy (`http.proxySupport`, "override" by
 * default): each request gets an agent of its own without keep-alive, so unless a request asks for it, its
 * connection is closed after one answer and the next request pays a new TCP (and, against GitHub, TLS)
 * handshake. A request that goes direct takes its socket from Node's global agent, which keeps an open
 * connection for the next request to the same host and port when the request asked for it ('free').
 */
describe('connections to GitHub and the /version endpoints in the extension host', () => {
  it('are kept open after their answers, for the requests that follow (proxy support "override")', async () => {
    assert.equal(vscode.workspace.getConfiguration('http').get('proxySupport'), 'override');
    const deck = await api();
    await signInAndLoad(deck);
    const kept: string[] = [];
    const onFree = (_socket: unknown, options: { path?: unknown } | undefined): void => {
      kept.push(typeof options?.path === 'string' ? options.path : '');
    };
    http.globalAgent.on('free', onFree);
    try {
      await deck.refresh();
    } finally {
      http.globalAgent.off('free', onFree);
    }
    assert.ok(kept.some((path) => path.startsWith('/repos/')), `a GitHub request's connection was kept (kept: ${kept.join(', ') || 'none'})`);
    assert.ok(kept.some((path) => path.startsWith('/live/')), `a /version probe's connection was kept (kept: ${kept.join(', ') || 'none'})`);
  });
});
