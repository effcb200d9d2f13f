import { z } from "zod";
import { compareNames } from "../../src/catalog/name-order.js";
import type { Level } from "../../src/domain/levels.js";
import type { ReplyField } from "../../src/domain/reply.js";
import { CATEGORIES, type Category, type Service } from "../../src/domain/service.js";
import { joinFit, LIMITS } from "../limits.js";
import { choicesDef, subcommandDef } from "../option-defs.js";
import { choiceOption } from "../options.js";
import { escapeMarkdown, LEVEL_MARKS } from "../render/format.js";
import { defineSubcommand } from "../subcommand.js";

/** Words people read for each catalog category. */
export const CATEGORY_LABELS: Record<Category, string> = {
  social: "Social",
  chat: "Chat",
  games: "Games",
  cloud: "Cloud",
  dev: "Developer tools",
  payments: "Banks and payments",
  isp: "Internet and mobile",
  streaming: "Streaming",
  productivity: "Productivity",
  ai: "AI",
  other: "Other",
};

function label(service: Service, levels: Map<string, Level>): string {
  const level = levels.get(service.id);
  const mark = level && level !== "operational" ? `${LEVEL_MARKS[level]} ` : "";
  return `${mark}${escapeMarkdown(service.name)}`;
}

function detailLine(service: Service, levels: Map<string, Level>): string {
  const aliases = service.aliases.length ? ` · also ${service.aliases.map(escapeMarkdown).join(", ")}` : "";
  return `${label(service, levels)} · \`${service.id}\`${aliases}`;
}

const byName = (a: Service, b: Service) => compareNames(a.name, b.name);

/** `/outage services [category]`. */
export const servicesCommand = defineSubcommand({
  name: "services",
  definition: subcommandDef("services", "The services I know", [
    choicesDef(
      "category",
      "Only this kind of service",
      CATEGORIES.map((c) => ({ name: CATEGORY_LABELS[c], value: c })),
    ),
  ]),
  schema: () => z.object({ category: choiceOption("category", CATEGORIES, CATEGORY_LABELS).optional() }),
  run: async ({ category }, _inv, ctx) => {
    const problems = await ctx.board.problems(ctx.now());
    const levels = new Map(problems.map((r) => [r.service.id, r.level] as const));
    const footer = "Ask with /outage status <service>: names, ids and aliases all work";
    if (category) {
      const services = [...ctx.catalog.byCategory(category)].sort(byName);
      const description = services.length
        ? services.map((s) => detailLine(s, levels)).join("\n")
        : "I know no services in this category yet.";
      return {
        embeds: [{ title: `${CATEGORY_LABELS[category]} services (${services.length})`, description, footer }],
        data: services.map((s) => s.id),
      };
    }
    const all = ctx.catalog.all();
    const fields: ReplyField[] = [];
    for (const c of CATEGORIES) {
      const services = all.filter((s) => s.category === c).sort(byName);
      if (services.length === 0) continue;
      const value = joinFit(
        services.map((s) => label(s, levels)),
        ", ",
        LIMITS.fieldValue,
      );
      fields.push({ name: `${CATEGORY_LABELS[c]} (${services.length})`, value });
    }
    const marked = problems.length ? ` Marked ones have problems now.` : "";
    return {
      embeds: [
        {
          title: `Services I know (${all.length})`,
          description: `Pick a category with \`/outage services category:\` for ids and aliases.${marked}`,
          fields,
          footer,
        },
      ],
      data: all.map((s) => s.id),
    };
  },
});
