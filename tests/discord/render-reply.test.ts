import { AttachmentBuilder, MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { renderFirstReply, renderReply } from "../../src/discord/index.js";

describe("renderReply", () => {
  it("maps buttons to action rows, link buttons with a url and no custom_id", () => {
    const out = renderReply({
      content: "x",
      buttons: [
        [
          { label: "Refresh", style: "secondary", customId: "outage:refresh:github" },
          { label: "Status page", style: "link", url: "https://www.githubstatus.com" },
        ],
      ],
    });
    expect(out.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: "Refresh", custom_id: "outage:refresh:github", disabled: false },
          { type: 2, style: 5, label: "Status page", url: "https://www.githubstatus.com", disabled: false },
        ],
      },
    ]);
  });

  it("maps embeds field by field, the footer as text and the image by url", () => {
    const out = renderReply({
      embeds: [{ title: "T", color: 0xff0000, footer: "As of", imageUrl: "attachment://c.png", fields: [] }],
    });
    expect(out.embeds).toEqual([
      { title: "T", color: 0xff0000, footer: { text: "As of" }, image: { url: "attachment://c.png" } },
    ]);
  });

  it("turns files into attachments with their alt text", () => {
    const out = renderReply({
      files: [{ name: "c.png", contentType: "image/png", data: new Uint8Array([1]), description: "alt" }],
    });
    expect(out.files[0]).toBeInstanceOf(AttachmentBuilder);
    expect(out.files[0]).toMatchObject({ name: "c.png", description: "alt" });
  });

  it("mentions nobody by default", () => {
    expect(renderReply({ content: "@everyone" }).allowedMentions).toEqual({ parse: [] });
  });

  it("never renders an empty message", () => {
    expect(renderReply({}).content).not.toBe("");
  });

  it("flags an ephemeral first reply, and only that one", () => {
    expect(renderFirstReply({ content: "x", ephemeral: true }).flags).toBe(MessageFlags.Ephemeral);
    expect(renderFirstReply({ content: "x" }).flags).toBeUndefined();
  });

  it("cuts text over Discord's limits", () => {
    const out = renderReply({ content: "a".repeat(5000), embeds: [{ title: "t".repeat(300) }] });
    expect(out.content.length).toBeLessThanOrEqual(2000);
    expect(out.embeds[0]?.title?.length).toBeLessThanOrEqual(256);
  });
});
