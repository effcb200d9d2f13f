import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from "discord.js";
import type { Invocation, OptionValues } from "../../commands/context.js";

type AnyInteraction = ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction;

const SUBCOMMAND_TYPES: readonly ApplicationCommandOptionType[] = [
  ApplicationCommandOptionType.Subcommand,
  ApplicationCommandOptionType.SubcommandGroup,
];

/** Flattens `/outage <sub> options…` into the subcommand name and its option values. */
function flatten(data: readonly CommandInteractionOption[]): { subcommand: string; options: OptionValues } {
  const sub = data.find((o) => SUBCOMMAND_TYPES.includes(o.type));
  const leaves = sub ? flatten(sub.options ?? []) : null;
  const options: OptionValues = {};
  for (const o of leaves ? [] : data) {
    if (o.value !== undefined && o.value !== null) options[o.name] = o.value;
  }
  if (sub && leaves) {
    return { subcommand: leaves.subcommand ? `${sub.name} ${leaves.subcommand}` : sub.name, options: leaves.options };
  }
  return { subcommand: "", options };
}

/** The transport-free Invocation a handler sees, from a live discord.js interaction. */
export function toInvocation(interaction: AnyInteraction): Invocation {
  const { subcommand, options } = interaction.isButton()
    ? { subcommand: "", options: {} }
    : flatten(interaction.options.data);
  return {
    // A button carries no command name: its custom id says which handler answers it.
    ...(interaction.isButton() ? {} : { command: interaction.commandName }),
    subcommand,
    options,
    user: { id: interaction.user.id, locale: interaction.locale ?? null },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    memberPermissions: interaction.memberPermissions?.bitfield ?? null,
  };
}
