import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A server of the simulator listening on this machine only. */
export interface Listening {
  readonly port: number;
  /** Ends every connection still open (a kept-alive one would hold the server), then the server. */
  readonly close: () => Promise<void>;
}

/** Makes `server` listen on 127.0.0.1, at `port` or (0) any free one. */
export async function listenOnLoopback(server: Server, port = 0): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => {
          resolve();
        });
      }),
  };
}
