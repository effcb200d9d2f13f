/** The text of `outage-bot help`. */
export const USAGE = `outage-bot: is it down? Crowd reports and status pages, on Discord and in the terminal.

Usage:
  outage-bot start [--console]          the Discord bot when DISCORD_TOKEN is set, else the terminal console
                                        (--console forces the console); the HTTP API too when HTTP_PORT is set
  outage-bot ask "<slash command>" [--json] [--at <ISO time>]
                                        answer one command from the store, e.g. ask "/outage status x"
  outage-bot ingest <file.ndjson|->     import crowd reports, one JSON object per line ("-" reads stdin)
  outage-bot replay <scenario> [--save] replay a built-in scenario (x-outage, quiet-week) and print its
                                        incidents; --save keeps the replayed state in the store for ask --at
  outage-bot poll [service]             poll official status pages once and print what changed
  outage-bot deploy-commands [--guild <id>]
                                        register the /outage command with Discord now (start also does
                                        it when the definitions changed)
  outage-bot help                       show this text

Configuration comes from environment variables (see .env.example); logs go to stderr.
Exit codes: 0 done, 1 failed, 2 wrong usage.
`;
