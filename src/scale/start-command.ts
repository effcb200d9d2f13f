import { processStop } from "../cli/io.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../log.js";
import { takeRole } from "./roles.js";
import { RoleSetupError } from "./scale-context.js";

/** Where `start` reads and writes (the CLI's CliIo fits). */
export interface RoleIo {
  env: NodeJS.ProcessEnv;
  stderr: { write(text: string): unknown };
  now: () => number;
  stop?: AbortSignal;
}

type Start<I extends RoleIo> = (args: string[], io: I) => Promise<number>;

/**
 * Wraps `start` with `--role all|gateway|worker`: `all` (the default) is the single-process bot
 * as before; `gateway` and `worker` run the scaled-out roles over Redis (docs/SCALING.md).
 */
export function withRoles<I extends RoleIo>(startAll: Start<I>): Start<I> {
  return async (args, io) => {
    const taken = takeRole(args);
    if ("error" in taken) {
      io.stderr.write(`outage-bot: ${taken.error}\nRun \`outage-bot help\` for usage.\n`);
      return 2;
    }
    if (taken.role === "all") return startAll(taken.rest, io);
    if (taken.rest.length > 0) {
      io.stderr.write(`outage-bot: --role ${taken.role} takes no other options (got ${taken.rest.join(" ")})\n`);
      return 2;
    }
    const config = loadConfig(io.env);
    const logger = createLogger(config);
    const options = { config, logger, now: io.now, stop: io.stop ?? processStop() };
    try {
      if (taken.role === "worker") return await (await import("./run-worker.js")).runWorkerRole(options);
      return await (await import("./run-gateway.js")).runGatewayRole({ ...options, env: io.env });
    } catch (error) {
      if (error instanceof RoleSetupError) {
        io.stderr.write(`outage-bot: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  };
}
