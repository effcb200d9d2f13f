// Command handlers for tests: the real ones, with one behaviour swapped (slow, throwing, oversized).
import * as commands from "../../commands/index.js";
import type { CommandHandlers } from "../../commands/runner.js";
import type { Reply } from "../../src/domain/reply.js";

/** The real handlers with `handleCommand` replaced. */
export function withCommand(handleCommand: CommandHandlers["handleCommand"]): CommandHandlers {
  return { ...commands, handleCommand };
}

/** A handler that answers `reply` after `ms`. */
export function slow(ms: number, reply: Reply): CommandHandlers["handleCommand"] {
  return () => new Promise((resolve) => setTimeout(() => resolve(reply), ms));
}
