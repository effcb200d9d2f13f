import { setMaxListeners } from "node:events";
import { describeOfficialChanges, diffOfficialIncidents } from "./official-diff.js";
import { emptyPollRecord } from "./poll-record.js";
import { applyResult, nextDelay, toOfficialStatus } from "./poll-state.js";
import { createSourceRegistry } from "./registry.js";
import { sourceError } from "./source-error.js";
const DEFAULT_SCHEDULER = {
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle),
};
/** The controller that cancels every fetch in flight; each one listens to it, hence no listener cap. */
function cancellation() {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    return controller;
}
/** Whether an error means the page no longer holds what its kind expects (moved, or changed platforms). */
function isUnreadable(error) {
    return error.kind === "parse" || (error.kind === "http" && (error.httpStatus === 404 || error.httpStatus === 410));
}
/** Probes again after `after` unreadable answers in a row, then after 2×, 4×, … as many. */
function dueForProbe(failures, after) {
    return failures >= after && Number.isInteger(Math.log2(failures / after));
}
/** Creates the poller. It never throws out of a poll: every failure becomes a source error on its page. */
export function createPoller(options) {
    const { catalog, now, logger } = options;
    const sources = options.sources ?? createSourceRegistry(options.regionOf);
    const random = options.random ?? Math.random;
    const scheduler = options.scheduler ?? DEFAULT_SCHEDULER;
    const concurrency = Math.max(1, options.concurrency ?? 8);
    const probeAfter = Math.max(1, options.reprobeAfterFailures ?? 2);
    const records = new Map();
    /** Pages found by a probe after a page moved, by service id; they replace the catalog's. */
    const moved = new Map();
    const inFlight = new Map();
    let cancel = cancellation();
    let running = false;
    let timer = null;
    const pageOf = (s) => moved.get(s.id) ?? s.statusPage;
    /** One key per document polled: services that share it are polled with one request. */
    const keyOf = (page) => `${page.kind} ${sources[page.kind]?.endpoint(page) ?? page.url}`;
    const unsupported = new Set();
    /** Services whose page has an adapter; a kind without one is logged once and left out. */
    const polled = () => catalog.all().filter((s) => {
        const page = pageOf(s);
        if (!page)
            return false;
        if (sources[page.kind])
            return true;
        if (!unsupported.has(s.id)) {
            unsupported.add(s.id);
            logger.warn({ serviceId: s.id, kind: page.kind }, "no adapter for this status page kind; not polled");
        }
        return false;
    });
    /** Polled services grouped by the document they read; the first of each group leads its schedule. */
    const groups = () => {
        const byKey = new Map();
        for (const s of polled()) {
            const key = keyOf(pageOf(s));
            const group = byKey.get(key);
            if (group)
                group.push(s);
            else
                byKey.set(key, [s]);
        }
        return [...byKey.values()];
    };
    const intervalMs = (s) => (pageOf(s)?.intervalSeconds ?? options.defaultIntervalSeconds ?? 60) * 1000;
    const officialOf = (s, at) => toOfficialStatus(records.get(s.id), at, {
        staleAfterMs: intervalMs(s) * (options.staleAfterIntervals ?? 3),
        pageUrl: pageOf(s)?.url ?? null,
    });
    async function fetchPage(page, validators) {
        const source = sources[page.kind];
        try {
            return await source.fetch(page, {
                fetch: options.fetch,
                signal: cancel.signal,
                now,
                etag: validators?.etag ?? null,
                lastModified: validators?.lastModified ?? null,
                limits: options.limits,
            });
        }
        catch (error) {
            // Sources do not throw; this keeps a bug in one from stopping the others.
            return { ok: false, error: sourceError("network", error instanceof Error ? error.message : String(error)) };
        }
    }
    /** After unreadable answers, probes the page again; a different page found replaces it for the whole group. */
    async function followMove(group, page, failures) {
        if (!options.reprobe || !dueForProbe(failures, probeAfter))
            return null;
        let found = null;
        try {
            found = await options.reprobe(group[0], page);
        }
        catch (error) {
            logger.warn({ serviceId: group[0].id, err: error }, "status page probe failed");
        }
        if (!found || keyOf(found) === keyOf(page) || !sources[found.kind])
            return null;
        for (const s of group)
            moved.set(s.id, found);
        return found;
    }
    /** Polls the document a group of services shares, once, and applies the answer to each of them. */
    async function pollGroup(group) {
        const leader = group[0];
        const page = pageOf(leader);
        const previous = records.get(leader.id) ?? emptyPollRecord(leader.id, now());
        // Validators only when every service sharing the page holds a snapshot a 304 would keep.
        const conditional = group.every((s) => records.get(s.id)?.snapshot);
        let result = await fetchPage(page, conditional ? previous : null);
        // Cancelled by stop(): not the page's fault, so its records are left as they were.
        if (!result.ok && cancel.signal.aborted)
            return group.map((s) => failedOutcome(s, result.ok ? "" : result.error.reason));
        let to = null;
        if (!result.ok && isUnreadable(result.error)) {
            to = await followMove(group, page, previous.failures + 1);
            if (to)
                result = await fetchPage(to, null);
        }
        const at = now();
        const outcomes = [];
        for (const service of group)
            outcomes.push(await applyTo(service, result, at, to ? { from: page, to } : null));
        return outcomes;
    }
    async function applyTo(service, result, at, move) {
        const kept = records.get(service.id) ?? emptyPollRecord(service.id, at);
        // A moved page starts over: the old page's validators mean nothing to the new one.
        const previous = move ? { ...kept, etag: null, lastModified: null } : kept;
        const applied = applyResult(previous, result, at);
        const record = {
            ...applied,
            nextPollAt: at + nextDelay(applied, { ...options.timing, intervalMs: intervalMs(service) }, random),
        };
        records.set(service.id, record);
        const fresh = result.ok && !result.notModified ? record.snapshot : null;
        const events = fresh ? diffOfficialIncidents(service.id, previous.snapshot, fresh, at) : [];
        const changes = fresh ? describeOfficialChanges(previous.snapshot, fresh, events) : [];
        if (move)
            changes.unshift(`moved its status page to ${move.to.kind} ${move.to.url}`);
        if (!result.ok && previous.lastError?.reason !== result.error.reason) {
            changes.push(`error: ${result.error.kind}: ${result.error.reason}`);
        }
        const official = officialOf(service, at);
        const outcome = {
            serviceId: service.id,
            result: !result.ok ? "error" : result.notModified ? "not_modified" : changes.length > 0 ? "updated" : "unchanged",
            official,
            changes,
            events,
            error: result.ok ? null : result.error,
            nextPollAt: record.nextPollAt,
        };
        if (!result.ok)
            logger.warn({ serviceId: service.id, error: result.error }, "status page poll failed");
        if (move) {
            const pageMove = { serviceId: service.id, from: move.from, to: move.to, at };
            logger.info({ ...pageMove }, `${service.name} moved its status page to ${move.to.url} (${move.to.kind})`);
            await settle("onPageMoved", service.id, () => options.onPageMoved?.(pageMove));
        }
        await settle("save", service.id, () => options.repo?.save(record));
        await settle("onStatus", service.id, () => options.onStatus?.(service.id, official));
        if (events.length > 0)
            await settle("onEvents", service.id, () => options.onEvents?.(events));
        return outcome;
    }
    /** The outcome of a poll that hit a bug: logged, reported as an error, the record untouched. */
    function failedOutcome(service, error) {
        logger.warn({ serviceId: service.id, err: error }, "status page poll crashed");
        const reason = error instanceof Error ? error.message : String(error);
        const at = now();
        return {
            serviceId: service.id,
            result: "error",
            official: officialOf(service, at),
            changes: [],
            events: [],
            error: sourceError("network", reason),
            nextPollAt: records.get(service.id)?.nextPollAt ?? at,
        };
    }
    /** Runs a side effect; its failure is logged and never stops polling. */
    async function settle(what, serviceId, run) {
        try {
            await run();
        }
        catch (error) {
            logger.warn({ serviceId, err: error }, `status page ${what} failed`);
        }
    }
    function pollOne(group) {
        const key = keyOf(pageOf(group[0]));
        const pending = inFlight.get(key);
        if (pending)
            return pending;
        const task = pollGroup(group)
            .catch((error) => group.map((s) => failedOutcome(s, error)))
            .finally(() => inFlight.delete(key));
        inFlight.set(key, task);
        return task;
    }
    async function pollOnce(serviceIds) {
        const wanted = serviceIds ? new Set(serviceIds) : null;
        const queue = groups().filter((g) => !wanted || g.some((s) => wanted.has(s.id)));
        const outcomes = new Array(queue.length);
        let next = 0;
        const worker = async () => {
            while (next < queue.length) {
                const index = next++;
                outcomes[index] = await pollOne(queue[index]);
            }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
        return outcomes.flat().filter((o) => !wanted || wanted.has(o.serviceId));
    }
    function schedule() {
        if (!running)
            return;
        if (timer !== null)
            scheduler.clearTimeout(timer);
        const at = now();
        let soonest = Number.POSITIVE_INFINITY;
        for (const group of groups()) {
            const leader = group[0];
            if (inFlight.has(keyOf(pageOf(leader))))
                continue;
            let record = records.get(leader.id);
            if (!record) {
                // Spread the first polls over the first interval (at most 15 s) instead of all at once.
                record = emptyPollRecord(leader.id, at + Math.round(random() * Math.min(intervalMs(leader), 15_000)));
                records.set(leader.id, record);
            }
            if (record.nextPollAt > at)
                soonest = Math.min(soonest, record.nextPollAt);
            // A due page waiting for a free slot is picked up when a running poll finishes.
            else if (inFlight.size < concurrency)
                void pollOne(group).finally(schedule);
        }
        // Waits for the next due page; also wakes up now and then so catalog changes are picked up.
        const wait = Math.min(Math.max(soonest - at, 10), 30_000);
        timer = scheduler.setTimeout(() => {
            timer = null;
            schedule();
        }, wait);
    }
    return {
        pollOnce,
        official(serviceId, at) {
            const service = catalog.get(serviceId);
            const page = service ? pageOf(service) : undefined;
            return service && page && sources[page.kind] ? officialOf(service, at) : null;
        },
        async load() {
            if (!options.repo)
                return;
            const services = polled();
            try {
                const stored = await options.repo.getMany(services.map((s) => s.id));
                stored.forEach((record, i) => {
                    const id = services[i]?.id;
                    if (record && id && !records.has(id))
                        records.set(id, record);
                });
            }
            catch (error) {
                logger.warn({ err: error }, "could not restore status page records; starting fresh");
            }
        },
        start() {
            if (running)
                return;
            running = true;
            cancel = cancellation();
            schedule();
        },
        async stop() {
            running = false;
            if (timer !== null)
                scheduler.clearTimeout(timer);
            timer = null;
            cancel.abort();
            await Promise.allSettled([...inFlight.values()]);
            cancel = cancellation();
        },
    };
}
//# sourceMappingURL=poller.js.map