import { paint } from "./ansi.js";
const BAR = "┃";
/**
 * Renders a Reply as readable terminal text: content, then each embed as a titled block with a
 * bar in the embed's colour, its fields, image and footer, then the buttons. Discord markdown is
 * translated (bold, code, links, `<t:…>` timestamps shown as UTC).
 */
export function renderText(reply, options) {
    const p = paint(options.color);
    const blocks = [];
    const md = (text) => markdown(text, p, options.now);
    if (reply.content)
        blocks.push(md(reply.content));
    (reply.embeds ?? []).forEach((embed, i) => {
        blocks.push(embedBlock(embed, p, md, i === 0 ? options.sparkline : undefined));
    });
    const files = (reply.files ?? []).filter((f) => !(reply.embeds ?? []).some((e) => e.imageUrl === `attachment://${f.name}`));
    for (const file of files)
        blocks.push(p.dim(`[attached: ${file.name}${file.description ? ` (${file.description})` : ""}]`));
    const buttons = (reply.buttons ?? []).flat();
    if (buttons.length) {
        blocks.push(buttons
            .map((b) => (b.style === "link" && b.url ? `[${b.label} → ${b.url}]` : `[${b.label}]`))
            .map((label) => p.dim(label))
            .join(" "));
    }
    if (blocks.length === 0)
        blocks.push(p.dim("(nothing to show)"));
    return `${blocks.join("\n\n")}\n`;
}
function embedBlock(embed, p, md, sparkline) {
    const bar = p.rgb(embed.color, BAR);
    const lines = [];
    if (embed.title)
        lines.push(p.bold(p.rgb(embed.color, md(embed.title))) + (embed.url ? p.dim(` <${embed.url}>`) : ""));
    if (embed.description)
        lines.push(...md(embed.description).split("\n"));
    if (sparkline)
        lines.push("", `${p.dim("Last 24 h")}  ${p.rgb(embed.color, sparkline)}`);
    for (const field of embed.fields ?? []) {
        lines.push("", p.bold(md(field.name)));
        lines.push(...md(field.value)
            .split("\n")
            .map((line) => `  ${line}`));
    }
    if (embed.imageUrl) {
        const name = embed.imageUrl.replace(/^attachment:\/\//, "");
        lines.push("", p.dim(`[chart: ${name}]`));
    }
    // Discord shows the timestamp after the footer; the terminal says what it is.
    const footer = [embed.footer, embed.timestamp ? `as of ${utc(Date.parse(embed.timestamp))}` : undefined]
        .filter(Boolean)
        .join(" · ");
    if (footer)
        lines.push("", p.dim(md(footer)));
    return lines.map((line) => (line === "" ? bar : `${bar} ${line}`)).join("\n");
}
/** Discord markdown → terminal text. */
function markdown(text, p, now) {
    return text
        .split("\n")
        .filter((line) => !/^```\w*$/.test(line.trim()))
        .join("\n")
        .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_m, s, style) => style === "R" && now !== undefined ? relative(Number(s) * 1000, now) : utc(Number(s) * 1000))
        .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label, url) => `${label} (${url})`)
        .replace(/\*\*([^*\n]+)\*\*/g, (_m, inner) => p.bold(inner))
        .replace(/(?<![\w*])\*([^*\n]+)\*(?![\w*])/g, (_m, inner) => p.italic(inner))
        .replace(/`([^`\n]+)`/g, (_m, inner) => p.bold(inner))
        .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, "$1");
}
function utc(ms) {
    if (!Number.isFinite(ms))
        return "";
    return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
/** "25 min ago" / "in 3 h", as Discord shows `<t:…:R>`. */
function relative(ms, now) {
    const diff = Math.round((now - ms) / 60_000);
    const span = Math.abs(diff);
    const text = span < 1
        ? "just now"
        : span < 60
            ? `${span} min`
            : span < 48 * 60
                ? `${Math.round(span / 60)} h`
                : `${Math.round(span / 1440)} days`;
    if (span < 1)
        return text;
    return diff >= 0 ? `${text} ago` : `in ${text}`;
}
//# sourceMappingURL=render-text.js.map