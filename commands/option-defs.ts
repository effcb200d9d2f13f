import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandStringOption,
  APIApplicationCommandSubcommandOption,
} from "discord-api-types/v10";
import { ApplicationCommandOptionType } from "./discord-api.js";

/** A subcommand definition from its name, description and options. */
export function subcommandDef(
  name: string,
  description: string,
  options: APIApplicationCommandBasicOption[],
): APIApplicationCommandSubcommandOption {
  return { type: ApplicationCommandOptionType.Subcommand, name, description, options };
}

/** The `service` option: free text with autocomplete (ids, names, aliases). */
export function serviceDef(
  required: boolean,
  description = "Service, by name or alias",
): APIApplicationCommandStringOption {
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
export function regionDef(description = "Country or region (code, name or alias)"): APIApplicationCommandBasicOption {
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
export function choicesDef(
  name: string,
  description: string,
  choices: readonly { name: string; value: string }[],
  required = false,
): APIApplicationCommandBasicOption {
  return { type: ApplicationCommandOptionType.String, name, description, required, choices: [...choices] };
}
