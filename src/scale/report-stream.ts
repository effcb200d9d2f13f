import type { CrowdReport } from "../domain/report.js";
import type { RedisClient } from "./redis-connection.js";
import { decodeReport, encodeReport } from "./report-codec.js";
import { STREAM_START } from "./stream-id.js";

/** Default cap of the stream: a safety net while no worker consumes (entries are trimmed once applied). */
export const DEFAULT_STREAM_MAX_LEN = 1_000_000;

/** Appends crowd reports to the shared stream. */
export interface ReportProducer {
  /** XADDs each report (pipelined, capped with MAXLEN ~) and returns the entry ids. */
  append(reports: readonly CrowdReport[]): Promise<string[]>;
}

/** A producer on `stream`, capped at about `maxLen` entries. */
export function createReportProducer(
  client: RedisClient,
  stream: string,
  maxLen = DEFAULT_STREAM_MAX_LEN,
): ReportProducer {
  const trim = { TRIM: { strategy: "MAXLEN", strategyModifier: "~", threshold: maxLen } } as const;
  return {
    async append(reports) {
      // Issued in one go, node-redis writes them as one pipeline; measured faster than MULTI here.
      return Promise.all(reports.map((report) => client.xAdd(stream, "*", encodeReport(report), trim)));
    },
  };
}

/** One entry read from the stream; `report` is null when the entry could not be read (`problem` says why). */
export interface ReportEntry {
  id: string;
  report: CrowdReport | null;
  problem?: string;
}

/** A batch read by the consumer. */
export interface ReportBatch {
  entries: ReportEntry[];
  /** Entries that were pending but had been trimmed away before anyone applied them (lost). */
  trimmed: number;
  /** True while these came from another consumer's pending list (XAUTOCLAIM). */
  claimed: boolean;
}

/** Reads the stream as one member of the aggregator's consumer group. */
export interface ReportStreamConsumer {
  /** Creates the group (from the stream's start) when it does not exist yet. */
  ensureGroup(): Promise<void>;
  /**
   * The next batch: first every entry some consumer was given but never acknowledged
   * (XAUTOCLAIM, from the start of the pending list), then new entries (XREADGROUP `>`,
   * waiting up to `blockMs` when there are none).
   */
  read(blockMs?: number): Promise<ReportBatch>;
  /** Acknowledges applied entries (XACK), in chunks. */
  ack(ids: readonly string[]): Promise<number>;
  /** Drops entries up to `id` from the stream once they are applied and acknowledged (XTRIM MINID ~). */
  trimThrough(id: string): Promise<void>;
  /** Entries given to some consumer and not yet acknowledged. */
  pendingCount(): Promise<number>;
}

/** Options of createReportStreamConsumer. */
export interface ReportStreamConsumerOptions {
  /** A connection of its own: XREADGROUP BLOCK holds the socket. */
  client: RedisClient;
  stream: string;
  group: string;
  /** This process's name in the group (host and pid). */
  consumer: string;
  /** Entries per read (default 1000). */
  batchSize?: number;
  /**
   * Only claim entries pending at least this long (default 0: the caller holds the leader lock,
   * so whoever read them before is no longer applying them).
   */
  claimMinIdleMs?: number;
}

const ACK_CHUNK = 5_000;

function toEntries(messages: readonly ({ id: string; message: Record<string, unknown> } | null)[]): ReportEntry[] {
  const out: ReportEntry[] = [];
  for (const m of messages) {
    if (m === null) continue;
    const decoded = decodeReport(m.message);
    out.push(decoded.ok ? { id: m.id, report: decoded.report } : { id: m.id, report: null, problem: decoded.reason });
  }
  return out;
}

/** A consumer-group reader of the report stream (XREADGROUP, XACK, XAUTOCLAIM). */
export function createReportStreamConsumer(options: ReportStreamConsumerOptions): ReportStreamConsumer {
  const { client, stream, group, consumer } = options;
  const count = options.batchSize ?? 1_000;
  const minIdle = options.claimMinIdleMs ?? 0;
  // Where XAUTOCLAIM continues; null once the pending list has been walked to its end.
  let claimFrom: string | null = STREAM_START;

  return {
    async ensureGroup() {
      try {
        await client.xGroupCreate(stream, group, STREAM_START, { MKSTREAM: true });
      } catch (error) {
        if (!(error instanceof Error && error.message.includes("BUSYGROUP"))) throw error;
      }
    },

    async read(blockMs = 0) {
      while (claimFrom !== null) {
        const reply = await client.xAutoClaim(stream, group, consumer, minIdle, claimFrom, { COUNT: count });
        claimFrom = reply.nextId === STREAM_START ? null : reply.nextId;
        const entries = toEntries(reply.messages);
        const trimmed = reply.deletedMessages?.length ?? 0;
        if (entries.length > 0 || trimmed > 0) return { entries, trimmed, claimed: true };
      }
      const reply = await client.xReadGroup(
        group,
        consumer,
        { key: stream, id: ">" },
        blockMs > 0 ? { COUNT: count, BLOCK: blockMs } : { COUNT: count },
      );
      const messages = reply?.[0]?.messages ?? [];
      return { entries: toEntries(messages), trimmed: 0, claimed: false };
    },

    async ack(ids) {
      let acked = 0;
      for (let i = 0; i < ids.length; i += ACK_CHUNK) {
        acked += await client.xAck(stream, group, ids.slice(i, i + ACK_CHUNK));
      }
      return acked;
    },

    async trimThrough(id) {
      // MINID keeps `id` itself and later ones; it is applied, so keeping one extra is harmless.
      await client.xTrim(stream, "MINID", id, { strategyModifier: "~" });
    },

    async pendingCount() {
      const summary = await client.xPending(stream, group);
      return Number(summary.pending);
    },
  };
}
