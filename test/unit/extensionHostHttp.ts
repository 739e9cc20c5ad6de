import http from 'node:http';
import https from 'node:https';

/**
 * Node's http and https as VS Code's extension host hands them to an extension (`http.proxySupport`
 * "override", the default), reduced to what decides whether a connection is reused. Read from
 * @vscode/proxy-agent 0.32.0 and 0.45.0 (code-server 4.100.3 and 4.139.1, out/index.js createHttpPatch and
 * out/agent.js PacProxyAgent.connect): every request gets a new PacProxyAgent, created without `keepAlive`
 * (left out on purpose: microsoft/vscode#228872, microsoft/vscode-proxy-agent#47), which hands a request
 * that goes DIRECT (no proxy) to the module's global agent. Node's ClientRequest takes keep-alive from the
 * request's own agent, so it sends `Connection: close` and drops the socket after one answer, unless the
 * request asks for keep-alive itself (microsoft/vscode#173861). A request that goes through a proxy gets
 * a tunnel of its own either way; this model leaves proxies out.
 *
 * Like VS Code (its extension host assigns the patched functions onto the CommonJS module objects and
 * never calls `syncBuiltinESMExports`), this leaves the ES module exports alone: code that reads
 * `(await import('node:http')).get` gets Node's own function, past the user's proxy and certificates.
 */
export interface PatchedHttp {
  /** Requests that went through the patched functions. */
  readonly requests: number;
  /** Puts the modules back. */
  restore(): void;
}

export function patchHttpLikeExtensionHost(): PatchedHttp {
  const counter = { requests: 0 };
  const originals = { httpRequest: http.request, httpGet: http.get, httpsRequest: https.request, httpsGet: https.get };
  http.request = withPerRequestAgent(originals.httpRequest, http.globalAgent, counter);
  http.get = withPerRequestAgent(originals.httpGet, http.globalAgent, counter);
  https.request = withPerRequestAgent(originals.httpsRequest, https.globalAgent, counter);
  https.get = withPerRequestAgent(originals.httpsGet, https.globalAgent, counter);
  return {
    get requests() {
      return counter.requests;
    },
    restore: () => {
      http.request = originals.httpRequest;
      http.get = originals.httpGet;
      https.request = originals.httpsRequest;
      https.get = originals.httpsGet;
    },
  };
}

interface Pool {
  addRequest(request: http.ClientRequest, options: unknown): void;
}

/** PacProxyAgent for a DIRECT connection: an agent without keep-alive whose sockets come from the global agent. */
class PerRequestAgent extends http.Agent {
  constructor(private readonly pool: http.Agent) {
    super();
  }

  addRequest(request: http.ClientRequest, options: unknown): void {
    (this.pool as unknown as Pool).addRequest(request, options);
  }
}

type Send = typeof http.request;

function withPerRequestAgent(original: Send, pool: http.Agent, counter: { requests: number }): Send {
  const send = (first: unknown, second?: unknown, third?: unknown): http.ClientRequest => {
    counter.requests += 1;
    const agent = new PerRequestAgent(pool);
    const call = original as (...args: unknown[]) => http.ClientRequest;
    if (typeof first === 'string' || first instanceof URL) {
      return typeof second === 'object' && second !== null ? call(first, { ...second, agent }, third) : call(first, { agent }, second);
    }
    return call({ ...(first as object), agent }, second);
  };
  return send;
}
