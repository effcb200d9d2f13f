import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { ALERT_PERMISSIONS } from "../discord/channel-check.js";
import { UsageError } from "./io.js";
/** The OAuth2 scopes the bot needs: a bot user in the server, and its slash commands. */
export const INVITE_SCOPES = ["bot", "applications.commands"];
/** The permission integer of exactly what alerts need in a channel (what `/outage-alerts subscribe` checks). */
export function invitePermissions() {
    return ALERT_PERMISSIONS.reduce((bits, [bit]) => bits | bit, 0n);
}
/** The OAuth2 URL that adds the bot to a server with INVITE_SCOPES and invitePermissions(). */
export function inviteUrl(appId) {
    const query = new URLSearchParams({
        client_id: appId,
        scope: INVITE_SCOPES.join(" "),
        permissions: String(invitePermissions()),
    });
    return `https://discord.com/oauth2/authorize?${query}`;
}
/** `outage-bot invite`: prints the URL that adds the bot to a server (needs DISCORD_APP_ID). */
export async function invite(args, io) {
    parseArgs({ args, options: {} });
    const config = loadConfig(io.env);
    if (!config.DISCORD_APP_ID) {
        throw new UsageError("invite needs DISCORD_APP_ID (the application id of the Discord developer portal)");
    }
    io.stdout.write(`${inviteUrl(config.DISCORD_APP_ID)}\n`);
    return 0;
}
//# sourceMappingURL=invite.js.map