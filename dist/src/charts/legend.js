import { px, text, textWidth } from "./svg.js";
import { THEME } from "./theme.js";
const SIZE = 10;
function sample(item, x, y) {
    switch (item.kind) {
        case "bars": {
            if (item.colours.length === 1)
                return {
                    svg: `<rect x="${px(x)}" y="${px(y - 8)}" width="10" height="10" fill="${item.colours[0]}"/>`,
                    width: 10,
                };
            const bars = item.colours.map((c, i) => `<rect x="${px(x + i * 4)}" y="${px(y - 4 - i * 2)}" width="3" height="${4 + i * 2 + 2}" fill="${c}"/>`);
            return { svg: bars.join(""), width: Math.max(item.colours.length * 4, 10) };
        }
        case "band":
            return {
                svg: `<rect x="${px(x)}" y="${px(y - 8)}" width="16" height="10" fill="${THEME.band}" fill-opacity="${THEME.bandOpacity * 1.5}"/><line x1="${px(x)}" x2="${px(x + 16)}" y1="${px(y - 3)}" y2="${px(y - 3)}" stroke="${THEME.usualLine}" stroke-width="1.5" stroke-dasharray="4 2"/>`,
                width: 16,
            };
        case "dash":
            return {
                svg: `<line x1="${px(x + 3)}" x2="${px(x + 3)}" y1="${px(y - 9)}" y2="${px(y + 2)}" stroke="${item.colour}" stroke-width="2" stroke-dasharray="3 2"/>`,
                width: 6,
            };
        case "peak":
            return { svg: `<path d="M${px(x)},${px(y - 8)}h10l-5,8Z" fill="${THEME.text}"/>`, width: 10 };
        case "swatch":
            return { svg: `<rect x="${px(x)}" y="${px(y - 8)}" width="14" height="10" fill="${item.fill}"/>`, width: 14 };
        case "note":
            return { svg: "", width: -5 };
    }
}
const s0 = (item) => sample(item, 0, 0).width;
/** A one-line legend from `x`, baseline `y`; entries that would pass `maxWidth` are left out. */
export function legend(items, x, y, maxWidth) {
    const out = [];
    let cursor = x;
    for (const item of items) {
        const need = textWidth(item.label, SIZE) + s0(item) + 5;
        if (cursor + need > x + maxWidth)
            break;
        const s = sample(item, cursor, y);
        out.push(s.svg, text(cursor + s.width + 5, y, item.label, { size: SIZE, fill: THEME.muted }));
        cursor += s.width + 5 + textWidth(item.label, SIZE) + 12;
    }
    return out.join("");
}
//# sourceMappingURL=legend.js.map