import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { commandDefinitions, parseSlash } from "../../commands/index.js";
import { createCommandRunner } from "../../commands/runner.js";
import { renderText } from "../console/render-text.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./io.js";
import { openApp } from "./open-app.js";

/** Parses `--at` as an ISO time with a zone, or says what is expected. */
function parseAt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at)) {
    throw new UsageError(`--at: expected an ISO time such as 2026-11-26T14:05:00Z, got "${value}"`);
  }
  return at;
}

/**
 * What `ask` answers: questions only. `ask` reads the store and never writes it (no report, no
 * subscription, no saved clock), so asking cannot change what the bot says next.
 */
const READ_ONLY_SUBCOMMANDS: ReadonlySet<string> = new Set([
  "status",
  "regions",
  "incidents",
  "services",
  "subscriptions",
]);

/** `outage-bot ask "<slash command>" [--json] [--at <ISO>]`: answers one command from the store, read-only. */
export async function ask(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, at: { type: "string" }, chart: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError('ask takes one quoted command, e.g. ask "/outage status x"');
  const at = parseAt(values.at);
  const text = positionals[0] ?? "";
  const line = text.startsWith("/") ? text : `/outage ${text}`;
  // Parse before opening the store so a typo costs nothing.
  const parsed = parseSlash(line, commandDefinitions());
  if (!READ_ONLY_SUBCOMMANDS.has(parsed.subcommand)) {
    throw new UsageError(
      `ask only asks: /outage ${parsed.subcommand} would change the store. ` +
        `File reports with "outage-bot ingest <file>" or the HTTP API; manage subscriptions in Discord.`,
    );
  }
  const app = await openApp(io, { persist: false, readOnly: true, ...(at === undefined ? {} : { now: () => at }) });
  try {
    // Drawing the picture loads resvg and its fonts and renders the PNG (~70 ms, a quarter of what an
    // answer may take): done only when `--chart` saves it, since a terminal cannot show it.
    const { charts, ...textOnly } = app.context();
    const context = values.chart === undefined ? textOnly : { ...textOnly, charts };
    // Through the one runner, as the console asks: the same errors, apologies and private flags.
    const { reply } = await createCommandRunner({ ctx: context }).command(
      {
        command: parsed.command,
        subcommand: parsed.subcommand,
        options: parsed.options,
        user: { id: "cli", locale: null },
        guildId: null,
        channelId: null,
        memberPermissions: null,
      },
      "console",
    );
    if (values.chart !== undefined) {
      // The very PNG a Discord user gets with this answer.
      const png = reply.files?.find((f) => f.contentType === "image/png");
      if (!png) throw new UsageError(`--chart: this answer has no chart to save`);
      await writeFile(values.chart, png.data);
      io.stderr.write(`Chart saved to ${values.chart}\n`);
    }
    const failed = typeof reply.data === "object" && reply.data !== null && "error" in reply.data;
    if (values.json) {
      io.stdout.write(`${JSON.stringify(reply.data ?? { content: reply.content ?? "" }, null, 2)}\n`);
    } else {
      // Relative times ("35 min ago") read against the time asked about, not the wall clock.
      io.stdout.write(renderText(reply, { color: false, now: context.now() }));
    }
    return failed ? 1 : 0;
  } finally {
    await app.close();
  }
}
