import { parseArgs } from "node:util";
import { commandDefinitions, handleCommand, parseSlash } from "../../commands/index.js";
import { renderText } from "../console/index.js";
import { UsageError } from "./io.js";
import { openApp } from "./open-app.js";
/** Parses `--at` as an ISO time with a zone, or says what is expected. */
function parseAt(value) {
    if (value === undefined)
        return undefined;
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
const READ_ONLY_SUBCOMMANDS = new Set([
    "status",
    "regions",
    "incidents",
    "services",
    "subscriptions",
]);
/** `outage-bot ask "<slash command>" [--json] [--at <ISO>]`: answers one command from the store, read-only. */
export async function ask(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: "boolean", default: false }, at: { type: "string" } },
    });
    if (positionals.length !== 1)
        throw new UsageError('ask takes one quoted command, e.g. ask "/outage status x"');
    const at = parseAt(values.at);
    const text = positionals[0] ?? "";
    const line = text.startsWith("/") ? text : `/outage ${text}`;
    // Parse before opening the store so a typo costs nothing.
    const parsed = parseSlash(line, commandDefinitions());
    if (!READ_ONLY_SUBCOMMANDS.has(parsed.subcommand)) {
        throw new UsageError(`ask only asks: /outage ${parsed.subcommand} would change the store. ` +
            `File reports with "outage-bot ingest <file>" or the HTTP API; manage subscriptions in Discord.`);
    }
    const app = await openApp(io, { persist: false, readOnly: true, ...(at === undefined ? {} : { now: () => at }) });
    try {
        const reply = await handleCommand({
            command: parsed.command,
            subcommand: parsed.subcommand,
            options: parsed.options,
            user: { id: "cli", locale: null },
            guildId: null,
            channelId: null,
            memberPermissions: null,
        }, app.context());
        const failed = typeof reply.data === "object" && reply.data !== null && "error" in reply.data;
        if (values.json) {
            io.stdout.write(`${JSON.stringify(reply.data ?? { content: reply.content ?? "" }, null, 2)}\n`);
        }
        else {
            // Relative times ("35 min ago") read against the time asked about, not the wall clock.
            io.stdout.write(renderText(reply, { color: false, now: app.context().now() }));
        }
        return failed ? 1 : 0;
    }
    finally {
        await app.close();
    }
}
//# sourceMappingURL=ask.js.map