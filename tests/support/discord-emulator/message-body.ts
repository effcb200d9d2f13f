import type { RouteRequest } from "./route.js";
import { snowflake } from "./snowflake.js";
import type { StoredMessage } from "./state.js";
import { MessageBodySchema, messageProblems, shapeProblems } from "./validator.js";

/** Problems with a message body the bot sent (shape, limits, attachments). */
export function messageBodyProblems(req: RouteRequest, raw: unknown, requireSomething: boolean): string[] {
  const shape = shapeProblems(MessageBodySchema, raw);
  if (shape.length > 0) return shape;
  const body = MessageBodySchema.parse(raw);
  return messageProblems(
    body,
    req.files.map((f) => f.name),
    requireSomething,
  );
}

/** The attachments a multipart request carries, with their descriptions from `attachments`. */
export function uploadedAttachments(req: RouteRequest, raw: unknown = req.body): StoredMessage["attachments"] {
  const declared = (raw as { attachments?: { id: unknown; description?: string }[] } | null)?.attachments ?? [];
  return req.files.map((f, i) => {
    const index = Number(/\[(\d+)\]/.exec(f.field)?.[1] ?? i);
    const description = declared.find((a) => Number(a.id) === index)?.description;
    return {
      id: snowflake(),
      filename: f.name,
      size: f.size,
      content_type: f.contentType,
      ...(description ? { description } : {}),
    };
  });
}
