import pkg from "../../package.json" with { type: "json" };

/** Where people running a status page can find out who polls them. */
export const PROJECT_URL = "https://github.com/outage-bot/outage-bot";

/** `User-Agent` of every status page request: names the bot, its version and where to read about it. */
export const USER_AGENT = `outage-bot/${pkg.version} (+${PROJECT_URL})`;
