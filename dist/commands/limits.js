import { cutText, fitLines } from "./text-fit.js";
export { cutText, fitLines, joinFit } from "./text-fit.js";
/** Discord's message limits, in one place (characters are UTF-16 code units, as Discord counts). */
export const LIMITS = {
    content: 2000,
    embeds: 10,
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    embedTotal: 6000,
    files: 10,
    buttonRows: 5,
    buttonsPerRow: 5,
    buttonLabel: 80,
    customId: 100,
    url: 512,
    choices: 25,
    choiceName: 100,
    choiceValue: 100,
};
function nonEmpty(text) {
    // Discord rejects empty field names and values.
    return text.trim() === "" ? "\u200b" : text;
}
function fitField(field) {
    return {
        ...field,
        name: cutText(nonEmpty(field.name), LIMITS.fieldName),
        value: fitLines(nonEmpty(field.value), LIMITS.fieldValue),
    };
}
/** Characters an embed counts against the 6,000 total. */
export function embedLength(embed) {
    let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.length ?? 0);
    for (const field of embed.fields ?? [])
        total += field.name.length + field.value.length;
    return total;
}
function fitEmbed(embed) {
    const out = { ...embed };
    if (out.title !== undefined)
        out.title = cutText(out.title, LIMITS.title);
    if (out.description !== undefined)
        out.description = fitLines(out.description, LIMITS.description);
    if (out.footer !== undefined)
        out.footer = cutText(out.footer, LIMITS.footer);
    if (out.url !== undefined && out.url.length > LIMITS.url)
        delete out.url;
    if (out.fields) {
        const fields = out.fields.slice(0, LIMITS.fields).map(fitField);
        const dropped = out.fields.length - fields.length;
        if (dropped > 0) {
            fields[fields.length - 1] = { name: "…", value: `and ${dropped + 1} more`, inline: false };
        }
        out.fields = fields;
    }
    return out;
}
/** Shortens one text part of the embeds (last embed first) until the total fits; returns the new total. */
function shrinkPart(embeds, total, part) {
    for (let i = embeds.length - 1; i >= 0 && total > LIMITS.embedTotal; i -= 1) {
        const embed = embeds[i];
        const text = embed[part];
        if (!text)
            continue;
        const room = Math.max(0, text.length - (total - LIMITS.embedTotal) - 40);
        const fitted = part === "description" ? fitLines(text, room) : cutText(text, room);
        total -= text.length - fitted.length;
        if (fitted === "")
            delete embed[part];
        else
            embed[part] = fitted;
    }
    return total;
}
/**
 * Shrinks embeds until all of them together fit the 6,000-character total: trailing fields go
 * first, then descriptions, footers and titles are shortened, last embed first.
 */
function fitTotal(embeds) {
    const out = embeds.map((embed) => ({ ...embed, fields: embed.fields ? [...embed.fields] : undefined }));
    let total = out.reduce((sum, embed) => sum + embedLength(embed), 0);
    let dropped = 0;
    for (let i = out.length - 1; i >= 0 && total > LIMITS.embedTotal; i -= 1) {
        const embed = out[i];
        while (embed.fields && embed.fields.length > 0 && total > LIMITS.embedTotal) {
            const field = embed.fields.pop();
            total -= field.name.length + field.value.length;
            dropped += 1;
        }
    }
    for (const part of ["description", "footer", "title"])
        total = shrinkPart(out, total, part);
    for (const embed of out)
        if (embed.fields === undefined)
            delete embed.fields;
    if (dropped > 0) {
        const last = out[out.length - 1];
        const note = `${dropped} more section${dropped === 1 ? "" : "s"} left out (Discord's size limit)`;
        const footer = cutText(last.footer ? `${last.footer} · ${note}` : note, LIMITS.footer);
        if (total - (last.footer?.length ?? 0) + footer.length <= LIMITS.embedTotal)
            last.footer = footer;
    }
    return out;
}
function fitButton(button) {
    if (button.customId !== undefined && button.customId.length > LIMITS.customId)
        return null;
    if (button.url !== undefined && button.url.length > LIMITS.url)
        return null;
    return { ...button, label: cutText(nonEmpty(button.label), LIMITS.buttonLabel) };
}
/** Makes any reply acceptable to Discord: every handler's reply passes through here. */
export function fitReply(reply) {
    const out = { ...reply };
    if (out.content !== undefined)
        out.content = fitLines(out.content, LIMITS.content);
    if (out.embeds)
        out.embeds = fitTotal(out.embeds.slice(0, LIMITS.embeds).map(fitEmbed));
    if (out.files)
        out.files = out.files.slice(0, LIMITS.files);
    if (out.buttons) {
        out.buttons = out.buttons
            .map((row) => row
            .map(fitButton)
            .filter((b) => b !== null)
            .slice(0, LIMITS.buttonsPerRow))
            .filter((row) => row.length > 0)
            // A select menu takes a row of its own.
            .slice(0, LIMITS.buttonRows - (out.select ? 1 : 0));
    }
    if (out.select)
        out.select = fitSelect(out.select);
    if (out.select === undefined)
        delete out.select;
    return out;
}
function fitSelect(select) {
    if (select.customId.length > LIMITS.customId)
        return undefined;
    const options = select.options
        .filter((o) => o.value.length > 0 && o.value.length <= LIMITS.choiceValue)
        .slice(0, LIMITS.choices)
        .map((o) => ({
        label: cutText(nonEmpty(o.label), LIMITS.choiceName),
        value: o.value,
        ...(o.description ? { description: cutText(o.description, LIMITS.choiceName) } : {}),
    }));
    if (options.length === 0)
        return undefined;
    return { customId: select.customId, placeholder: cutText(select.placeholder, 150), options };
}
/** At most 25 autocomplete choices with names and values of at most 100 characters. */
export function fitChoices(choices) {
    return choices
        .filter((choice) => choice.value.length <= LIMITS.choiceValue && choice.value !== "")
        .slice(0, LIMITS.choices)
        .map((choice) => ({ name: cutText(nonEmpty(choice.name), LIMITS.choiceName), value: choice.value }));
}
//# sourceMappingURL=limits.js.map