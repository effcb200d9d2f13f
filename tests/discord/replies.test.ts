import { afterEach, describe, expect, it } from "vitest";
import * as commands from "../../commands/index.js";
import type { Reply } from "../../src/domain/reply.js";
import { slow, withCommand } from "./handlers.js";
import { type Harness, startHarness } from "./harness.js";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const chartReply: Reply = {
  content: "<@&123> @everyone see chart",
  embeds: [{ title: "GitHub", imageUrl: "attachment://chart.png" }],
  files: [{ name: "chart.png", contentType: "image/png", data: PNG, description: "Reports over 24 hours" }],
};

let h: Harness | undefined;
afterEach(async () => {
  expect(h?.emulator.violations).toEqual([]);
  await h?.close();
  h = undefined;
});

describe("replies as Discord receives them", () => {
  it("uploads a chart as a multipart attachment with its alt text", async () => {
    h = await startHarness({ handlers: withCommand(async () => chartReply) });
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.message?.attachments).toMatchObject([
      { filename: "chart.png", size: PNG.length, description: "Reports over 24 hours" },
    ]);
    const callback = h.emulator.requests.find((r) => r.route.includes("/callback"));
    expect(callback?.files.map((f) => f.field)).toEqual(["files[0]"]);
  });

  it("pings nobody, whatever the text says", async () => {
    h = await startHarness({ handlers: withCommand(async () => chartReply) });
    await h.emulator.inject.command("outage", "status", { service: "github" });
    const callback = h.emulator.requests.find((r) => r.route.includes("/callback"));
    expect((callback!.body as { data: { allowed_mentions: unknown } }).data.allowed_mentions).toEqual({ parse: [] });
  });

  it("edits a deferred answer with its chart attached", async () => {
    h = await startHarness({ deferAfterMs: 30, handlers: withCommand(slow(150, chartReply)) });
    const out = await h.emulator.inject.command("outage", "status", { service: "github" });
    expect(out.callbackType).toBe(5);
    expect(out.message?.attachments.map((a) => a.filename)).toEqual(["chart.png"]);
  });

  it("defers a slow Refresh as an update and edits the same message", async () => {
    h = await startHarness({
      deferAfterMs: 30,
      handlers: {
        ...commands,
        handleButton: (id, inv, ctx) =>
          new Promise((r) => setTimeout(() => r(commands.handleButton(id, inv, ctx)), 150)),
      },
    });
    const first = await h.emulator.inject.command("outage", "status", { service: "github" });
    const out = await h.emulator.inject.button(first.message!.id, "outage:refresh:github");
    expect(out.callbackType).toBe(6);
    expect(out.edits).toHaveLength(1);
    expect(out.message?.id).toBe(first.message!.id);
    expect(out.message?.edited_timestamp).not.toBeNull();
  });
});

describe("shutdown", () => {
  it("finishes answers in flight before closing the gateway", async () => {
    h = await startHarness({ deferAfterMs: 30, handlers: withCommand(slow(200, { content: "done" })) });
    const pending = h.emulator.inject.command("outage", "status", {});
    await expect.poll(() => h!.emulator.requests.some((r) => r.route.includes("/callback"))).toBe(true);
    await h.bot.stop();
    const out = await pending;
    expect(out.message?.content).toBe("done");
    expect(h.bot.client.isReady()).toBe(false);
  });
});
