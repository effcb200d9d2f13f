import type { OfficialStatus } from "../domain/official.js";
import type { Metrics } from "../metrics/metrics.js";
import type { HealthCheck } from "./deps.js";

/** `/healthz` check of the store: its ping, timed into the store latency histogram. */
export function storeHealthCheck(store: { ping(): Promise<void> }, metrics?: Metrics): HealthCheck {
  return {
    name: "store",
    run: async () => {
      const end = metrics?.storeDuration.startTimer({ op: "ping" });
      try {
        await store.ping();
      } finally {
        end?.();
      }
    },
  };
}

/**
 * `/healthz` check of the status page sources: ready while at least one polled page answered
 * recently (one vendor being down is news, not a fault of ours); ready too when none is polled.
 */
export function sourcesHealthCheck(
  official: (serviceId: string, at: number) => OfficialStatus | null,
  serviceIds: () => readonly string[],
  now: () => number,
): HealthCheck {
  return {
    name: "sources",
    run: async () => {
      const at = now();
      const states = serviceIds()
        .map((id) => official(id, at))
        .filter((s): s is OfficialStatus => s !== null);
      const fresh = states.filter((s) => !s.stale && s.fetchedAt !== null).length;
      const detail = `${fresh} of ${states.length} status pages fresh`;
      return { ok: states.length === 0 || fresh > 0, detail };
    },
  };
}
