import { decodeReport, encodeReport } from "./report-codec.js";
import { STREAM_START } from "./stream-id.js";
/** Default cap of the stream: a safety net while no worker consumes (entries are trimmed once applied). */
export const DEFAULT_STREAM_MAX_LEN = 1_000_000;
/** A producer on `stream`, capped at about `maxLen` entries. */
export function createReportProducer(client, stream, maxLen = DEFAULT_STREAM_MAX_LEN) {
    const trim = { TRIM: { strategy: "MAXLEN", strategyModifier: "~", threshold: maxLen } };
    return {
        async append(reports) {
            // Issued in one go, node-redis writes them as one pipeline; measured faster than MULTI here.
            return Promise.all(reports.map((report) => client.xAdd(stream, "*", encodeReport(report), trim)));
        },
    };
}
const ACK_CHUNK = 5_000;
function toEntries(messages) {
    const out = [];
    for (const m of messages) {
        if (m === null)
            continue;
        const decoded = decodeReport(m.message);
        out.push(decoded.ok ? { id: m.id, report: decoded.report } : { id: m.id, report: null, problem: decoded.reason });
    }
    return out;
}
/** A consumer-group reader of the report stream (XREADGROUP, XACK, XAUTOCLAIM). */
export function createReportStreamConsumer(options) {
    const { client, stream, group, consumer } = options;
    const count = options.batchSize ?? 1_000;
    const minIdle = options.claimMinIdleMs ?? 0;
    // Where XAUTOCLAIM continues; null once the pending list has been walked to its end.
    let claimFrom = STREAM_START;
    return {
        async ensureGroup() {
            try {
                await client.xGroupCreate(stream, group, STREAM_START, { MKSTREAM: true });
            }
            catch (error) {
                if (!(error instanceof Error && error.message.includes("BUSYGROUP")))
                    throw error;
            }
        },
        async read(blockMs = 0) {
            while (claimFrom !== null) {
                const reply = await client.xAutoClaim(stream, group, consumer, minIdle, claimFrom, { COUNT: count });
                claimFrom = reply.nextId === STREAM_START ? null : reply.nextId;
                const entries = toEntries(reply.messages);
                const trimmed = reply.deletedMessages?.length ?? 0;
                if (entries.length > 0 || trimmed > 0)
                    return { entries, trimmed, claimed: true };
            }
            const reply = await client.xReadGroup(group, consumer, { key: stream, id: ">" }, blockMs > 0 ? { COUNT: count, BLOCK: blockMs } : { COUNT: count });
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
//# sourceMappingURL=report-stream.js.map