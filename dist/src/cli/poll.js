import { parseArgs } from "node:util";
import { pollCommand } from "../sources/poll-command.js";
import { UsageError } from "./io.js";
import { openApp } from "./open-app.js";
/** `outage-bot poll [service]`: polls one status page (or all) once, prints what changed, keeps the result. */
export async function poll(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length > 1)
        throw new UsageError('poll takes at most one service, e.g. poll github or poll "google cloud"');
    const app = await openApp(io, { persist: false });
    try {
        const result = await pollCommand({ catalog: app.catalog, poller: app.poller, query: positionals[0] });
        (result.exitCode === 0 ? io.stdout : io.stderr).write(result.text);
        return result.exitCode;
    }
    finally {
        await app.close();
    }
}
//# sourceMappingURL=poll.js.map