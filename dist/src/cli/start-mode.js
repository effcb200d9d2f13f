/** What `outage-bot start` runs. */
export const START_MODES = ["discord", "console", "service"];
/**
 * The Discord bot when there is a token (unless --console); the console when asked for or when a
 * person is at a terminal; otherwise service mode, as under systemd, Docker or `</dev/null`.
 */
export function startMode(facts) {
    if (facts.forceConsole)
        return "console";
    if (facts.token)
        return "discord";
    return facts.interactive ? "console" : "service";
}
//# sourceMappingURL=start-mode.js.map