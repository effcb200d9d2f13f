const BUTTON_STYLES = { primary: 1, secondary: 2, success: 3, danger: 4, link: 5 };
/** One Reply embed as Discord's embed object; every transport that talks to Discord sends this. */
export function toApiEmbed(e) {
    return {
        ...(e.title !== undefined ? { title: e.title } : {}),
        ...(e.description !== undefined ? { description: e.description } : {}),
        ...(e.url !== undefined ? { url: e.url } : {}),
        ...(e.color !== undefined ? { color: e.color } : {}),
        ...(e.fields?.length ? { fields: e.fields.map((f) => ({ name: f.name, value: f.value, inline: f.inline })) } : {}),
        ...(e.footer ? { footer: { text: e.footer } } : {}),
        ...(e.timestamp !== undefined ? { timestamp: e.timestamp } : {}),
        ...(e.imageUrl !== undefined ? { image: { url: e.imageUrl } } : {}),
    };
}
function toApiButton(b) {
    const common = { type: 2, label: b.label, disabled: b.disabled ?? false };
    if (b.style === "link")
        return { ...common, style: BUTTON_STYLES.link, url: b.url ?? "https://discord.com" };
    return { ...common, style: BUTTON_STYLES[b.style], custom_id: b.customId ?? `outage:noop:${b.label}` };
}
/** Reply button rows as Discord's action rows. */
export function toApiButtonRows(rows) {
    return rows.map((row) => ({ type: 1, components: row.map(toApiButton) }));
}
function toApiSelect(select) {
    return {
        type: 3,
        custom_id: select.customId,
        placeholder: select.placeholder,
        options: select.options.map((o) => ({
            label: o.label,
            value: o.value,
            ...(o.description ? { description: o.description } : {}),
        })),
    };
}
/** A reply's buttons and select menu as Discord's action rows (a select menu fills a row alone). */
export function toApiComponents(reply) {
    const rows = toApiButtonRows(reply.buttons ?? []);
    if (reply.select)
        rows.push({ type: 1, components: [toApiSelect(reply.select)] });
    return rows;
}
//# sourceMappingURL=api-message.js.map