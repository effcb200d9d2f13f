import type { OfficialStatus } from "../domain/official.js";
import type { Metrics } from "../metrics/metrics.js";
import type { HealthCheck } from "./deps.js";

/** `/readyz` check of the store: its ping, timed into the store latency histogram. */
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
 * `/readyz` check of the status page sources: fine while at least one polled page answered
 * recently (one vendor being down is news, not a fault of ours); fine too when none is polled.
 * Stale pages only degrade readiness: every command still answers, with the official state unknown.
 */
export function sourcesHealthCheck(
  official: (serviceId: string, at: number) => OfficialStatus | null,
  serviceIds: () => readonly string[],
  now: () => number,
): HealthCheck {
  return {
    name: "sources",
    degradesOnly: true,
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
