import { apiError, type Route, type RouteRequest, type RouteResponse } from "./route.js";
import { snowflake } from "./snowflake.js";
import { CommandDefinitionSchema, shapeProblems } from "./validator.js";

function overwrite(req: RouteRequest, guildId: string | null): RouteResponse {
  if (req.params.app !== req.state.appId) return apiError(403, 50001, "Missing Access");
  if (!Array.isArray(req.body)) return req.invalid(["body: expected an array of commands"]);
  if (req.body.length > 100) return req.invalid(["body: more than 100 commands"]);
  const problems = req.body.flatMap((c, i) => shapeProblems(CommandDefinitionSchema, c).map((p) => `[${i}] ${p}`));
  if (problems.length > 0) return req.invalid(problems);
  const stored = req.body.map((c: Record<string, unknown>) => ({
    ...c,
    id: snowflake(),
    application_id: req.state.appId,
    version: snowflake(),
    ...(guildId ? { guild_id: guildId } : {}),
  }));
  if (guildId) req.state.commands.guild.set(guildId, stored);
  else req.state.commands.global = stored;
  return { status: 200, body: stored };
}

/** Application command routes: bulk overwrite and list, global and per guild. */
export const commandRoutes: Route[] = [
  {
    method: "PUT",
    template: "/applications/:app/commands",
    authenticated: true,
    handle: (req) => overwrite(req, null),
  },
  {
    method: "PUT",
    template: "/applications/:app/guilds/:guild/commands",
    authenticated: true,
    major: "guild",
    handle: (req) => overwrite(req, req.params.guild!),
  },
  {
    method: "GET",
    template: "/applications/:app/commands",
    authenticated: true,
    handle: (req) => ({ status: 200, body: req.state.commands.global }),
  },
  {
    method: "GET",
    template: "/applications/:app/guilds/:guild/commands",
    authenticated: true,
    handle: (req) => ({ status: 200, body: req.state.commands.guild.get(req.params.guild!) ?? [] }),
  },
];
