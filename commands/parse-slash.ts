import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { OptionValues } from "./context.js";
import { ApplicationCommandOptionType } from "./discord-api.js";
import { UserError } from "./errors.js";
import { tokenize } from "./slash-tokens.js";

/** A typed-out slash command, parsed against the command definitions. */
export interface SlashInvocation {
  command: string;
  subcommand: string;
  options: OptionValues;
}

function usage(command: string, sub: APIApplicationCommandOption): string {
  const options = "options" in sub && sub.options ? (sub.options as APIApplicationCommandBasicOption[]) : [];
  const parts = options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return `/${command} ${sub.name}${parts.length ? ` ${parts.join(" ")}` : ""}`;
}

function mentionId(value: string): string {
  return /^<(?:@[!&]?|#)(\d+)>$/.exec(value)?.[1] ?? value;
}

function coerce(option: APIApplicationCommandBasicOption, raw: string, where: string): string | number | boolean {
  if ("choices" in option && option.choices && option.choices.length > 0) {
    const lower = raw.toLowerCase();
    const choice = option.choices.find(
      (c) => String(c.value).toLowerCase() === lower || c.name.toLowerCase() === lower,
    );
    if (!choice) {
      const values = option.choices.map((c) => String(c.value)).join(", ");
      throw new UserError(`\`${option.name}\` must be one of ${values} (got ${JSON.stringify(raw)}). ${where}`);
    }
    return choice.value;
  }
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(raw);
      const ok =
        raw.trim() !== "" &&
        Number.isFinite(n) &&
        (option.type === ApplicationCommandOptionType.Number || Number.isInteger(n));
      if (!ok)
        throw new UserError(
          `\`${option.name}\` must be a ${option.type === ApplicationCommandOptionType.Integer ? "whole number" : "number"} (got ${JSON.stringify(raw)}). ${where}`,
        );
      return n;
    }
    case ApplicationCommandOptionType.Boolean: {
      const lower = raw.toLowerCase();
      if (["true", "yes", "on", "1"].includes(lower)) return true;
      if (["false", "no", "off", "0"].includes(lower)) return false;
      throw new UserError(`\`${option.name}\` must be true or false (got ${JSON.stringify(raw)}). ${where}`);
    }
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable:
      return mentionId(raw);
    case ApplicationCommandOptionType.Attachment:
      throw new UserError(`\`${option.name}\` takes a file, which a typed command cannot attach. ${where}`);
    default:
      return raw;
  }
}

/**
 * Parses `/outage regions twitter 6h` or `/outage status service:"google cloud"` against the
 * command definitions. Positional values fill options in definition order; `name:value` sets one
 * by name. Throws a UserError saying what is wrong and how the command is used.
 */
export function parseSlash(
  text: string,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): SlashInvocation {
  const tokens = tokenize(text.trim());
  const head = tokens.shift();
  const names = definitions.map((d) => `/${d.name}`).join(", ");
  if (!head || head.name !== null) throw new UserError(`Type a command, such as ${names || "/outage status"}.`);
  const commandName = head.text.replace(/^\//, "").toLowerCase();
  const command = definitions.find((d) => d.name === commandName);
  if (!command) throw new UserError(`Unknown command \`/${commandName}\`. Known: ${names}.`);
  const subs = (command.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const list = subs.map((s) => s.name).join(", ");
  const subToken = tokens.shift();
  if (!subToken || subToken.name !== null) throw new UserError(`Say which \`/${command.name}\` command: ${list}.`);
  const sub = subs.find((s) => s.name === subToken.text.toLowerCase());
  if (!sub)
    throw new UserError(`Unknown subcommand \`${subToken.text}\` of \`/${command.name}\`. Try one of: ${list}.`);
  const where = `Usage: \`${usage(command.name, sub)}\``;
  const defs = (sub.options ?? []) as APIApplicationCommandBasicOption[];
  const options: OptionValues = {};
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.name === null) {
      positional.push(token.text);
      continue;
    }
    const def = defs.find((d) => d.name === token.name);
    if (!def) {
      const known = defs.map((d) => d.name).join(", ") || "no options";
      throw new UserError(
        `\`/${command.name} ${sub.name}\` has no option \`${token.name}\` (it takes: ${known}). ${where}`,
      );
    }
    if (options[def.name] !== undefined) throw new UserError(`\`${def.name}\` is given twice. ${where}`);
    options[def.name] = coerce(def, token.text, where);
  }
  const free = defs.filter((d) => options[d.name] === undefined);
  if (positional.length > free.length) {
    const extra = positional.slice(free.length).join(" ");
    throw new UserError(
      `Too many values: ${JSON.stringify(extra)} is left over (quote values with spaces, e.g. service:"google cloud"). ${where}`,
    );
  }
  positional.forEach((value, index) => {
    const def = free[index]!;
    options[def.name] = coerce(def, value, where);
  });
  const missing = defs.filter((d) => d.required && options[d.name] === undefined).map((d) => d.name);
  if (missing.length > 0) throw new UserError(`Missing ${missing.map((m) => `\`${m}\``).join(", ")}. ${where}`);
  return { command: command.name, subcommand: sub.name, options };
}
