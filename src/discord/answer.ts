import {
  type ChatInputCommandInteraction,
  type ContextMenuCommandInteraction,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  RateLimitError,
} from "discord.js";
import type { Logger } from "pino";
import { apologyReply, newErrorId } from "../../commands/failure.js";
import type { Reply } from "../domain/reply.js";
import { afterRefusal, deferDelay } from "./deadline.js";
import { renderFirstReply, renderReply } from "./render-reply.js";

/** How an interaction was answered; `missed` when Discord's window closed before any response. */
export type AnswerPath = "replied" | "deferred" | "updated" | "deferred-update" | "failed" | "missed";

/** What every answer needs: when the first response is due, the clock, when to defer. */
export interface AnswerTiming {
  /** Wall-clock ms by which the first response must reach Discord (interactionDeadline). */
  deadline: number;
  now(): number;
  /** Defer when the handler has not answered after this long (capped by the deadline). */
  deferAfterMs: number;
  logger: Logger;
}

const SLOW = Symbol("slow");

/** Waits for `work` up to `ms`; returns the reply, or SLOW when it is still running. */
async function within(work: Promise<Reply>, ms: number): Promise<Reply | typeof SLOW> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof SLOW>((resolve) => {
    timer = setTimeout(() => resolve(SLOW), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

type CommandAnswerable = ChatInputCommandInteraction | ContextMenuCommandInteraction;
type Answerable = CommandAnswerable | MessageComponentInteraction | ModalSubmitInteraction;

/**
 * Sends a first response before the deadline. A 429 (the client rejects rate-limited callbacks
 * instead of waiting them out) is waited for when the retry still lands in time; otherwise this
 * returns "defer" (or "missed" when it was the deferral that was refused).
 */
async function firstResponse(
  send: () => Promise<unknown>,
  deferring: boolean,
  t: AnswerTiming,
): Promise<"sent" | "defer" | "missed"> {
  for (;;) {
    try {
      await send();
      return "sent";
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      const step = afterRefusal({ now: t.now(), deadline: t.deadline, retryAfterMs: error.retryAfter, deferring });
      t.logger.warn(
        { retryAfterMs: error.retryAfter, deferring, next: step.action },
        "interaction response rate limited",
      );
      if (step.action === "defer") return "defer";
      if (step.action === "give-up") return "missed";
      await new Promise((resolve) => setTimeout(resolve, step.ms));
    }
  }
}

/** Answers with an apology when the real answer could not be sent (bad payload, Discord error). */
async function rescue(interaction: Answerable, error: unknown, logger: Logger): Promise<void> {
  const errorId = newErrorId();
  logger.error({ err: error, errorId, interactionId: interaction.id }, "could not send the answer");
  const apology = apologyReply(errorId);
  try {
    if (!interaction.deferred && !interaction.replied) await interaction.reply(renderFirstReply(apology));
    else await interaction.followUp(renderFirstReply(apology));
  } catch (second) {
    logger.error({ err: second, errorId, interactionId: interaction.id }, "could not send the apology either");
  }
}

/** Puts the answer into a deferred response: an edit, or a private follow-up a public deferral cannot become. */
async function finish(interaction: Answerable, reply: Reply, deferredEphemeral: boolean): Promise<void> {
  if (reply.ephemeral && !deferredEphemeral) {
    // A public "thinking…" cannot become private: remove it and answer privately instead.
    await interaction.deleteReply();
    await interaction.followUp(renderFirstReply(reply));
  } else {
    await interaction.editReply(renderReply(reply));
  }
}

/**
 * Answers a slash command with `work` (which never rejects). A quick reply goes out as is; when the
 * handler is still busy near the deadline, or the reply was refused with a `retry_after` that would
 * land after it, the interaction is deferred (ephemeral when the reply is expected to be) and the
 * reply edited in, so Discord's 3 s window is not missed.
 */
export async function answerCommand(
  interaction: CommandAnswerable,
  work: Promise<Reply>,
  opts: AnswerTiming & { ephemeralHint: boolean },
): Promise<AnswerPath> {
  try {
    const wait = deferDelay({ now: opts.now(), deadline: opts.deadline, deferAfterMs: opts.deferAfterMs });
    const first = await within(work, wait);
    if (first !== SLOW) {
      const sent = await firstResponse(() => interaction.reply(renderFirstReply(first)), false, opts);
      if (sent === "sent") return "replied";
      if (sent === "missed") return "missed";
    }
    const ephemeral = first !== SLOW ? first.ephemeral === true : opts.ephemeralHint;
    const deferred = await firstResponse(
      () => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      true,
      opts,
    );
    if (deferred !== "sent") return "missed";
    await finish(interaction, await work, ephemeral);
    return "deferred";
  } catch (error) {
    await rescue(interaction, error, opts.logger);
    return "failed";
  }
}

/**
 * Answers a component (button, select menu) or a submitted form: a public reply replaces the message
 * it is on (Refresh), an ephemeral one is a new private answer. Deferred like commands.
 */
export async function answerComponent(
  interaction: MessageComponentInteraction | ModalSubmitInteraction,
  work: Promise<Reply>,
  opts: AnswerTiming & { updateHint: boolean },
): Promise<AnswerPath> {
  // A form opened by a slash command has no message to update: its answers are new messages.
  const onMessage = interaction.isMessageComponent() || interaction.isFromMessage();
  // A private menu becomes its private answer (the report receipt replaces the problem menu).
  const privateSource = interaction.message?.flags.has(MessageFlags.Ephemeral) ?? false;
  const replaces = (reply: Reply) => onMessage && (!reply.ephemeral || privateSource);
  const update = (reply: Reply) =>
    interaction.isMessageComponent() || interaction.isFromMessage() ? interaction.update(renderReply(reply)) : null;
  try {
    const wait = deferDelay({ now: opts.now(), deadline: opts.deadline, deferAfterMs: opts.deferAfterMs });
    const first = await within(work, wait);
    if (first !== SLOW) {
      const updates = replaces(first);
      const sent = await firstResponse(
        () => (updates ? (update(first) as Promise<unknown>) : interaction.reply(renderFirstReply(first))),
        false,
        opts,
      );
      if (sent === "sent") return updates ? "updated" : "replied";
      if (sent === "missed") return "missed";
    }
    const updating = first !== SLOW ? replaces(first) : onMessage && (opts.updateHint || privateSource);
    const deferred = await firstResponse(
      () =>
        updating && (interaction.isMessageComponent() || interaction.isFromMessage())
          ? interaction.deferUpdate()
          : interaction.deferReply({ flags: MessageFlags.Ephemeral }),
      true,
      opts,
    );
    if (deferred !== "sent") return "missed";
    const reply = await work;
    if (updating && reply.ephemeral && !privateSource) await interaction.followUp(renderFirstReply(reply));
    else await interaction.editReply(renderReply(reply));
    return updating ? "deferred-update" : "deferred";
  } catch (error) {
    await rescue(interaction, error, opts.logger);
    return "failed";
  }
}
