import { describe, expect, it } from "vitest";
import { handleButton, handleCommand } from "../../commands/index.js";
import { snowflakeTime } from "../../commands/snowflake.js";
import { PROBLEMS } from "../../src/domain/problems.js";
import { fakeBoard, fakeContext, fakeIntake, invocation, NOW } from "./fakes.js";
import { X_STATUS } from "./x-fixture.js";

describe("/outage report", () => {
  it("offers the report to the intake as a Discord report from this user and guild", async () => {
    const intake = fakeIntake();
    await handleCommand(
      invocation("report", { service: "twitter", problem: "login", region: "UK" }),
      fakeContext({ intake }),
    );
    expect(intake.offers).toEqual([
      {
        service: "x",
        region: "GB",
        regionInferred: false,
        problem: "login",
        reporter: "811000000000000000",
        origin: "700000000000000000",
        source: "discord",
        accountCreatedAt: snowflakeTime("811000000000000000"),
        at: NOW,
      },
    ]);
  });

  it("says privately that it counted, and shows the current status", async () => {
    const ctx = fakeContext({ board: fakeBoard({ statuses: { x: X_STATUS } }) });
    const reply = await handleCommand(invocation("report", { service: "x", problem: "app", region: "US" }), ctx);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe("✅ Thanks: your report of **App** problems with **X** in United States counted.");
    expect(reply.embeds?.[0]?.title).toBe("X: 🔴 Major outage");
  });

  it("says a queued report counted, and that the status shown takes it in within seconds", async () => {
    const ctx = fakeContext({ intake: fakeIntake([{ accepted: true, queued: true }]) });
    const reply = await handleCommand(invocation("report", { service: "x", problem: "app", region: "US" }), ctx);
    expect(reply.content).toBe(
      "✅ Thanks: your report of **App** problems with **X** in United States counted. The status below takes it in within a few seconds.",
    );
  });

  it("guesses the region from the Discord locale and marks it inferred", async () => {
    const intake = fakeIntake();
    const reply = await handleCommand(invocation("report", { service: "x" }), fakeContext({ intake }));
    expect(intake.offers[0]).toMatchObject({ region: "GB", regionInferred: true, problem: "other" });
    expect(reply.content).toContain("in United Kingdom counted. (region guessed from your Discord language");
  });

  it("sends no region when neither the option nor the locale gives one", async () => {
    const intake = fakeIntake();
    // Latin American Spanish: a numeric area names no one country.
    const inv = { ...invocation("report", { service: "x" }), user: { id: "811000000000000000", locale: "es-419" } };
    await handleCommand(inv, fakeContext({ intake }));
    expect(intake.offers[0]).toMatchObject({ region: undefined, regionInferred: false });
  });

  it("says why a second report within 15 minutes did not count", async () => {
    const intake = fakeIntake([{ accepted: false, reason: "duplicate", message: "already reported" }]);
    const reply = await handleCommand(invocation("report", { service: "x" }), fakeContext({ intake }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("You already reported **X** in the last 15 minutes");
    expect(reply.embeds).toHaveLength(1);
  });

  it("says when the reporter is rate limited", async () => {
    const intake = fakeIntake([{ accepted: false, reason: "rate_limited", message: "too many" }]);
    const reply = await handleCommand(invocation("report", { service: "x" }), fakeContext({ intake }));
    expect(reply.content).toContain("Try again in a few minutes");
  });

  it("reads the account creation time from the user's snowflake", () => {
    expect(snowflakeTime("175928847299117063")).toBe(Date.parse("2016-04-30T11:18:25.796Z"));
    expect(snowflakeTime("console")).toBeNull();
  });
});

describe("Report a problem button", () => {
  it("opens a private menu of problem types and counts nothing yet", async () => {
    const intake = fakeIntake();
    const reply = await handleButton("outage:report:github", invocation("status"), fakeContext({ intake }));
    expect(intake.offers).toEqual([]);
    expect(reply.ephemeral).toBe(true);
    expect(reply.select?.customId).toBe("outage:report-problem:github");
    expect(reply.select?.options.map((o) => o.value)).toEqual([...PROBLEMS]);
    expect(reply.select?.options.find((o) => o.value === "login")?.label).toBe("Login");
  });

  it("counts the problem picked in the menu", async () => {
    const intake = fakeIntake();
    const inv = { ...invocation("status"), values: ["login"] };
    const reply = await handleButton("outage:report-problem:github", inv, fakeContext({ intake }));
    expect(intake.offers[0]).toMatchObject({ service: "github", problem: "login", source: "discord" });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("**Login** problems with **GitHub**");
  });

  it("refuses a pick that is not a problem type, saying what to do", async () => {
    const intake = fakeIntake();
    const inv = { ...invocation("status"), values: ["**boom**"] };
    const reply = await handleButton("outage:report-problem:github", inv, fakeContext({ intake }));
    expect(intake.offers).toEqual([]);
    expect(reply.content).toContain("Pick one of the problems in the menu");
  });
});
