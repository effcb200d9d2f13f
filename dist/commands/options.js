import { z } from "zod";
import { PROBLEM_LABELS, PROBLEMS } from "../src/domain/problems.js";
import { UserError } from "./errors.js";
import { quoted } from "./render/echo.js";
const RAW_TEXT = z.string().trim().min(1).max(100);
function quoteList(names) {
    return names.map((name) => `**${name}**`).join(", ");
}
/** The message for a service name the catalog does not know, with suggestions when there are any. */
export function unknownServiceMessage(query, suggestions) {
    const shown = quoted(query);
    const hint = suggestions.length
        ? ` Did you mean ${suggestions.map((s) => `**${s.name}** (\`${s.id}\`)`).join(", ")}?`
        : "";
    return `I don't know a service called ${shown}.${hint} Try \`/outage services\` to see every service I know.`;
}
/** A service option: any id, name or alias; resolves to the catalog entry or fails with suggestions. */
export function serviceOption(catalog) {
    return RAW_TEXT.transform((query, issue) => {
        const service = catalog.resolve(query);
        if (service)
            return service;
        const suggestions = catalog.suggest(query, 5);
        issue.addIssue({
            code: "custom",
            message: unknownServiceMessage(query, suggestions),
            params: { suggestions: suggestions.map((s) => s.id) },
        });
        return z.NEVER;
    });
}
/** A region option: an ISO code, a name or an alias ("UK"); resolves to the ISO code. */
export function regionOption(regions) {
    return RAW_TEXT.transform((query, issue) => {
        const region = regions.resolve(query);
        if (region)
            return region.code;
        const suggestions = regions.suggest(query, 5);
        const hint = suggestions.length
            ? ` Did you mean ${quoteList(suggestions.map((r) => `${r.name} (${r.code})`))}?`
            : "";
        issue.addIssue({
            code: "custom",
            message: `I don't know a region called ${quoted(query)}.${hint} Use a country name or its two-letter code, such as GB or US.`,
            params: { suggestions: suggestions.map((r) => r.code) },
        });
        return z.NEVER;
    });
}
/** A choice option: matches a value or its label, ignoring case. */
export function choiceOption(name, values, labels) {
    const byKey = new Map();
    for (const value of values) {
        byKey.set(value.toLowerCase(), value);
        const label = labels?.[value];
        if (label)
            byKey.set(label.toLowerCase(), value);
    }
    return z.string().transform((raw, issue) => {
        const value = byKey.get(raw.trim().toLowerCase());
        if (value !== undefined)
            return value;
        issue.addIssue({ code: "custom", message: `\`${name}\` must be one of ${values.join(", ")}.` });
        return z.NEVER;
    });
}
/** The problem option, by value (`login`) or label (`Login`). */
export const problemOption = choiceOption("problem", PROBLEMS, PROBLEM_LABELS);
/**
 * Validates an invocation's raw options against a subcommand's schema. The first problem becomes a
 * UserError (safe to show, says what to do), carrying did-you-mean suggestions when there are any.
 */
export function parseOptions(schema, inv) {
    const result = schema.safeParse(inv.options);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    if (!issue)
        throw new UserError("Those options did not make sense. Check the command and try again.");
    const option = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
    const suggestions = issue.code === "custom" && Array.isArray(issue.params?.suggestions) ? issue.params.suggestions : [];
    if (issue.code === "custom")
        throw new UserError(issue.message, { suggestions });
    if (option && issue.code === "invalid_type" && issue.input === undefined) {
        throw new UserError(`Tell me the \`${option}\`: \`/outage ${inv.subcommand} ${option}:<value>\`.`);
    }
    throw new UserError(option
        ? `The \`${option}\` option is not valid: ${issue.message}.`
        : `Those options are not valid: ${issue.message}.`);
}
//# sourceMappingURL=options.js.map