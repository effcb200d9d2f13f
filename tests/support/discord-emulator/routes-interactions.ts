import { messageBodyProblems, uploadedAttachments } from "./message-body.js";
import { apiError, type Route, type RouteRequest, type RouteResponse } from "./route.js";
import { applyEdit, type InteractionRecord, type StoredMessage } from "./state.js";
import { CallbackSchema, shapeProblems } from "./validator.js";

const LOADING_FLAG = 128;
const WEBHOOK_TOKEN_TTL_MS = 15 * 60_000;

function byToken(req: RouteRequest): InteractionRecord | undefined {
  const id = req.state.tokens.get(req.params.token!);
  return id === undefined ? undefined : req.state.interactions.get(id);
}

function newOriginal(req: RouteRequest, record: InteractionRecord, body: Record<string, unknown>): StoredMessage {
  const channelId = record.channelId ?? "0";
  const message = req.state.createMessage(channelId, body, uploadedAttachments(req, body));
  message.interaction_id = record.id;
  return message;
}

function callback(req: RouteRequest): RouteResponse {
  const record = req.state.interactions.get(req.params.id!);
  if (!record || record.token !== req.params.token) return apiError(404, 10062, "Unknown interaction");
  const body = req.body as { type?: number; data?: Record<string, unknown> };
  record.callbacks.push({ type: body?.type ?? -1, data: body?.data });
  if (record.answered) return apiError(400, 40060, "Interaction has already been acknowledged.");
  if (Date.now() - record.createdAt > req.state.interactionWindowMs) {
    return apiError(404, 10062, "Unknown interaction");
  }
  const shape = shapeProblems(CallbackSchema, body);
  if (shape.length > 0) return req.invalid(shape);
  const type = body.type!;
  // 2 command, 3 component, 4 autocomplete, 5 modal submit (update only when the form came from a message).
  const allowed: Record<number, number[]> = {
    2: [4, 5],
    3: [4, 5, 6, 7],
    4: [8],
    5: record.sourceMessageId ? [4, 5, 6, 7] : [4, 5],
  };
  if (!allowed[record.type]?.includes(type)) {
    return req.invalid([`callback type ${type} is not allowed for interaction type ${record.type}`]);
  }
  if (type === 4 || type === 7) {
    const problems = messageBodyProblems(req, body.data, type === 4);
    if (problems.length > 0) return req.invalid(problems);
  }
  const data = body.data ?? {};
  const source = record.sourceMessageId
    ? req.state.findMessage(record.channelId ?? "", record.sourceMessageId)
    : undefined;
  if (type === 4) record.original = newOriginal(req, record, data);
  if (type === 5) record.original = newOriginal(req, record, { flags: ((data.flags as number) ?? 0) | LOADING_FLAG });
  if (type === 6 || type === 7) record.original = source ?? null;
  if (type === 7 && source) {
    applyEdit(source, data, uploadedAttachments(req, data));
    source.edited_timestamp = new Date().toISOString();
  }
  record.answered = true;
  record.accepted = { type, data: body.data };
  req.notify(record.id);
  if (req.query.with_response !== "true") return { status: 204 };
  const message = record.original;
  return {
    status: 200,
    body: {
      interaction: {
        id: record.id,
        type: record.type,
        response_message_id: message?.id,
        response_message_loading: type === 5,
        response_message_ephemeral: ((message?.flags ?? 0) & 64) === 64,
      },
      resource: { type, ...(message && type !== 8 ? { message } : {}) },
    },
  };
}

function webhookTarget(req: RouteRequest): { record: InteractionRecord; message: StoredMessage } | RouteResponse {
  const record = byToken(req);
  if (!record || req.params.app !== req.state.appId) return apiError(404, 10015, "Unknown Webhook");
  if (Date.now() - record.createdAt > WEBHOOK_TOKEN_TTL_MS) return apiError(401, 50027, "Invalid Webhook Token");
  const mid = req.params.message!;
  const message =
    mid === "@original"
      ? record.original
      : [...req.state.messages.values()].flat().find((m) => m.id === mid && m.interaction_id === record.id);
  if (!message) return apiError(404, 10008, "Unknown Message");
  return { record, message };
}

/** Interaction routes: the callback, the original response and follow-ups. */
export const interactionRoutes: Route[] = [
  { method: "POST", template: "/interactions/:id/:token/callback", authenticated: false, handle: callback },
  {
    method: "GET",
    template: "/webhooks/:app/:token/messages/:message",
    authenticated: false,
    major: "token",
    handle(req) {
      const target = webhookTarget(req);
      return "status" in target ? target : { status: 200, body: target.message };
    },
  },
  {
    method: "PATCH",
    template: "/webhooks/:app/:token/messages/:message",
    authenticated: false,
    major: "token",
    handle(req) {
      const target = webhookTarget(req);
      if ("status" in target) return target;
      const problems = messageBodyProblems(req, req.body, false);
      if (problems.length > 0) return req.invalid(problems);
      const { record, message } = target;
      applyEdit(message, req.body as Record<string, unknown>, uploadedAttachments(req));
      message.flags &= ~LOADING_FLAG;
      message.edited_timestamp = new Date().toISOString();
      record.edits.push(req.body);
      req.notify(record.id);
      return { status: 200, body: message };
    },
  },
  {
    method: "DELETE",
    template: "/webhooks/:app/:token/messages/:message",
    authenticated: false,
    major: "token",
    handle(req) {
      const target = webhookTarget(req);
      if ("status" in target) return target;
      const list = req.state.messages.get(target.message.channel_id) ?? [];
      list.splice(list.indexOf(target.message), 1);
      return { status: 204 };
    },
  },
  {
    method: "POST",
    template: "/webhooks/:app/:token",
    authenticated: false,
    major: "token",
    handle(req) {
      const record = byToken(req);
      if (!record || req.params.app !== req.state.appId) return apiError(404, 10015, "Unknown Webhook");
      if (!record.answered) return apiError(404, 10015, "Unknown Webhook");
      const problems = messageBodyProblems(req, req.body, true);
      if (problems.length > 0) return req.invalid(problems);
      const message = newOriginal(req, record, req.body as Record<string, unknown>);
      record.followups.push(req.body);
      req.notify(record.id);
      return req.query.wait === "true" ? { status: 200, body: message } : { status: 204 };
    },
  },
];
