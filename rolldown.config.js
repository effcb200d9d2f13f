// The `outage-bot` executable as production runs it: tsc's dist/src/main.js and what it imports,
// bundled into dist/cli/ (`npm run build`, and `npm install` through `prepare`). Why: `ask` opened
// ~190 files of ours and ~60 of zod's (every zod locale, which the `z` namespace drags in). Node
// compiled each one; the bundle is a few files, with zod shaken to the parts we call.
// Subcommands stay dynamic imports, so each is its own chunk, loaded by the command that runs it.
import { defineConfig } from "rolldown";

/**
 * Packages bundled with our code: zod, whose `z` namespace otherwise loads every locale. The other
 * packages load from node_modules as they were built to (native addons, files found at run time,
 * CommonJS with dynamic requires), and discord.js only when a command that talks to Discord runs.
 */
const BUNDLED = new Set(["zod"]);

/** Whether `id` is a package import that Node resolves at run time rather than the bundle. */
function external(id) {
  if (id.startsWith(".") || id.startsWith("/") || id.startsWith("\0")) return false;
  const name = id.startsWith("@") ? id.split("/").slice(0, 2).join("/") : id.split("/")[0];
  return !BUNDLED.has(name);
}

export default defineConfig({
  input: { "outage-bot": "dist/src/main.js" },
  platform: "node",
  external,
  output: {
    dir: "dist/cli",
    cleanDir: true,
    format: "esm",
    sourcemap: true,
    chunkFileNames: "chunks/[name]-[hash].js",
  },
});
