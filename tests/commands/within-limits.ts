import { expect } from "vitest";
import { embedLength, LIMITS } from "../../commands/limits.js";
import type { Reply } from "../../src/domain/reply.js";

/** Fails the test when a reply breaks any of Discord's limits. */
export function expectWithinLimits(reply: Reply): void {
  expect(reply.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  const embeds = reply.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.footer?.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  const rows = reply.buttons ?? [];
  expect(rows.length).toBeLessThanOrEqual(LIMITS.buttonRows);
  for (const row of rows) expect(row.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
}
