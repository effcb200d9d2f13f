import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type ContextMenuCommandInteraction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Invocation, OptionValues } from "../../commands/context.js";

type CommandLike = ChatInputCommandInteraction | ContextMenuCommandInteraction | AutocompleteInteraction;
type AnyInteraction = CommandLike | MessageComponentInteraction | ModalSubmitInteraction;

/** Values picked in a select menu, or the text fields of a submitted form, in order. */
function componentValues(interaction: MessageComponentInteraction | ModalSubmitInteraction): string[] {
  if (interaction.isModalSubmit()) {
    return interaction.fields.fields
      .map((f) => ("value" in f && typeof f.value === "string" ? f.value : ""))
      .filter(Boolean);
  }
  return interaction.isAnySelectMenu() ? [...interaction.values] : [];
}

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
  const component = interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction : null;
  const command = component ? null : (interaction as CommandLike);
  const { subcommand, options } = command ? flatten(command.options.data) : { subcommand: "", options: {} };
  return {
    // A component carries no command name: its custom id says which handler answers it.
    ...(command ? { command: command.commandName } : { values: componentValues(component!) }),
    subcommand,
    options,
    user: { id: interaction.user.id, locale: interaction.locale ?? null },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    memberPermissions: interaction.memberPermissions?.bitfield ?? null,
  };
}
