/** What `outage-bot start` runs. */
export const START_MODES = ["discord", "console", "service"] as const;
export type StartMode = (typeof START_MODES)[number];

/**
 * The Discord bot when there is a token (unless --console); the console when asked for or when a
 * person is at a terminal; otherwise service mode, as under systemd, Docker or `</dev/null`.
 */
export function startMode(facts: { token: boolean; forceConsole: boolean; interactive: boolean }): StartMode {
  if (facts.forceConsole) return "console";
  if (facts.token) return "discord";
  return facts.interactive ? "console" : "service";
}
