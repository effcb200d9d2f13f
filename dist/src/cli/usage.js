/** The text of `outage-bot help`. */
export const USAGE = `outage-bot: is it down? Crowd reports and status pages, on Discord and in the terminal.

Usage:
  outage-bot start [--console] [--role all|gateway|worker]
                                        the Discord bot when DISCORD_TOKEN is set; else the terminal console
                                        at a terminal (--console forces it), else service mode (HTTP API,
                                        interactions, poller until SIGTERM); the HTTP API too when HTTP_PORT
                                        is set; --role splits a Redis deployment into gateways and a worker
  outage-bot ask "<slash command>" [--json] [--at <ISO time>]
                                        answer one command from the store, e.g. ask "/outage status x"
  outage-bot ingest <file.ndjson|->     import crowd reports, one JSON object per line ("-" reads stdin)
  outage-bot replay <scenario> [--save] replay a built-in scenario (x-outage, quiet-week) and print its
                                        incidents; --save keeps the replayed state in the store for ask --at
  outage-bot poll [service]             poll official status pages once and print what changed
  outage-bot add-service <url> [--name <name>] [--alias <alias>]… [--category <category>]
                                        find the status page's platform (or feed) and add the service for
                                        everyone; a name or alias already taken is refused
  outage-bot deploy-commands [--guild <id>]
                                        register the /outage command with Discord now (start also does
                                        it when the definitions changed)
  outage-bot invite                     print the URL that adds the bot to a server (needs DISCORD_APP_ID)
  outage-bot exclude guild <id> [--note <text>] | exclude guild --hash <hash> | exclude token <name>
                                        leave a Discord server (or API origin) or an API token out of the
                                        crowd signal; a running bot applies it within seconds
  outage-bot exclude list               list the exclusions kept in the store
  outage-bot include guild <id> | include guild --hash <hash> | include token <name>
                                        count them again
  outage-bot help                       show this text

Configuration comes from environment variables and ./.env (the environment wins; see .env.example);
logs go to stderr (the console's to CONSOLE_LOG_FILE).
Exit codes: 0 done, 1 failed, 2 wrong usage.
`;
//# sourceMappingURL=usage.js.map