import { describe, expect, it } from "vitest";
import { renderText, stripAnsi, wantsColor } from "../../src/console/index.js";
import type { Reply } from "../../src/domain/reply.js";

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const reply: Reply = {
  content: "Heads up: **GitHub** is `down`",
  embeds: [
    {
      title: "GitHub: Major outage",
      description: "Since <t:1795692900:R> (<t:1795692900:f>)\nSee [the status page](https://www.githubstatus.com)",
      color: 0xe74c3c,
      fields: [{ name: "Reports", value: "**120** in 15 min\n**300** in the last hour", inline: true }],
      footer: "Data from the crowd",
      timestamp: "2026-11-26T12:00:00.000Z",
      imageUrl: "attachment://status-github.png",
    },
  ],
  files: [{ name: "status-github.png", contentType: "image/png", data: new Uint8Array(1) }],
  buttons: [
    [
      { label: "Refresh", style: "secondary", customId: "outage:refresh:github" },
      { label: "Status page", style: "link", url: "https://www.githubstatus.com" },
    ],
  ],
};

describe("renderText", () => {
  it("renders content, a titled embed block with fields, footer and buttons as plain text", () => {
    expect(renderText(reply, { color: false, now: NOW })).toBe(
      [
        "Heads up: GitHub is down",
        "",
        "┃ GitHub: Major outage",
        "┃ Since 25 min ago (2026-11-26 11:35 UTC)",
        "┃ See the status page (https://www.githubstatus.com)",
        "┃",
        "┃ Reports",
        "┃   120 in 15 min",
        "┃   300 in the last hour",
        "┃",
        "┃ [chart: status-github.png]",
        "┃",
        "┃ Data from the crowd · as of 2026-11-26 12:00 UTC",
        "",
        "[Refresh] [Status page → https://www.githubstatus.com]",
        "",
      ].join("\n"),
    );
  });

  it("shows absolute times when it does not know now", () => {
    expect(renderText(reply, { color: false })).toContain("Since 2026-11-26 11:35 UTC");
  });

  it("colours the embed bar and title in the embed's colour, and bold text as bold", () => {
    const text = renderText(reply, { color: true, now: NOW });
    expect(text).toContain("\x1b[38;2;231;76;60m┃\x1b[39m");
    expect(text).toContain("\x1b[1mGitHub\x1b[22m");
    expect(stripAnsi(text)).toBe(renderText(reply, { color: false, now: NOW }));
  });

  it("draws the sparkline under the first embed", () => {
    expect(renderText(reply, { color: false, sparkline: "▁▂█" })).toContain("┃ Last 24 h  ▁▂█");
  });

  it("unescapes Discord markdown escapes", () => {
    expect(renderText({ content: "<script\\>alert\\(1\\)" }, { color: false })).toBe("<script>alert(1)\n");
  });

  it("says so when there is nothing to show", () => {
    expect(renderText({}, { color: false })).toBe("(nothing to show)\n");
  });
});

describe("wantsColor", () => {
  it.each([
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, true],
    [{}, false, false],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ NO_COLOR: "1", FORCE_COLOR: "1" }, true, false],
  ])("env %j on a tty=%s → %s", (env, isTTY, expected) => {
    expect(wantsColor(env, { isTTY })).toBe(expected);
  });
});
