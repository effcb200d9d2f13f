import { messageBodyProblems, uploadedAttachments } from "./message-body.js";
import { apiError, type Route, type RouteRequest, type RouteResponse } from "./route.js";
import { applyEdit, NONCE_WINDOW_MS } from "./state.js";

/** Discord's answer when a channel is gone or the bot may not use it; null when it may. */
function channelRefusal(req: RouteRequest): RouteResponse | null {
  const id = req.params.channel!;
  const condition = req.state.channelCondition.get(id) ?? "ok";
  const channel = req.state.channels.get(id);
  if (!channel || condition === "deleted") return apiError(404, 10003, "Unknown Channel");
  if (condition === "missing-access" || req.state.removedGuilds.has(channel.guild_id)) {
    return apiError(403, 50001, "Missing Access");
  }
  if (condition === "missing-permissions") return apiError(403, 50013, "Missing Permissions");
  return null;
}

/** Channel routes: read a channel, create and edit messages. */
export const channelRoutes: Route[] = [
  {
    method: "GET",
    template: "/channels/:channel",
    authenticated: true,
    major: "channel",
    handle(req) {
      const refusal = channelRefusal(req);
      // Viewing a channel needs only access; Missing Permissions is about sending.
      if (refusal && (refusal.body as { code: number }).code !== 50013) return refusal;
      return { status: 200, body: req.state.channels.get(req.params.channel!) };
    },
  },
  {
    method: "POST",
    template: "/channels/:channel/messages",
    authenticated: true,
    major: "channel",
    handle(req) {
      const refusal = channelRefusal(req);
      if (refusal) return refusal;
      const problems = messageBodyProblems(req, req.body, true);
      if (problems.length > 0) return req.invalid(problems);
      const body = req.body as Record<string, unknown>;
      // enforce_nonce: a create repeated with the same nonce within minutes returns the first message.
      const nonceKey =
        body.enforce_nonce === true && body.nonce !== undefined ? `${req.params.channel}:${String(body.nonce)}` : null;
      const seen = nonceKey ? req.state.nonces.get(nonceKey) : undefined;
      if (seen && Date.now() - seen.at < NONCE_WINDOW_MS) return { status: 200, body: seen.message };
      const message = req.state.createMessage(req.params.channel!, body, uploadedAttachments(req));
      if (body.nonce !== undefined) message.nonce = body.nonce;
      if (nonceKey) req.state.nonces.set(nonceKey, { message, at: Date.now() });
      return { status: 200, body: message };
    },
  },
  {
    method: "GET",
    template: "/channels/:channel/messages/:message",
    authenticated: true,
    major: "channel",
    handle(req) {
      const refusal = channelRefusal(req);
      if (refusal) return refusal;
      const message = req.state.findMessage(req.params.channel!, req.params.message!);
      return message ? { status: 200, body: message } : apiError(404, 10008, "Unknown Message");
    },
  },
  {
    method: "PATCH",
    template: "/channels/:channel/messages/:message",
    authenticated: true,
    major: "channel",
    handle(req) {
      const refusal = channelRefusal(req);
      if (refusal) return refusal;
      const message = req.state.findMessage(req.params.channel!, req.params.message!);
      if (!message) return apiError(404, 10008, "Unknown Message");
      const problems = messageBodyProblems(req, req.body, false);
      if (problems.length > 0) return req.invalid(problems);
      applyEdit(message, req.body as Record<string, unknown>, uploadedAttachments(req));
      message.edited_timestamp = new Date().toISOString();
      return { status: 200, body: message };
    },
  },
];
