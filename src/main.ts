#!/usr/bin/env node
// The `outage-bot` executable as production runs it: compiled, then bundled into
// dist/cli/outage-bot.js by `npm install` (prepare; rolldown.config.js).
import { existsSync } from "node:fs";
import { main } from "./cli/run-cli.js";

// A reader that went away early (`outage-bot ask … | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});
// Settings from ./.env, as .env.example suggests; a variable already in the environment wins.
if (existsSync(".env")) process.loadEnvFile(".env");
const argv = process.argv.slice(2);
const code = await main(argv);
process.exitCode = code;
// `start` has saved and closed what it could within SHUTDOWN_TIMEOUT_MS; a connection a peer never
// closed (a gateway that does not answer the WebSocket close) must not keep the process alive.
if (argv[0] === "start") process.exit(code);
