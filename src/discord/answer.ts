import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { Logger } from "pino";
import type { Reply } from "../domain/reply.js";
import { apologyReply, newErrorId } from "./apology.js";
import { renderFirstReply, renderReply } from "./render-reply.js";

/** How an interaction was answered. */
export type AnswerPath = "replied" | "deferred" | "updated" | "deferred-update" | "failed";

const SLOW = Symbol("slow");

function timeout(ms: number): { promise: Promise<typeof SLOW>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<typeof SLOW>((resolve) => {
    timer = setTimeout(() => resolve(SLOW), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Waits for `work` up to `ms`; returns the reply, or SLOW when it is still running. */
async function within(work: Promise<Reply>, ms: number): Promise<Reply | typeof SLOW> {
  const t = timeout(ms);
  try {
    return await Promise.race([work, t.promise]);
  } finally {
    t.cancel();
  }
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

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

/**
 * Answers a slash command with `work` (which never rejects). A quick reply goes out as is; when the
 * handler is still busy after `deferAfterMs`, the interaction is deferred (ephemeral when the reply is
 * expected to be) and the reply edited in, so Discord's 3 s window is never missed.
 */
export async function answerCommand(
  interaction: ChatInputCommandInteraction,
  work: Promise<Reply>,
  opts: { deferAfterMs: number; ephemeralHint: boolean; logger: Logger },
): Promise<AnswerPath> {
  try {
    const first = await within(work, opts.deferAfterMs);
    if (first !== SLOW) {
      await interaction.reply(renderFirstReply(first));
      return "replied";
    }
    await interaction.deferReply(opts.ephemeralHint ? { flags: MessageFlags.Ephemeral } : {});
    const reply = await work;
    if (reply.ephemeral && !opts.ephemeralHint) {
      // A public "thinking…" cannot become private: remove it and answer privately instead.
      await interaction.deleteReply();
      await interaction.followUp(renderFirstReply(reply));
    } else {
      await interaction.editReply(renderReply(reply));
    }
    return "deferred";
  } catch (error) {
    await rescue(interaction, error, opts.logger);
    return "failed";
  }
}

/**
 * Answers a button click: a public reply replaces the message the button is on (Refresh), an
 * ephemeral one is a new private answer. Slow handlers are deferred the same way as commands.
 */
export async function answerButton(
  interaction: ButtonInteraction,
  work: Promise<Reply>,
  opts: { deferAfterMs: number; updateHint: boolean; logger: Logger },
): Promise<AnswerPath> {
  try {
    const first = await within(work, opts.deferAfterMs);
    if (first !== SLOW) {
      if (first.ephemeral) await interaction.reply(renderFirstReply(first));
      else await interaction.update(renderReply(first));
      return first.ephemeral ? "replied" : "updated";
    }
    if (opts.updateHint) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const reply = await work;
    if (opts.updateHint && reply.ephemeral) await interaction.followUp(renderFirstReply(reply));
    else await interaction.editReply(renderReply(reply));
    return opts.updateHint ? "deferred-update" : "deferred";
  } catch (error) {
    await rescue(interaction, error, opts.logger);
    return "failed";
  }
}
