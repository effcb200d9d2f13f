import { randomUUID } from "node:crypto";
import { readBody } from "./body.js";
import { INTERACTION_TYPES, InteractionSchema, toInvocation } from "./interaction-schema.js";
import { interactionResponse } from "./reply-payload.js";
import { HttpError, sendJson, sendText } from "./respond.js";
/** Interaction response types (Discord's InteractionResponseType). */
const RESPONSE = { pong: 1, message: 4, autocomplete: 8, updateMessage: 7 };
/**
 * `POST /interactions`: Discord's HTTP interactions endpoint. The Ed25519 signature is checked over
 * the timestamp and the raw body bytes before anything is parsed; commands, autocomplete and
 * buttons go to the same handlers as the gateway.
 */
export const postInteraction = async (req, res, deps) => {
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
    let interaction;
    try {
        const parsed = InteractionSchema.safeParse(JSON.parse(raw.toString("utf8")));
        if (!parsed.success)
            throw new Error(parsed.error.issues[0]?.message);
        interaction = parsed.data;
    }
    catch {
        throw new HttpError(400, "invalid_interaction", "the interaction payload is not one outage-bot understands");
    }
    if (interaction.type === INTERACTION_TYPES.ping) {
        sendJson(res, 200, { type: RESPONSE.pong });
        return;
    }
    const { invocation, focused } = toInvocation(interaction);
    switch (interaction.type) {
        case INTERACTION_TYPES.command: {
            const reply = await timed(deps, invocation.subcommand, () => deps.commands.handleCommand(invocation, deps.ctx));
            await send(res, RESPONSE.message, reply);
            return;
        }
        case INTERACTION_TYPES.autocomplete: {
            const choices = await deps.commands
                .handleAutocomplete(invocation, focused?.name ?? "", deps.ctx)
                .catch((err) => {
                deps.logger.error({ err }, "autocomplete failed");
                return [];
            });
            sendJson(res, 200, { type: RESPONSE.autocomplete, data: { choices: choices.slice(0, 25) } });
            return;
        }
        case INTERACTION_TYPES.component:
        case INTERACTION_TYPES.modal: {
            const customId = interaction.data?.custom_id ?? "";
            const name = `button:${customId.split(":")[1] ?? "?"}`;
            const reply = await timed(deps, name, () => deps.commands.handleButton(customId, invocation, deps.ctx));
            // A refresh rewrites the message the button sits on, and a private menu becomes its private
            // answer; other private answers (a receipt) and forms opened by a command are new messages.
            const onMessage = interaction.message !== undefined;
            const privateSource = ((interaction.message?.flags ?? 0) & 64) === 64;
            const update = onMessage && (!reply.ephemeral || privateSource);
            await send(res, update ? RESPONSE.updateMessage : RESPONSE.message, reply);
            return;
        }
        default:
            throw new HttpError(400, "unsupported_interaction", `interaction type ${interaction.type} is not handled`);
    }
};
function header(value) {
    return Array.isArray(value) ? value[0] : value;
}
async function send(res, type, reply) {
    const { contentType, body } = await interactionResponse(type, reply);
    sendText(res, 200, body, { "content-type": contentType });
}
/** Runs a handler with metrics; a throw becomes an ephemeral apology with an error id, never a 500. */
async function timed(deps, name, run) {
    const end = deps.metrics.commandDuration.startTimer({ name });
    try {
        const reply = await run();
        deps.metrics.commands.inc({ name, transport: "http", outcome: "ok" });
        return reply;
    }
    catch (err) {
        const errorId = randomUUID().slice(0, 8);
        deps.logger.error({ err, command: name, errorId }, "interaction handler failed");
        deps.metrics.commands.inc({ name, transport: "http", outcome: "error" });
        return { content: `Sorry, something went wrong (error id ${errorId}).`, ephemeral: true };
    }
    finally {
        end();
    }
}
//# sourceMappingURL=interactions-route.js.map