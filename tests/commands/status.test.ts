import { describe, expect, it } from "vitest";
import { handleButton, handleCommand } from "../../commands/index.js";
import { LEVEL_COLORS } from "../../src/domain/levels.js";
import { OFFICIAL_NOT_KNOWN_YET } from "../../src/domain/official.js";
import type { StatusReport } from "../../src/domain/status-report.js";
import { fakeBoard, fakeCatalog, fakeContext, invocation, SERVICES, statusOf } from "./fakes.js";
import { expectWithinLimits } from "./within-limits.js";
import { GITHUB_DEGRADED, STARTED, X_STATUS } from "./x-fixture.js";

const xBoard = () => fakeBoard({ statuses: { x: X_STATUS, github: GITHUB_DEGRADED } });

describe("/outage status <service>", () => {
  it("shows the level in colour and words, the reason and since when", async () => {
    const reply = await handleCommand(invocation("status", { service: "twitter" }), fakeContext({ board: xBoard() }));
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe("X: 🔴 Major outage");
    expect(embed?.color).toBe(LEVEL_COLORS.major_outage);
    expect(embed?.description).toContain("10,303 reports in the last 15 min, 130× the usual");
    expect(embed?.description).toContain(`Since <t:${STARTED / 1000}:R>`);
    expect(reply.ephemeral).toBeUndefined();
    expect(reply.data).toEqual(X_STATUS);
  });

  it("shows reports against the usual, top regions with shares and top problems with percentages", async () => {
    const reply = await handleCommand(invocation("status", { service: "x" }), fakeContext({ board: xBoard() }));
    const field = (name: string) => reply.embeds?.[0]?.fields?.find((f) => f.name === name)?.value;
    expect(field("Reports")).toBe(
      [
        // Each count beside its own window's usual: 317 an hour is 79.25 per 15 minutes.
        "**10,303** in the last 15 min · 130× the usual ~79",
        "**41,230** in the last hour · 130× the usual ~317",
        "from 120 separate sources (servers or reporters)",
      ].join("\n"),
    );
    expect(field("Top regions")).toBe(
      "🇬🇧 United Kingdom: 8,123 (41%)\n🇺🇸 United States: 6,000 (30%)\n🇩🇪 Germany: 2,000 (10%)",
    );
    expect(field("Top problems")).toBe("App: 52% (20,000)\nWebsite: 31% (12,000)\nLogin: 15% (6,000)");
  });

  it("shows the official status with its open incidents and links the status page", async () => {
    const reply = await handleCommand(invocation("status", { service: "x" }), fakeContext({ board: xBoard() }));
    const embed = reply.embeds?.[0];
    const official = embed?.fields?.find((f) => f.name === "Official status")?.value ?? "";
    expect(official).toContain("Partial System Outage (checked <t:");
    expect(official).toContain("[Timeline not loading](https://status.x.com/incidents/inc1) (investigating)");
    expect(official).toContain("We are looking into reports");
    // Linked once, by the button (issue 17: not in the title, a field and a button at once).
    expect(JSON.stringify(reply.embeds)).not.toContain('https://status.x.com"');
    expect(reply.buttons?.[0]?.find((b) => b.style === "link")?.url).toBe("https://status.x.com");
  });

  it("offers Refresh and Report buttons for the service", async () => {
    const reply = await handleCommand(invocation("status", { service: "x" }), fakeContext({ board: xBoard() }));
    expect(reply.buttons?.[0]?.slice(0, 2)).toEqual([
      { label: "Refresh", style: "secondary", customId: "outage:refresh:x" },
      { label: "Report a problem", style: "primary", customId: "outage:report:x" },
    ]);
  });

  it("says when the official status page has gone quiet", async () => {
    const stale = statusOf(
      { id: "github", name: "GitHub" },
      { official: { ...X_STATUS.official!, incidents: [], stale: true, description: "All Systems Operational" } },
    );
    const reply = await handleCommand(
      invocation("status", { service: "github" }),
      fakeContext({ board: fakeBoard({ statuses: { github: stale } }) }),
    );
    const official = reply.embeds?.[0]?.fields?.find((f) => f.name === "Official status")?.value;
    expect(official).toContain("has not answered since");
  });

  it.each([
    [
      "never checked (polling off)",
      { error: "not polled yet", checkedAt: null },
      "Not checked: the bot has not polled this status page (polling may be off).",
    ],
    [
      "never reached",
      { error: "network error: ECONNREFUSED", checkedAt: new Date(STARTED).toISOString() },
      `Never reached: network error: ECONNREFUSED (last tried <t:${STARTED / 1000}:R>). What the vendor says is unknown.`,
    ],
    [
      "not known for a time before the only check kept",
      { error: OFFICIAL_NOT_KNOWN_YET, checkedAt: null },
      "Not known for this time: the bot keeps only its latest check of the status page, which is from later.",
    ],
  ])("says the official state is unknown when the page was %s, never 'no incident'", async (_name, over, text) => {
    const unknown = statusOf(
      { id: "github", name: "GitHub" },
      {
        official: {
          ...X_STATUS.official!,
          indicator: null,
          description: null,
          incidents: [],
          fetchedAt: null,
          stale: true,
          ageSeconds: null,
          ...over,
        },
      },
    );
    const reply = await handleCommand(
      invocation("status", { service: "github" }),
      fakeContext({ board: fakeBoard({ statuses: { github: unknown } }) }),
    );
    expect(reply.embeds?.[0]?.fields?.find((f) => f.name === "Official status")?.value).toBe(text);
  });

  it("falls back to the catalog's status page link when the page never answered", async () => {
    const reply = await handleCommand(invocation("status", { service: "gh" }), fakeContext());
    expect(reply.buttons?.[0]?.find((b) => b.style === "link")?.url).toBe("https://www.githubstatus.com");
    expect(reply.embeds?.[0]?.title).toBe("GitHub: ✅ Operational");
  });

  it("keeps a 300-character service name within the title limit", async () => {
    const long = { id: "long", name: "L".repeat(300), aliases: [], category: "other" as const };
    const ctx = fakeContext({ catalog: fakeCatalog([...SERVICES, long]) });
    const reply = await handleCommand(invocation("status", { service: "long" }), ctx);
    expectWithinLimits(reply);
    expect(reply.embeds?.[0]?.title?.endsWith("…")).toBe(true);
  });

  it("attaches the chart when the context can draw one", async () => {
    const ctx = fakeContext({
      board: xBoard(),
      charts: {
        status: async (report) => ({
          name: `status-${report.service.id}.png`,
          contentType: "image/png",
          data: new Uint8Array([1]),
        }),
      },
    });
    const reply = await handleCommand(invocation("status", { service: "x" }), ctx);
    expect(reply.files?.map((f) => f.name)).toEqual(["status-x.png"]);
    expect(reply.embeds?.[0]?.imageUrl).toBe("attachment://status-x.png");
  });

  it("replies in full without a picture when the chart fails, and logs why", async () => {
    const ctx = fakeContext({
      board: xBoard(),
      charts: {
        status: async () => {
          throw new Error("font missing");
        },
      },
    });
    const reply = await handleCommand(invocation("status", { service: "x" }), ctx);
    expect(reply.files).toBeUndefined();
    expect(reply.embeds?.[0]?.imageUrl).toBeUndefined();
    expect(reply.embeds?.[0]?.fields?.length).toBeGreaterThan(3);
    expect(ctx.logged).toHaveLength(1);
  });
});

describe("/outage status without a service", () => {
  it("lists the services with problems now, worst first", async () => {
    const reply = await handleCommand(invocation("status"), fakeContext({ board: xBoard() }));
    const lines = reply.embeds?.[0]?.description?.split("\n") ?? [];
    expect(reply.embeds?.[0]?.title).toBe("Services with problems now (2)");
    expect(lines[0]).toMatch(
      /^🔴 \*\*X\*\*: Major outage · 41,230 reports in the last hour \(130× usual\) · since <t:/,
    );
    expect(lines[1]).toMatch(/^⚠️ \*\*GitHub\*\*: Degraded/);
    expect((reply.data as StatusReport[]).map((r) => r.service.id)).toEqual(["x", "github"]);
  });

  it("says all clear when no service has problems", async () => {
    const reply = await handleCommand(invocation("status"), fakeContext());
    expect(reply.embeds?.[0]?.title).toBe("✅ All clear");
    expect(reply.data).toEqual([]);
  });

  it("cuts a list of 500 troubled services with 'and N more'", async () => {
    const many = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [
        `s${i}`,
        statusOf({ id: `s${i}`, name: `Service ${i}` }, { level: "degraded" }),
      ]),
    );
    const reply = await handleCommand(invocation("status"), fakeContext({ board: fakeBoard({ statuses: many }) }));
    expectWithinLimits(reply);
    expect(reply.embeds?.[0]?.description).toMatch(/… and \d+ more$/);
  });
});

describe("Refresh button", () => {
  it("answers with the refreshed status reply, to replace the message in place", async () => {
    const ctx = fakeContext({ board: xBoard() });
    const reply = await handleButton("outage:refresh:x", invocation("status"), ctx);
    expect(reply.ephemeral).toBeUndefined();
    expect(reply.embeds?.[0]?.title).toBe("X: 🔴 Major outage");
  });

  it("answers privately for a service the catalog no longer has", async () => {
    const reply = await handleButton("outage:refresh:gone", invocation("status"), fakeContext());
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("no longer know");
  });

  it("answers privately for an unknown button", async () => {
    const reply = await handleButton("other:thing:1", invocation("status"), fakeContext());
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("no longer supported");
  });
});

describe("/outage status small wording (issue 17)", () => {
  it("writes a ratio of thousands with a separator everywhere in one reply", async () => {
    const big = statusOf(
      { id: "x", name: "X" },
      { crowd: { ...X_STATUS.crowd, last15m: 250_000, lastHour: 300_000, baselineHour: 316.7, ratio: 3158 } },
    );
    const reply = await handleCommand(
      invocation("status", { service: "x" }),
      fakeContext({ board: fakeBoard({ statuses: { x: big } }) }),
    );
    const text = JSON.stringify(reply.embeds);
    expect(text).toContain("3,158×");
    expect(text).not.toMatch(/\d{4}×/);
  });

  it("never ends the footer with 'as of' before Discord's own timestamp", async () => {
    const reply = await handleCommand(invocation("status", { service: "x" }), fakeContext({ board: xBoard() }));
    expect(reply.embeds?.[0]?.footer ?? "").not.toMatch(/as of$/i);
    expect(reply.embeds?.[0]?.timestamp).toBe(X_STATUS.asOf);
  });
});
