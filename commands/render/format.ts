import { LEVEL_COLORS, LEVEL_LABELS, LEVEL_MARKS, type Level } from "../../src/domain/levels.js";

// The palette and marks live with the levels so alerts, console and charts share them.
export { LEVEL_COLORS, LEVEL_MARKS };

/** "🔴 Major outage". */
export function levelText(level: Level): string {
  return `${LEVEL_MARKS[level]} ${LEVEL_LABELS[level]}`;
}

/** Discord timestamp markup (`<t:unix:R>` shows "5 minutes ago" in each reader's time zone). */
export function discordTime(at: string | number, style: "R" | "f" | "t" | "d" | "F" = "R"): string {
  const ms = typeof at === "number" ? at : Date.parse(at);
  if (!Number.isFinite(ms)) return "unknown time";
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** 7_980_000 → "2 h 13 min". */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "GB" → 🇬🇧; anything that is not two letters gives "". */
export function flag(region: string): string {
  if (!/^[A-Za-z]{2}$/.test(region)) return "";
  const base = 0x1f1e6 - 65;
  const upper = region.toUpperCase();
  return String.fromCodePoint(base + upper.charCodeAt(0), base + upper.charCodeAt(1));
}

/** Escapes Discord markdown in text that comes from outside (service names, status page text). */
export function escapeMarkdown(text: string): string {
  // Brackets are enough to stop a masked link; parentheses stay readable in the terminal too.
  return text.replace(/([\\*_~`|>[\]])/g, "\\$1").replace(/@(everyone|here)/g, "@\u200b$1");
}

/** Pads or cuts to a column width for monospace tables. */
export function column(text: string, width: number, align: "left" | "right" = "left"): string {
  const cut = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return align === "left" ? cut.padEnd(width) : cut.padStart(width);
}
