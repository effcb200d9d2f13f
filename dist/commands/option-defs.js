import { ApplicationCommandOptionType, } from "discord-api-types/v10";
/** A subcommand definition from its name, description and options. */
export function subcommandDef(name, description, options) {
    return { type: ApplicationCommandOptionType.Subcommand, name, description, options };
}
/** The `service` option: free text with autocomplete (ids, names, aliases). */
export function serviceDef(required, description = "Service, by name or alias") {
    return {
        type: ApplicationCommandOptionType.String,
        name: "service",
        description,
        required,
        autocomplete: true,
        max_length: 100,
    };
}
/** The `region` option: a country by code, name or alias, with autocomplete. */
export function regionDef(description = "Country or region (code, name or alias)") {
    return {
        type: ApplicationCommandOptionType.String,
        name: "region",
        description,
        required: false,
        autocomplete: true,
        max_length: 100,
    };
}
/** A string option with fixed choices. */
export function choicesDef(name, description, choices, required = false) {
    return { type: ApplicationCommandOptionType.String, name, description, required, choices: [...choices] };
}
//# sourceMappingURL=option-defs.js.map