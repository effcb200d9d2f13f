import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { deployCommands } from "../discord/index.js";
import { UsageError } from "./io.js";
/** `outage-bot deploy-commands [--guild <id>]`: registers the /outage command with Discord now. */
export async function deploy(args, io) {
    const { values } = parseArgs({ args, options: { guild: { type: "string" } } });
    const config = loadConfig(io.env);
    if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) {
        throw new UsageError("deploy-commands needs DISCORD_TOKEN and DISCORD_APP_ID in the environment");
    }
    if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild)) {
        throw new UsageError(`--guild: expected a Discord guild id (digits), got "${values.guild}"`);
    }
    const result = await deployCommands({
        token: config.DISCORD_TOKEN,
        appId: config.DISCORD_APP_ID,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        ...(values.guild ? { guildId: values.guild } : {}),
    });
    io.stdout.write(`registered ${result.count} command(s) (${result.scope})\n`);
    return 0;
}
//# sourceMappingURL=deploy-commands.js.map