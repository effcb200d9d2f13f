import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import { type Aggregator, type AggregatorOptions, createAggregator, createStatusBoard } from "../aggregator/index.js";
import { createAggregatorSaver, loadAggregator } from "../app/aggregator-persistence.js";
import type { Catalog, RegionDirectory } from "../catalog/types.js";
import type { StatusBoard } from "../domain/board.js";
import type { IncidentEvent } from "../domain/incident.js";
import type { Store } from "../store/index.js";
import { createBoardPublisher } from "./board-publisher.js";
import type { ScaleKeys } from "./keys.js";
import { createLeaderLock, type LeaderLock } from "./leader-lock.js";
import { closeRedis, connectRedis } from "./redis-connection.js";
import { createReportStreamConsumer } from "./report-stream.js";
import { compareStreamIds, STREAM_START } from "./stream-id.js";

/** What the leader hands to the duties it runs (pollers, alert delivery). */
export interface LeaderContext {
  aggregator: Aggregator;
  /** The in-process board over that aggregator. */
  board: StatusBoard;
  /** Aborted the moment this process stops being the leader. */
  signal: AbortSignal;
  logger: Logger;
}

/** Duties started on becoming leader and stopped at once on losing the lock. */
export interface LeaderDuties {
  /**
   * Incident events of a tick, awaited BEFORE the state that produced them is checkpointed: a
   * leader that dies in between re-emits them from the older state, so this must be idempotent
   * (the alert engine is: a thread keyed by incident and channel, sent with a nonce).
   */
  onIncidentEvents?(events: readonly IncidentEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/** Options of createWorker. */
export interface WorkerOptions {
  redisUrl: string;
  keys: ScaleKeys;
  /** The Redis store (aggregator state, incidents). */
  store: Store;
  catalog: Catalog;
  regions: RegionDirectory;
  logger: Logger;
  /** Domain time (Date.now in production; replays pass their own). */
  now: () => number;
  aggregatorOptions?: AggregatorOptions;
  /** This process's name in the consumer group (host-pid by default). */
  consumerName?: string;
  /** Leader lease (default 10 s). */
  lockTtlMs?: number;
  /** Entries per read (default 1000). */
  batchSize?: number;
  /** Longest wait of one read when the stream is empty (default 250 ms). */
  blockMs?: number;
  /** State is checkpointed (and entries acknowledged) at least this often while reports flow (default 1000 ms). */
  checkpointEveryMs?: number;
  /** Most entries applied before a checkpoint is forced (default 50,000). */
  maxUnacked?: number;
  /** Pause after a short batch (under a quarter of batchSize), so reads carry more entries (default 5 ms). */
  lingerMs?: number;
  /** Aggregator ticks (incident evaluation) this often (default 1000 ms). */
  tickEveryMs?: number;
  /** Changed services are published to gateways this often (default 1000 ms). */
  publishEveryMs?: number;
  /** Every known service is republished this often, as sliding windows move (default 60 s). */
  fullPublishEveryMs?: number;
  /** The board the leader publishes from (crowd only by default; pass one that merges official status). */
  makeBoard?: (aggregator: Aggregator) => StatusBoard;
  duties?: (leader: LeaderContext) => Promise<LeaderDuties> | LeaderDuties;
  /**
   * Refuse reports dated more than a minute after `now` (default true). A replay whose clock
   * follows the data itself turns this off.
   */
  rejectFutureReports?: boolean;
  /** Monotonic clock for schedules and the lease (performance.now by default). */
  clock?: () => number;
}

/** Counters of one worker since start. */
export interface WorkerStats {
  terms: number;
  /** Tries for the leader lock that another worker held (a standby's heartbeat). */
  refused: number;
  applied: number;
  /** Entries at or before the checkpointed cursor, seen again after a takeover and not re-applied. */
  skipped: number;
  invalid: number;
  /** Pending entries trimmed from the stream before anyone applied them. */
  trimmed: number;
  checkpoints: number;
  cursor: string;
}

/** A worker process: contends for the leader lock and, while leading, runs the aggregator on the stream. */
export interface Worker {
  start(): void;
  /** Finishes the current batch, checkpoints, releases the lock and closes its connections. */
  stop(): Promise<void>;
  readonly leading: boolean;
  /** Resolves when this worker leads with its state loaded. */
  whenLeading(): Promise<void>;
  stats(): WorkerStats;
}

/** `work`, or a rejection once `ms` have passed: a leader stuck on one call must stand down, not hang. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Builds a worker; `start()` begins contending for the lock. */
export function createWorker(options: WorkerOptions): Worker {
  const { keys, store, logger, now } = options;
  const clock = options.clock ?? (() => performance.now());
  const ttlMs = options.lockTtlMs ?? 10_000;
  const blockMs = options.blockMs ?? 250;
  const checkpointEvery = options.checkpointEveryMs ?? 1_000;
  const maxUnacked = options.maxUnacked ?? 50_000;
  const tickEvery = options.tickEveryMs ?? 1_000;
  const publishEvery = options.publishEveryMs ?? 1_000;
  const fullEvery = options.fullPublishEveryMs ?? 60_000;
  const lingerMs = options.lingerMs ?? 5;
  const lingerBelow = Math.floor((options.batchSize ?? 1_000) / 4);
  const consumerName = options.consumerName ?? `${hostname()}-${process.pid}`;
  const makeBoard =
    options.makeBoard ??
    ((aggregator: Aggregator) => createStatusBoard({ catalog: options.catalog, regions: options.regions, aggregator }));
  const stats: WorkerStats = {
    terms: 0,
    refused: 0,
    applied: 0,
    skipped: 0,
    invalid: 0,
    trimmed: 0,
    checkpoints: 0,
    cursor: "",
  };
  const stopper = new AbortController();
  let leading = false;
  let running: Promise<void> | null = null;
  const waiters = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopper.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        stopper.signal.removeEventListener("abort", done);
        resolve();
      }
      stopper.signal.addEventListener("abort", done, { once: true });
    });

  async function lead(signal: AbortSignal, lock: LeaderLock, clients: Clients): Promise<void> {
    // State and stream position are saved together (one transaction): after a crash the next leader
    // skips every entry at or before the cursor, so each is counted exactly once, acknowledged or not.
    const restored = await loadAggregator(store, options.aggregatorOptions);
    const aggregator = restored ?? createAggregator(options.aggregatorOptions);
    let cursor = (await store.aggregatorState.cursor()) ?? STREAM_START;
    const saver = createAggregatorSaver(store, aggregator, { logger });
    stats.cursor = cursor;
    const board = makeBoard(aggregator);
    const publisher = createBoardPublisher(clients.main, keys, board);
    const consumer = createReportStreamConsumer({
      client: clients.stream,
      stream: keys.stream,
      group: keys.group,
      consumer: consumerName,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    await consumer.ensureGroup();
    const duties = options.duties ? await options.duties({ aggregator, board, signal, logger }) : null;
    let dutiesStopped: Promise<void> | null = null;
    const stopDuties = () => {
      dutiesStopped ??= (duties?.stop() ?? Promise.resolve()).catch((error: unknown) =>
        logger.error({ err: error }, "stopping leader duties failed"),
      );
      return dutiesStopped;
    };
    // Losing the lock stops the duties at once, not when the current read returns.
    signal.addEventListener("abort", () => void stopDuties(), { once: true });
    logger.info({ cursor, services: aggregator.serviceIds().length, consumer: consumerName }, "leading");

    let unacked: string[] = [];
    let events: IncidentEvent[] = [];
    let dirty = false;
    const toPublish = new Set<string>(aggregator.serviceIds());
    let lastProblems: string[] = [];
    let lastTick = clock();
    let lastCheckpoint = clock();
    let lastPublish = 0;
    let lastFull = clock();

    const commit = async () => {
      // Not under a deadline: alert delivery may be paced by Discord's rate limits for a while.
      if (events.length > 0 && duties?.onIncidentEvents) await duties.onIncidentEvents(events);
      await within(ttlMs, "the checkpoint", save());
    };
    const save = async () => {
      if (signal.aborted || !lock.held()) throw new Error("leader lease ended before the checkpoint");
      const saved = await saver.save(events, cursor);
      for (const id of saved.services) toPublish.add(id);
      events = [];
      dirty = false;
      await consumer.ack(unacked);
      unacked = [];
      await consumer.trimThrough(cursor);
      stats.checkpoints++;
      stats.cursor = cursor;
      lastCheckpoint = clock();
    };
    const publish = async () => {
      const ids = new Set([...toPublish, ...lastProblems]);
      toPublish.clear();
      const result = await publisher.publish(ids, now());
      lastProblems = result.problems;
      lastPublish = clock();
    };

    try {
      await publish();
      leading = true;
      for (const resolve of waiters) resolve();
      waiters.clear();
      while (!signal.aborted && !stopper.signal.aborted) {
        // A lease that ran out while this process was paused must not read (and hide) entries.
        if (!lock.held()) throw new Error("leader lease ended");
        const batch = await within(ttlMs, "reading the stream", consumer.read(blockMs));
        if (signal.aborted) return;
        stats.trimmed += batch.trimmed;
        if (batch.trimmed > 0)
          logger.error({ lost: batch.trimmed }, "pending reports were trimmed before being applied");
        const at = options.rejectFutureReports === false ? undefined : now();
        for (const entry of batch.entries) {
          unacked.push(entry.id);
          if (compareStreamIds(entry.id, cursor) <= 0) {
            stats.skipped++;
            continue;
          }
          cursor = entry.id;
          dirty = true;
          if (entry.report === null) {
            stats.invalid++;
            logger.warn({ id: entry.id, problem: entry.problem }, "unreadable stream entry skipped");
            continue;
          }
          aggregator.ingest(entry.report, at);
          stats.applied++;
        }
        const t = clock();
        if (t - lastTick >= tickEvery) {
          const fresh = aggregator.tick(now());
          if (fresh.length > 0) events.push(...fresh);
          lastTick = t;
          dirty = true;
        }
        if ((dirty || unacked.length > 0) && (t - lastCheckpoint >= checkpointEvery || unacked.length >= maxUnacked)) {
          await commit();
        }
        if (t - lastFull >= fullEvery) {
          for (const id of aggregator.serviceIds()) toPublish.add(id);
          lastFull = t;
        }
        if (t - lastPublish >= publishEvery) await within(ttlMs, "publishing the board", publish());
        // A short batch means the worker is keeping up: let entries gather so the next read
        // carries more of them per round trip.
        if (batch.entries.length > 0 && batch.entries.length < lingerBelow) await sleep(lingerMs);
      }
      // A clean stop while still leading: evaluate, save and publish what was applied.
      events.push(...aggregator.tick(now()));
      await commit();
      await publish();
    } finally {
      leading = false;
      await stopDuties();
    }
  }

  interface Clients {
    main: Awaited<ReturnType<typeof connectRedis>>;
    stream: Awaited<ReturnType<typeof connectRedis>>;
  }

  async function run(): Promise<void> {
    const main = await connectRedis({ url: options.redisUrl, logger });
    const stream = await connectRedis({ url: options.redisUrl, logger });
    const clients: Clients = { main, stream };
    try {
      while (!stopper.signal.aborted) {
        const current = new AbortController();
        const lock = createLeaderLock({
          client: main,
          key: keys.lock,
          ttlMs,
          logger,
          clock,
          onLost: () => current.abort(),
        });
        let acquired = false;
        try {
          acquired = await lock.tryAcquire();
        } catch (error) {
          logger.warn({ err: error }, "could not try the leader lock");
        }
        if (!acquired) {
          stats.refused++;
          await sleep(Math.max(50, Math.floor(ttlMs / 5)));
          continue;
        }
        stats.terms++;
        try {
          await lead(current.signal, lock, clients);
        } catch (error) {
          if (!current.signal.aborted) logger.error({ err: error }, "leading failed; standing down to reload state");
        } finally {
          current.abort();
          await lock.release();
        }
        if (!stopper.signal.aborted) await sleep(Math.max(50, Math.floor(ttlMs / 5)));
      }
    } finally {
      await closeRedis(stream);
      await closeRedis(main);
    }
  }

  return {
    start() {
      running ??= run().catch((error: unknown) => logger.error({ err: error }, "worker stopped on an error"));
    },
    async stop() {
      stopper.abort();
      await running;
    },
    get leading() {
      return leading;
    },
    whenLeading() {
      if (leading) return Promise.resolve();
      return new Promise((resolve) => waiters.add(resolve));
    },
    stats: () => ({ ...stats }),
  };
}
