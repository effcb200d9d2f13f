import { describe, expect, it } from "vitest";
import { cutText, embedLength, fitChoices, fitLines, fitReply, joinFit, LIMITS } from "../../commands/limits.js";
import type { Reply } from "../../src/domain/reply.js";
import { expectWithinLimits } from "./within-limits.js";

const lines = (n: number, width = 40) =>
  Array.from({ length: n }, (_, i) => `line ${i} `.padEnd(width, "x")).join("\n");

describe("fitReply", () => {
  const cases: { name: string; reply: Reply; check: (out: Reply) => void }[] = [
    {
      name: "cuts content over 2,000 characters at a line and says how many lines are left out",
      reply: { content: lines(100) },
      check: (out) => expect(out.content).toMatch(/… and \d+ more$/),
    },
    {
      name: "cuts a 300-character title to 256 with an ellipsis",
      reply: { embeds: [{ title: "S".repeat(300) }] },
      check: (out) => {
        expect(out.embeds?.[0]?.title).toHaveLength(LIMITS.title);
        expect(out.embeds?.[0]?.title?.endsWith("…")).toBe(true);
      },
    },
    {
      name: "keeps whole lines of a description over 4,096 and counts the rest",
      reply: { embeds: [{ description: lines(200) }] },
      check: (out) => {
        const text = out.embeds?.[0]?.description ?? "";
        const kept = text.split("\n").length - 1;
        expect(text).toContain(`… and ${200 - kept} more`);
      },
    },
    {
      name: "closes a code block that the cut left open",
      reply: { embeds: [{ description: `\`\`\`\n${lines(200)}\n\`\`\`` }] },
      check: (out) => {
        const text = out.embeds?.[0]?.description ?? "";
        expect(text.split("```").length - 1).toBe(2);
      },
    },
    {
      name: "keeps 25 of 30 fields, the last saying how many more there were",
      reply: { embeds: [{ fields: Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: "v" })) }] },
      check: (out) => {
        expect(out.embeds?.[0]?.fields).toHaveLength(25);
        expect(out.embeds?.[0]?.fields?.[24]?.value).toBe("and 6 more");
      },
    },
    {
      name: "cuts a field name over 256 and a value over 1,024",
      reply: { embeds: [{ fields: [{ name: "n".repeat(300), value: lines(60) }] }] },
      check: (out) => {
        expect(out.embeds?.[0]?.fields?.[0]?.name).toHaveLength(256);
        expect(out.embeds?.[0]?.fields?.[0]?.value).toMatch(/and \d+ more$/);
      },
    },
    {
      name: "fills an empty field value, which Discord would reject",
      reply: { embeds: [{ fields: [{ name: "Empty", value: "" }] }] },
      check: (out) => expect(out.embeds?.[0]?.fields?.[0]?.value).toBe("\u200b"),
    },
    {
      name: "cuts a footer over 2,048",
      reply: { embeds: [{ footer: "f".repeat(3000) }] },
      check: (out) => expect(out.embeds?.[0]?.footer).toHaveLength(LIMITS.footer),
    },
    {
      name: "keeps at most 10 embeds",
      reply: { embeds: Array.from({ length: 12 }, (_, i) => ({ title: `e${i}` })) },
      check: (out) => expect(out.embeds).toHaveLength(10),
    },
    {
      name: "brings two long embeds under the 6,000 total",
      reply: { embeds: [{ description: lines(100) }, { description: lines(100) }] },
      check: (out) => expect((out.embeds ?? []).reduce((s, e) => s + embedLength(e), 0)).toBeLessThanOrEqual(6000),
    },
    {
      name: "drops fields beyond the 6,000 total and says so in the footer",
      reply: {
        embeds: [{ fields: Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, value: "v".repeat(1000) })) }],
      },
      check: (out) => {
        expect(out.embeds?.[0]?.fields?.length).toBeLessThan(25);
        expect(out.embeds?.[0]?.footer).toMatch(/more sections? left out/);
      },
    },
    {
      name: "keeps 5 buttons a row and cuts long labels to 80",
      reply: {
        buttons: [
          Array.from({ length: 7 }, (_, i) => ({ label: "b".repeat(100), style: "primary", customId: `c${i}` })),
        ],
      },
      check: (out) => {
        expect(out.buttons?.[0]).toHaveLength(5);
        expect(out.buttons?.[0]?.[0]?.label).toHaveLength(80);
      },
    },
    {
      name: "drops a button whose custom id is over 100 characters",
      reply: { buttons: [[{ label: "x", style: "primary", customId: "c".repeat(101) }]] },
      check: (out) => expect(out.buttons).toEqual([]),
    },
    {
      name: "leaves a reply within limits unchanged",
      reply: { content: "hello", embeds: [{ title: "t", description: "d", fields: [{ name: "n", value: "v" }] }] },
      check: (out) =>
        expect(out).toEqual({
          content: "hello",
          embeds: [{ title: "t", description: "d", fields: [{ name: "n", value: "v" }] }],
        }),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = fitReply(c.reply);
      expectWithinLimits(out);
      c.check(out);
    });
  }
});

describe("text helpers", () => {
  it("does not split an emoji made of a surrogate pair", () => {
    const cut = cutText("ab🔴🔴🔴", 4);
    expect(cut).toBe("ab…");
    expect(cutText("a🔴🔴🔴", 4)).toBe("a🔴…");
  });

  it("cuts a single line longer than the limit by characters", () => {
    expect(fitLines("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("joins as many items as fit and counts the rest", () => {
    const items = Array.from({ length: 100 }, (_, i) => `service-${i}`);
    const text = joinFit(items, ", ", 100);
    expect(text.length).toBeLessThanOrEqual(100);
    const shown = text.split(", ").length - 1;
    expect(text.endsWith(`and ${100 - shown} more`)).toBe(true);
  });
});

describe("fitChoices", () => {
  it("keeps 25 choices with names of at most 100 characters", () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `${"n".repeat(150)}${i}`, value: `v${i}` }));
    const out = fitChoices(choices);
    expect(out).toHaveLength(25);
    for (const choice of out) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it("drops a choice whose value is too long to send back", () => {
    expect(fitChoices([{ name: "a", value: "v".repeat(101) }])).toEqual([]);
  });
});
