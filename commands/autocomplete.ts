import { LEVEL_LABELS, type Level, levelRank } from "../src/domain/levels.js";
import type { Choice } from "../src/domain/reply.js";
import type { Service } from "../src/domain/service.js";
import type { CommandContext } from "./context.js";
import { fitChoices, LIMITS } from "./limits.js";
import { flag } from "./render/format.js";

async function levelsNow(ctx: CommandContext): Promise<Map<string, Level>> {
  try {
    const problems = await ctx.board.problems(ctx.now());
    return new Map(problems.map((r) => [r.service.id, r.level] as const));
  } catch (error) {
    // Autocomplete must answer within 3 s even when the board is unreachable: fall back to names.
    ctx.log?.warn({ err: error }, "autocomplete could not read the board");
    return new Map();
  }
}

/** Service choices: matches for the typed text, services with problems now first (worst first). */
export async function serviceChoices(query: string, ctx: CommandContext): Promise<Choice[]> {
  const levels = await levelsNow(ctx);
  const text = query.trim();
  const matches: readonly Service[] =
    text === ""
      ? [...ctx.catalog.all()].sort((a, b) => a.name.localeCompare(b.name, "en"))
      : ctx.catalog.search(text, 50);
  const rank = (s: Service) => levelRank(levels.get(s.id) ?? "operational");
  // Array.prototype.sort is stable: the catalog's relevance order holds within each level.
  const ordered = [...matches].sort((a, b) => rank(b) - rank(a));
  return fitChoices(
    ordered.slice(0, LIMITS.choices).map((s) => {
      const level = levels.get(s.id);
      const note = level && level !== "operational" ? ` (${LEVEL_LABELS[level]} now)` : "";
      return { name: `${s.name}${note}`, value: s.id };
    }),
  );
}

/** Region choices: codes, names and aliases that match the typed text; with none typed, the locale's region first. */
export function regionChoices(query: string, ctx: CommandContext, locale?: string | null): Choice[] {
  const text = query.trim();
  let regions = text === "" ? ctx.regions.all().slice(0, LIMITS.choices) : ctx.regions.search(text, LIMITS.choices);
  const home = text === "" ? ctx.regions.get(ctx.regions.fromLocale(locale) ?? "") : undefined;
  if (home) regions = [home, ...regions.filter((r) => r.code !== home.code)];
  return fitChoices(regions.map((r) => ({ name: `${flag(r.code)} ${r.name} (${r.code})`.trim(), value: r.code })));
}
