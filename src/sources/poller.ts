import { setMaxListeners } from "node:events";
import type { Service } from "../domain/service.js";
import { describeOfficialChanges, diffOfficialIncidents } from "./official-diff.js";
import { emptyPollRecord, type PollRecord } from "./poll-record.js";
import { applyResult, nextDelay, toOfficialStatus } from "./poll-state.js";
import type { Poller, PollerOptions, PollOutcome, Scheduler } from "./poller-types.js";
import { createSourceRegistry } from "./registry.js";
import type { SourceResult } from "./source.js";
import { sourceError } from "./source-error.js";

export type { Poller, PollerLogger, PollerOptions, PollOutcome, PollRecordStore, Scheduler } from "./poller-types.js";

const DEFAULT_SCHEDULER: Scheduler = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The controller that cancels every fetch in flight; each one listens to it, hence no listener cap. */
function cancellation(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

/** Creates the poller. It never throws out of a poll: every failure becomes a source error on its page. */
export function createPoller(options: PollerOptions): Poller {
  const { catalog, now, logger } = options;
  const sources = options.sources ?? createSourceRegistry(options.regionOf);
  const random = options.random ?? Math.random;
  const scheduler = options.scheduler ?? DEFAULT_SCHEDULER;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const records = new Map<string, PollRecord>();
  const inFlight = new Map<string, Promise<PollOutcome>>();
  let cancel = cancellation();
  let running = false;
  let timer: unknown = null;

  const unsupported = new Set<string>();
  /** Services whose page has an adapter; a kind without one is logged once and left out. */
  const polled = (): Service[] =>
    catalog.all().filter((s) => {
      if (!s.statusPage) return false;
      if (sources[s.statusPage.kind]) return true;
      if (!unsupported.has(s.id)) {
        unsupported.add(s.id);
        logger.warn({ serviceId: s.id, kind: s.statusPage.kind }, "no adapter for this status page kind; not polled");
      }
      return false;
    });
  const intervalMs = (s: Service) => (s.statusPage?.intervalSeconds ?? options.defaultIntervalSeconds ?? 60) * 1000;
  const officialOf = (s: Service, at: number) =>
    toOfficialStatus(records.get(s.id), at, {
      staleAfterMs: intervalMs(s) * (options.staleAfterIntervals ?? 3),
      pageUrl: s.statusPage?.url ?? null,
    });

  async function fetchPage(service: Service, record: PollRecord): Promise<SourceResult> {
    const page = service.statusPage!;
    const source = sources[page.kind]!;
    try {
      return await source.fetch(page, {
        fetch: options.fetch,
        signal: cancel.signal,
        now,
        etag: record.snapshot ? record.etag : null,
        lastModified: record.snapshot ? record.lastModified : null,
        limits: options.limits,
      });
    } catch (error) {
      // Sources do not throw; this keeps a bug in one from stopping the others.
      return { ok: false, error: sourceError("network", error instanceof Error ? error.message : String(error)) };
    }
  }

  async function pollService(service: Service): Promise<PollOutcome> {
    const previous = records.get(service.id) ?? emptyPollRecord(service.id, now());
    const result = await fetchPage(service, previous);
    const at = now();
    // Cancelled by stop(): not the page's fault, so its record is left as it was.
    if (!result.ok && cancel.signal.aborted) return failedOutcome(service, result.error.reason);
    const applied = applyResult(previous, result, at);
    const record = {
      ...applied,
      nextPollAt: at + nextDelay(applied, { ...options.timing, intervalMs: intervalMs(service) }, random),
    };
    records.set(service.id, record);
    const fresh = result.ok && !result.notModified ? record.snapshot : null;
    const events = fresh ? diffOfficialIncidents(service.id, previous.snapshot, fresh, at) : [];
    const changes = fresh ? describeOfficialChanges(previous.snapshot, fresh, events) : [];
    if (!result.ok && previous.lastError?.reason !== result.error.reason) {
      changes.push(`error: ${result.error.kind}: ${result.error.reason}`);
    }
    const official = officialOf(service, at);
    const outcome: PollOutcome = {
      serviceId: service.id,
      result: !result.ok ? "error" : result.notModified ? "not_modified" : changes.length > 0 ? "updated" : "unchanged",
      official,
      changes,
      events,
      error: result.ok ? null : result.error,
      nextPollAt: record.nextPollAt,
    };
    if (!result.ok) logger.warn({ serviceId: service.id, error: result.error }, "status page poll failed");
    await settle("save", service.id, () => options.repo?.save(record));
    await settle("onStatus", service.id, () => options.onStatus?.(service.id, official));
    if (events.length > 0) await settle("onEvents", service.id, () => options.onEvents?.(events));
    return outcome;
  }

  /** The outcome of a poll that hit a bug: logged, reported as an error, the record untouched. */
  function failedOutcome(service: Service, error: unknown): PollOutcome {
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
  async function settle(what: string, serviceId: string, run: () => unknown): Promise<void> {
    try {
      await run();
    } catch (error) {
      logger.warn({ serviceId, err: error }, `status page ${what} failed`);
    }
  }

  function pollOne(service: Service): Promise<PollOutcome> {
    const pending = inFlight.get(service.id);
    if (pending) return pending;
    const task = pollService(service)
      .catch((error: unknown) => failedOutcome(service, error))
      .finally(() => inFlight.delete(service.id));
    inFlight.set(service.id, task);
    return task;
  }

  async function pollOnce(serviceIds?: readonly string[]): Promise<PollOutcome[]> {
    const wanted = serviceIds ? new Set(serviceIds) : null;
    const queue = polled().filter((s) => !wanted || wanted.has(s.id));
    const outcomes: PollOutcome[] = new Array(queue.length);
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const index = next++;
        outcomes[index] = await pollOne(queue[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return outcomes;
  }

  function schedule(): void {
    if (!running) return;
    if (timer !== null) scheduler.clearTimeout(timer);
    const at = now();
    let soonest = Number.POSITIVE_INFINITY;
    for (const service of polled()) {
      if (inFlight.has(service.id)) continue;
      let record = records.get(service.id);
      if (!record) {
        // Spread the first polls over the first interval (at most 15 s) instead of all at once.
        record = emptyPollRecord(service.id, at + Math.round(random() * Math.min(intervalMs(service), 15_000)));
        records.set(service.id, record);
      }
      if (record.nextPollAt > at) soonest = Math.min(soonest, record.nextPollAt);
      // A due page waiting for a free slot is picked up when a running poll finishes.
      else if (inFlight.size < concurrency) void pollOne(service).finally(schedule);
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
      return service?.statusPage && sources[service.statusPage.kind] ? officialOf(service, at) : null;
    },
    async load() {
      if (!options.repo) return;
      const services = polled();
      try {
        const stored = await options.repo.getMany(services.map((s) => s.id));
        stored.forEach((record, i) => {
          const id = services[i]?.id;
          if (record && id && !records.has(id)) records.set(id, record);
        });
      } catch (error) {
        logger.warn({ err: error }, "could not restore status page records; starting fresh");
      }
    },
    start() {
      if (running) return;
      running = true;
      cancel = cancellation();
      schedule();
    },
    async stop() {
      running = false;
      if (timer !== null) scheduler.clearTimeout(timer);
      timer = null;
      cancel.abort();
      await Promise.allSettled([...inFlight.values()]);
      cancel = cancellation();
    },
  };
}
