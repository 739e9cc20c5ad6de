/**
 * The header every request to GitHub and to a /version endpoint carries: it asks for the connection to be
 * kept, so the requests of a refresh reuse the ones the earlier requests opened instead of each paying a
 * new TCP and TLS handshake (GitHub is often 100 ms or more away).
 *
 * Why ask instead of leaving it to Node's agent: in VS Code's extension host (`http.proxySupport`
 * "override", the default) every request gets a new proxy agent made without keepAlive (@vscode/proxy-agent's
 * createHttpPatch, left out on purpose: microsoft/vscode#228872), so Node sends `Connection: close` and
 * drops the socket after one answer (microsoft/vscode#173861). With the header, a request that goes DIRECT
 * takes its socket from Node's global agent and gives it back (keepAlive on since Node 19; an idle socket
 * closes after 5 s). That agent pools sockets per host, port and TLS options, so a socket opened for one
 * host only ever carries requests to that host. A request through a proxy still gets a tunnel of its own,
 * with the user's proxy and certificates as before; no agent of Release Deck's own is ever passed.
 */
export const KEEP_ALIVE = { connection: 'keep-alive' } as const;
