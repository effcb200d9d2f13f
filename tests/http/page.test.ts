import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderStatusPage } from "../../src/http/page.js";
import { fakeCatalog, NOW, report } from "./fake-context.js";
import { startServer } from "./harness.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI !== "true") {
  console.warn(`Skipping the status page browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

describe("status page HTML", () => {
  it("escapes service names and reasons", () => {
    const evil = fakeCatalog().get("evil")!;
    const html = renderStatusPage({
      problems: [report(evil, "major_outage", NOW)],
      watched: 4,
      now: NOW,
      charted: new Set(["evil"]),
      refreshS: 15,
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
  });

  it("says all clear when nothing has a problem", () => {
    const html = renderStatusPage({ problems: [], watched: 4, now: NOW, charted: new Set(), refreshS: 15 });
    expect(html).toContain("All 4 watched services look operational");
  });

  it("is served with a strict Content-Security-Policy", async () => {
    const started = await startServer();
    try {
      const res = await fetch(`${started.base}/`);
      expect(res.status).toBe(200);
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("script-src");
    } finally {
      await started.close();
    }
  });

  it("serves a service's chart as SVG, and 404 for an unknown one", async () => {
    const started = await startServer();
    try {
      const res = await fetch(`${started.base}/charts/github.svg`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
      expect(await res.text()).toMatch(/^<svg|<\?xml/);
      expect((await fetch(`${started.base}/charts/nope.svg`)).status).toBe(404);
    } finally {
      await started.close();
    }
  });
});

// Runs whenever Chromium is there; in CI a missing Chromium fails the launch instead of skipping.
describe.skipIf(!hasChromium && process.env.CI !== "true")("status page in headless Chromium", () => {
  let started: Awaited<ReturnType<typeof startServer>>;
  let browser: import("playwright-core").Browser;

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    started = await startServer({ levels: { github: "major_outage", discord: "degraded", evil: "partial_outage" } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });

  it("shows the services with problems worst first, each with a visible chart, and no CSP violation", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const problems: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(msg.text());
    });
    page.on("pageerror", (err) => problems.push(err.message));
    await page.goto(`${started.base}/`, { waitUntil: "load" });

    const services = await page
      .locator("section.service")
      .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-service"), n.getAttribute("data-level")]));
    expect(services).toEqual([
      ["github", "major_outage"],
      ["evil", "partial_outage"],
      ["discord", "degraded"],
    ]);
    await expect(page.locator('section[data-service="github"] .badge').textContent()).resolves.toBe("Major outage");
    // The hostile name is shown as text, not run.
    await expect(page.locator('section[data-service="evil"] h2').textContent()).resolves.toContain(
      "<script>alert(1)</script>",
    );

    const charts = page.locator("img.chart");
    expect(await charts.count()).toBe(3);
    for (const chart of await charts.all()) {
      await chart.scrollIntoViewIfNeeded();
      expect(await chart.isVisible()).toBe(true);
      const loaded = await chart.evaluate((img) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return image.complete ? image.naturalWidth : 0;
      });
      expect(loaded).toBeGreaterThan(0);
    }
    // The badge style comes from the hashed style block: a CSP mismatch would leave it unstyled.
    const badgeColour = await page.locator('section[data-service="github"] .badge').evaluate((el) => {
      const view = globalThis as unknown as { getComputedStyle(node: unknown): { backgroundColor: string } };
      return view.getComputedStyle(el).backgroundColor;
    });
    expect(badgeColour).not.toBe("rgba(0, 0, 0, 0)");
    await page.screenshot({ path: "/tmp/outage-bot-status-page.png", fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
