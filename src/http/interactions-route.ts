import { snowflakeTime } from "../../commands/snowflake.js";
import { deferDelay, interactionDeadline } from "../discord/deadline.js";
import type { Reply } from "../domain/reply.js";
import { readBody } from "./body.js";
import type { HttpDeps, RouteHandler } from "./deps.js";
import { interactionChecks } from "./interaction-checks.js";
import { INTERACTION_TYPES, type Interaction, InteractionSchema, toInvocation } from "./interaction-schema.js";
import { DISCORD_API, deleteOriginal, editOriginal, followUp } from "./interaction-webhook.js";
import { interactionResponse } from "./reply-payload.js";
import { HttpError, sendJson, sendText } from "./respond.js";

/** Interaction response types (Discord's InteractionResponseType). */
const RESPONSE = { pong: 1, message: 4, deferred: 5, deferredUpdate: 6, updateMessage: 7, autocomplete: 8 } as const;

/**
 * `POST /interactions`: Discord's HTTP interactions endpoint. The Ed25519 signature is checked over
 * the timestamp and the raw body bytes before anything is parsed; commands, autocomplete and
 * buttons go to the same handlers as the gateway.
 */
export const postInteraction: RouteHandler = async (req, res, deps) => {
  if (!deps.verifyInteraction) {
    req.resume();
    throw new HttpError(404, "not_configured", "interactions are off: set DISCORD_PUBLIC_KEY to turn them on");
  }
  const raw = await readBody(req, deps.settings.HTTP_BODY_LIMIT_BYTES);
  const signature = header(req.headers["x-signature-ed25519"]);
  const timestamp = header(req.headers["x-signature-timestamp"]);
  const failure = deps.verifyInteraction(signature, timestamp, raw, deps.ctx.now());
  if (failure) {
    deps.logger.warn({ reason: failure }, "interaction signature refused");
    throw new HttpError(401, failure, "invalid request signature");
  }
  let interaction: Interaction;
  try {
    const parsed = InteractionSchema.safeParse(JSON.parse(raw.toString("utf8")));
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message);
    interaction = parsed.data;
  } catch {
    throw new HttpError(400, "invalid_interaction", "the interaction payload is not one outage-bot understands");
  }
  if (interaction.type === INTERACTION_TYPES.ping) {
    sendJson(res, 200, { type: RESPONSE.pong });
    return;
  }
  const { invocation, focused } = toInvocation(interaction);
  const checks = interactionChecks(interaction);
  switch (interaction.type) {
    case INTERACTION_TYPES.command: {
      const work = deps.runner.command(invocation, "http", checks).then((a) => a.reply);
      const privately = deps.runner.ephemeral(invocation);
      await answer(res, deps, interaction, work, {
        type: () => RESPONSE.message,
        deferral: { type: RESPONSE.deferred, privately },
      });
      return;
    }
    case INTERACTION_TYPES.autocomplete: {
      const choices = await deps.runner.autocomplete(invocation, focused?.name ?? "", checks);
      sendJson(res, 200, { type: RESPONSE.autocomplete, data: { choices } });
      return;
    }
    case INTERACTION_TYPES.component:
    case INTERACTION_TYPES.modal: {
      const customId = interaction.data?.custom_id ?? "";
      const work = deps.runner.button(customId, invocation, "http", checks).then((a) => a.reply);
      // A refresh rewrites the message the button sits on, and a private menu becomes its private
      // answer; other private answers (a receipt) and forms opened by a command are new messages.
      const onMessage = interaction.message !== undefined;
      const privateSource = ((interaction.message?.flags ?? 0) & 64) === 64;
      const refresh = customId.split(":")[1] === "refresh";
      await answer(res, deps, interaction, work, {
        type: (reply) => (onMessage && (!reply.ephemeral || privateSource) ? RESPONSE.updateMessage : RESPONSE.message),
        deferral:
          onMessage && (refresh || privateSource)
            ? { type: RESPONSE.deferredUpdate, privately: privateSource }
            : { type: RESPONSE.deferred, privately: true },
      });
      return;
    }
    default:
      throw new HttpError(400, "unsupported_interaction", `interaction type ${interaction.type} is not handled`);
  }
};

/**
 * Answers within Discord's 3 s window: the reply itself when the handler is quick; otherwise a
 * deferral now, and the reply through the interaction webhook once it is ready. Without the
 * interaction's token (nothing to follow up with) it waits for the reply as before.
 */
async function answer(
  res: Parameters<RouteHandler>[1],
  deps: HttpDeps,
  interaction: Interaction,
  work: Promise<Reply>,
  how: { type: (reply: Reply) => number; deferral: { type: number; privately: boolean } },
): Promise<void> {
  const created = snowflakeTime(interaction.id ?? "") ?? Date.now();
  const now = Date.now();
  const wait = deferDelay({
    now,
    deadline: interactionDeadline(created, now),
    deferAfterMs: deps.interactionDeferAfterMs,
  });
  const hook =
    interaction.application_id && interaction.token
      ? {
          apiUrl: deps.settings.DISCORD_API_URL ?? DISCORD_API,
          applicationId: interaction.application_id,
          token: interaction.token,
        }
      : null;
  const first = hook ? await within(work, wait) : await work;
  if (first !== null) {
    await send(res, how.type(first), first);
    return;
  }
  const { type, privately } = how.deferral;
  sendJson(res, 200, { type, ...(type === RESPONSE.deferred && privately ? { data: { flags: 64 } } : {}) });
  const reply = await work;
  try {
    if (!reply.ephemeral || privately) {
      await editOriginal(hook!, reply);
    } else {
      // A public "thinking…" cannot become private, and a deferred update's original is the public
      // message the component sits on: answer privately in a follow-up instead.
      if (type === RESPONSE.deferred) await deleteOriginal(hook!);
      await followUp(hook!, reply);
    }
  } catch (err) {
    deps.logger.error({ err }, "could not send the answer to a deferred interaction");
  }
}

/** The reply if `work` settles within `ms`, else null (it keeps running). */
async function within(work: Promise<Reply>, ms: number): Promise<Reply | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, ms, null);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function send(res: Parameters<RouteHandler>[1], type: number, reply: Reply): Promise<void> {
  const { contentType, body } = await interactionResponse(type, reply);
  sendText(res, 200, body, { "content-type": contentType });
}
