import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A bare local HTTP server whose answers a test scripts itself: for what GitHub never sends but a
 * proxy, a broken server or an attacker on the path could (absurd rate-limit headers, a gzip bomb).
 * The simulator models GitHub; this models the hostile world around it.
 */
export interface FakeServer {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFakeServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<FakeServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
