import { parseArgs } from "node:util";
import { formatTimeline, getScenario, runReplay, SCENARIOS } from "../aggregator/scenarios/index.js";
import { UsageError } from "./io.js";
import { openApp } from "./open-app.js";
/**
 * `outage-bot replay <scenario> [--save]`: replays a built-in scenario through the aggregator and
 * prints when each incident opened, peaked and closed. With `--save` the replayed state goes into
 * the store (use a separate STORE_URL), so `ask --at` can question any minute of it.
 */
export async function replay(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { save: { type: "boolean", default: false } },
    });
    const name = positionals[0];
    const scenario = name === undefined ? undefined : getScenario(name);
    if (positionals.length !== 1 || scenario === undefined) {
        throw new UsageError(`${name === undefined ? "replay needs a scenario" : `unknown scenario "${name}"`}; try one of: ${SCENARIOS.join(", ")}`);
    }
    if (!values.save) {
        io.stdout.write(`${formatTimeline(runReplay(scenario)).join("\n")}\n`);
        return 0;
    }
    // The app's clock stops at the scenario's end, so saving does not age the replayed day out.
    const app = await openApp(io, { now: () => scenario.end, persist: false });
    try {
        const result = runReplay(scenario, { aggregator: app.aggregator });
        await app.flush();
        io.stdout.write(`${formatTimeline(result).join("\n")}\nSaved to ${app.store.label}.\n`);
        return 0;
    }
    finally {
        await app.close();
    }
}
//# sourceMappingURL=replay.js.map