import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { subscriptionId } from "../../src/alerts/subscription.js";
import { loadAggregator } from "../../src/app/aggregator-persistence.js";
import { createAlertRepos } from "../../src/app/alert-wiring.js";
import type { CrowdReport } from "../../src/domain/report.js";
import { scaleKeys } from "../../src/scale/keys.js";
import { closeRedis } from "../../src/scale/redis-connection.js";
import { createReportProducer } from "../../src/scale/report-stream.js";
import { type DiscordEmulator, startEmulator } from "../support/discord-emulator/index.js";
import { redisStore } from "./fixtures/world.js";
import { dropPrefix, runRedis, testClient, uniquePrefix } from "./redis-run.js";

const prefix = uniquePrefix("failover");
const keys = scaleKeys(prefix);
const T0 = Date.UTC(2026, 10, 26, 9, 0);
const MIN = 60_000;
const child = fileURLToPath(new URL("./fixtures/worker-child.ts", import.meta.url));

/** Reports of X, minute by minute: an hour of quiet, a 30-minute outage, an hour of quiet. */
function replayedOutage(): CrowdReport[][] {
  const minutes: CrowdReport[][] = [];
  let n = 0;
  const perMinute = (m: number) => {
    if (m >= 60 && m < 90) return Math.min(400, 40 * (m - 59));
    // Quiet: one report every ten minutes, so the replayed clock moves on and the incident resolves.
    return m % 10 === 0 ? 1 : 0;
  };
  for (let m = 0; m < 150; m++) {
    const reports: CrowdReport[] = [];
    for (let i = 0; i < perMinute(m); i++) {
      reports.push({
        serviceId: "x",
        region: i % 2 === 0 ? "GB" : "US",
        regionInferred: false,
        problem: "app",
        at: T0 + m * MIN + i,
        reporterHash: `reporter-${n++}`,
        originHash: `guild-${n}`,
        source: "api",
        accountCreatedAt: null,
      });
    }
    minutes.push(reports);
  }
  return minutes;
}

interface Child {
  name: string;
  proc: ChildProcess;
  leading: boolean;
}

/** True until the child process has exited or been killed. */
const alive = (c: Child) => c.proc.exitCode === null && c.proc.signalCode === null;

function spawnWorker(name: string, apiUrl: string): Child {
  const proc = fork(child, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, SCALE_PREFIX: prefix, SCALE_API_URL: apiUrl, SCALE_NAME: name, SCALE_T0: String(T0) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const c: Child = { name, proc, leading: false };
  proc.on("message", (msg: { type?: string }) => {
    if (msg.type === "leading") c.leading = true;
  });
  return c;
}

/**
 * Polls a condition until it holds, naming the step when it never does. The limit is near the test's
 * own: a loaded machine starts three tsx processes slowly, and nothing here measures speed.
 */
async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 110_000, interval: 25 },
  );
}

describe.runIf(runRedis)("failover of the worker in the middle of an outage", () => {
  let emulator: DiscordEmulator | undefined;
  const children: Child[] = [];
  afterAll(async () => {
    for (const c of children) if (alive(c)) c.proc.kill("SIGKILL");
    await emulator?.close();
    await dropPrefix(prefix);
  });

  it("counts every report once, detects the incident and posts its alert once, across two leader deaths", async () => {
    emulator = await startEmulator();
    const store = await redisStore(prefix);
    const target = { kind: "service" as const, serviceId: "x" };
    await createAlertRepos(store).subscriptions.upsert({
      id: subscriptionId(emulator.channelId, target),
      guildId: emulator.guildId,
      channelId: emulator.channelId,
      target,
      minLevel: "degraded",
      regions: [],
      mode: "edit",
      roleId: null,
      sendResolution: true,
      paused: null,
      createdAt: T0,
    });

    for (const name of ["w1", "w2", "w3"]) children.push(spawnWorker(name, emulator.apiUrl));
    const client = await testClient();
    const producer = createReportProducer(client, keys.stream);
    const minutes = replayedOutage();
    const total = minutes.reduce((s, m) => s + m.length, 0);
    let lastId = "";
    const storedCursor = async () => (await store.aggregatorState.cursor()) ?? "";
    const resumedFrom: string[] = [];
    /** Kills the leader once it has checkpointed (or had nothing left to), so the next one resumes from stored state. */
    const killLeader = async () => {
      await until(() => children.some((c) => c.leading && alive(c)), "a leader");
      const leader = children.find((c) => c.leading && alive(c))!;
      const before = await storedCursor();
      await until(async () => {
        const now = await storedCursor();
        return now !== before || now === lastId;
      }, "a checkpoint by the leader");
      leader.proc.kill("SIGKILL");
      await new Promise((r) => leader.proc.once("exit", r));
      leader.leading = false;
      resumedFrom.push(await storedCursor());
    };
    for (let m = 0; m < minutes.length; m++) {
      const ids = await producer.append(minutes[m]!);
      lastId = ids.at(-1) ?? lastId;
      // Two leaders die mid-outage: as it ramps up and at its height.
      if (m === 70 || m === 85) await killLeader();
    }

    await until(async () => (await storedCursor()) === lastId, "the last report applied and checkpointed");
    await until(async () => (await store.incidents.recent()).length > 0, "the incident resolved");
    await until(
      () =>
        emulator!
          .channelMessages(emulator!.channelId)
          .some((msg) => JSON.stringify(msg).toLowerCase().includes("resolved")),
      "the resolution delivered",
    );

    // Stop the survivor cleanly, then read the state it left.
    const survivor = children.find(alive)!;
    survivor.proc.send({ type: "stop" });
    await new Promise((r) => survivor.proc.once("exit", r));

    const aggregator = await loadAggregator(store);
    const counters = aggregator!.stats().counters;
    expect(counters.accepted).toBe(total);
    expect(counters.rejected.duplicate ?? 0).toBe(0);
    const incidents = await store.incidents.recent();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ serviceId: "x" });
    expect(incidents[0]!.totalReports).toBeGreaterThan(5_000);
    // One message for the one incident in the one subscribed channel (updated in place since).
    expect(emulator.channelMessages(emulator.channelId)).toHaveLength(1);
    expect(children.filter((c) => c.proc.signalCode === "SIGKILL")).toHaveLength(2);
    // Each takeover resumed from a checkpoint in the middle of the stream, not from the start.
    expect(resumedFrom.every((c) => c !== "" && c !== lastId)).toBe(true);
    await store.close();
    await closeRedis(client);
  }, 120_000);
});
