import { compareNames } from "../src/catalog/name-order.js";
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

/** A service as a choice, flagged with its level when it has any problem now (degraded included). */
export function serviceChoice(service: Service, levels: ReadonlyMap<string, Level>): Choice {
  const level = levels.get(service.id);
  const note = level && level !== "operational" ? ` (${LEVEL_LABELS[level]} now)` : "";
  return { name: `${service.name}${note}`, value: service.id };
}

/**
 * Services matching the typed text, as the catalog ranks them (name prefix, word of a name, alias,
 * then inside a name or typos from four letters on), services with problems now first (worst first).
 */
export async function rankedServices(
  query: string,
  ctx: CommandContext,
  limit: number = LIMITS.choices,
): Promise<{ services: Service[]; levels: Map<string, Level> }> {
  const levels = await levelsNow(ctx);
  const text = query.trim();
  const matches: readonly Service[] =
    text === "" ? [...ctx.catalog.all()].sort((a, b) => compareNames(a.name, b.name)) : ctx.catalog.search(text, 50);
  const rank = (s: Service) => levelRank(levels.get(s.id) ?? "operational");
  // Array.prototype.sort is stable: the catalog's relevance order holds within each level.
  const ordered = [...matches].sort((a, b) => rank(b) - rank(a));
  return { services: ordered.slice(0, limit), levels };
}

/** Service choices: matches for the typed text, services with problems now first, flagged with their level. */
export async function serviceChoices(query: string, ctx: CommandContext): Promise<Choice[]> {
  const { services, levels } = await rankedServices(query, ctx);
  return fitChoices(services.map((s) => serviceChoice(s, levels)));
}

/** A region as a choice: flag, name and code. */
function regionChoice(code: string, ctx: CommandContext): Choice {
  return { name: `${flag(code)} ${ctx.regions.name(code)} (${code})`.trim(), value: code };
}

/**
 * Region codes for the typed text: names, codes and aliases that match, best first; with nothing
 * typed, every region by name. The region of the user's Discord language comes first either way.
 */
function rankedRegions(query: string, ctx: CommandContext, locale: string | null | undefined, limit: number): string[] {
  const text = query.trim();
  const found =
    text === "" ? [...ctx.regions.all()].sort((a, b) => compareNames(a.name, b.name)) : ctx.regions.search(text, limit);
  const home = ctx.regions.fromLocale(locale);
  const codes = found.map((r) => r.code);
  const ordered = home && (text === "" || codes.includes(home)) ? [home, ...codes.filter((c) => c !== home)] : codes;
  return ordered.slice(0, limit);
}

/** Region choices: matches for the typed text, by name with none typed; the locale's region first. */
export function regionChoices(query: string, ctx: CommandContext, locale?: string | null): Choice[] {
  return fitChoices(rankedRegions(query, ctx, locale, LIMITS.choices).map((code) => regionChoice(code, ctx)));
}

/**
 * Choices for a comma-separated region list ("GB, US, ger"): the regions already given stay as
 * they are and the last, partly typed one is completed, so each choice is the whole list.
 */
export function regionListChoices(query: string, ctx: CommandContext, locale?: string | null): Choice[] {
  const parts = query.split(/[,;]/);
  const typing = parts.pop() ?? "";
  const done = parts.map((p) => ctx.regions.resolve(p.trim())?.code).filter((c): c is string => Boolean(c));
  const doneSet = new Set(done);
  const prefix = done.length > 0 ? `${done.join(", ")}, ` : "";
  const candidates = rankedRegions(typing, ctx, locale, LIMITS.choices + done.length).filter((c) => !doneSet.has(c));
  const choices = candidates.slice(0, LIMITS.choices).map((code) => {
    const value = `${prefix}${code}`;
    const name = done.length > 0 ? `${done.join(", ")}, ${regionChoice(code, ctx).name}` : regionChoice(code, ctx).name;
    return { name, value };
  });
  // fitChoices drops values over Discord's 100 characters: a list that long is complete as it is.
  return fitChoices(choices);
}
