import { ApplicationCommandOptionType, } from "discord.js";
/** Values picked in a select menu, or the text fields of a submitted form, in order. */
function componentValues(interaction) {
    if (interaction.isModalSubmit()) {
        return interaction.fields.fields
            .map((f) => ("value" in f && typeof f.value === "string" ? f.value : ""))
            .filter(Boolean);
    }
    return interaction.isAnySelectMenu() ? [...interaction.values] : [];
}
const SUBCOMMAND_TYPES = [
    ApplicationCommandOptionType.Subcommand,
    ApplicationCommandOptionType.SubcommandGroup,
];
/** Flattens `/outage <sub> options…` into the subcommand name and its option values. */
function flatten(data) {
    const sub = data.find((o) => SUBCOMMAND_TYPES.includes(o.type));
    const leaves = sub ? flatten(sub.options ?? []) : null;
    const options = {};
    for (const o of leaves ? [] : data) {
        if (o.value !== undefined && o.value !== null)
            options[o.name] = o.value;
    }
    if (sub && leaves) {
        return { subcommand: leaves.subcommand ? `${sub.name} ${leaves.subcommand}` : sub.name, options: leaves.options };
    }
    return { subcommand: "", options };
}
/** The transport-free Invocation a handler sees, from a live discord.js interaction. */
export function toInvocation(interaction) {
    const component = interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction : null;
    const command = component ? null : interaction;
    const { subcommand, options } = command ? flatten(command.options.data) : { subcommand: "", options: {} };
    return {
        // A component carries no command name: its custom id says which handler answers it.
        ...(command ? { command: command.commandName } : { values: componentValues(component) }),
        subcommand,
        options,
        user: { id: interaction.user.id, locale: interaction.locale ?? null },
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        memberPermissions: interaction.memberPermissions?.bitfield ?? null,
    };
}
//# sourceMappingURL=to-invocation.js.map