#!/usr/bin/env node
// The executable from the TypeScript sources through tsx's loader: for development and the tests,
// which run what is in src/ without a build. Production runs the compiled dist/cli/outage-bot.js.
import { register } from "tsx/esm/api";

register();
await import("../main.ts");
