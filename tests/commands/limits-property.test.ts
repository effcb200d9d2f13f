import fc from "fast-check";
import { describe, it } from "vitest";
import { fitReply } from "../../commands/limits.js";
import type { Reply } from "../../src/domain/reply.js";
import { expectWithinLimits } from "./within-limits.js";

// Text with newlines, code fences, emoji (surrogate pairs) and long runs, in any length up to 9,000.
const text = fc
  .array(fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom("\n", "```", "🔴", "x".repeat(500), "")), {
    maxLength: 40,
  })
  .map((parts) => parts.join(""));

const field = fc.record({ name: text, value: text, inline: fc.boolean() });
const embed = fc.record(
  { title: text, description: text, footer: text, fields: fc.array(field, { maxLength: 40 }) },
  { requiredKeys: [] },
);
const reply = fc.record(
  {
    content: text,
    embeds: fc.array(embed, { maxLength: 14 }),
    buttons: fc.array(
      fc.array(
        fc.record({ label: text, style: fc.constant("primary" as const), customId: fc.string({ maxLength: 120 }) }),
        {
          maxLength: 8,
        },
      ),
      { maxLength: 7 },
    ),
  },
  { requiredKeys: [] },
);

describe("fitReply on any reply", () => {
  it("always returns a reply within every Discord limit", () => {
    fc.assert(
      fc.property(reply, (r) => {
        expectWithinLimits(fitReply(r as Reply));
      }),
      { numRuns: 150 },
    );
  });
});
