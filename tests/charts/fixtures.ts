import type { SeriesPoint } from "../../src/domain/board.js";
import type { Level } from "../../src/domain/levels.js";

/** Thu 26 Nov 2026 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 26, 12, 0);
export const STEP = 15 * 60_000;
/** Buckets of the incident spike in `dayWithIncident` (start, peak, end). */
export const SPIKE = { start: 70, peak: 74, end: 84 } as const;

/** A usual level that follows the time of day: low at night, high in the afternoon (UTC). */
export function usualAt(at: number): number {
  const h = new Date(at).getUTCHours() + new Date(at).getUTCMinutes() / 60;
  return 8 + 6 * Math.sin(((h - 6) / 24) * 2 * Math.PI);
}

/** 24 h of 15-minute buckets ending at NOW, quiet except an outage spike around bucket 74. */
export function dayWithIncident(): SeriesPoint[] {
  return Array.from({ length: 96 }, (_, i) => {
    const at = NOW - 24 * 3_600_000 + i * STEP;
    const usual = usualAt(at);
    const spike = i >= SPIKE.start && i < SPIKE.end ? 200 * Math.exp(-((i - SPIKE.peak) ** 2) / 12) + 40 : 0;
    const reports = Math.max(0, Math.round(usual + spike + ((i * 7) % 5) - 2));
    const level: Level =
      spike > 120 ? "major_outage" : spike > 60 ? "partial_outage" : spike > 20 ? "degraded" : "operational";
    return { at, reports, usual, level };
  });
}

/** A quiet series of `n` buckets of `step` ending at NOW. */
export function quiet(n: number, step: number): SeriesPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const at = NOW - n * step + i * step;
    const usual = usualAt(at) * (step / STEP);
    return { at, reports: Math.round(usual + ((i * 5) % 3) - 1), usual, level: "operational" as const };
  });
}
