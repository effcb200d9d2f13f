// A TCP proxy in front of a real server (Redis in the stop tests), so a test can make the network
// path go silent for one process under test, and only for it: `freeze()` stops moving bytes both
// ways while every connection stays open, as a partition or a hung peer looks from the client.
import { connect, createServer, type Socket } from "node:net";

export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1). */
  port: number;
  /** From now on nothing passes either way, on open and new connections alike; nothing is closed. */
  freeze(): void;
  /** Resolves once a client has sent bytes the frozen proxy holds (a command now waiting forever). */
  held(): Promise<void>;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1 and forwards each connection to `host:port`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const clients = new Set<Socket>();
  let frozen = false;
  let noticeHeld: () => void = () => undefined;
  const heldOnce = new Promise<void>((resolve) => {
    noticeHeld = resolve;
  });
  const hold = (socket: Socket) => {
    socket.unpipe();
    socket.pause();
    // A 'readable' listener keeps the socket paused and says when bytes wait in it, unread.
    if (clients.has(socket)) socket.once("readable", () => noticeHeld());
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    clients.add(client);
    client.on("close", () => clients.delete(client));
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      // A test's teardown destroys sockets mid-stream; that is not an error worth reporting.
      socket.on("error", () => socket.destroy());
    }
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    if (frozen) {
      hold(client);
      hold(upstream);
      return;
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no TCP address");
  return {
    port: address.port,
    freeze() {
      frozen = true;
      for (const socket of sockets) hold(socket);
    },
    held: () => heldOnce,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
