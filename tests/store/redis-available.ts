import { createConnection } from "node:net";

/** Whether something answers on 127.0.0.1:6379. */
function redisListening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 6379 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(500);
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

/**
 * Whether to run the tests that need the real Redis: always in CI (where they then fail if Redis
 * is down, instead of being skipped), elsewhere when Redis answers.
 */
export async function shouldRunRedisTests(): Promise<boolean> {
  return process.env.CI === "true" || (await redisListening());
}
