import { z } from "zod";

/** Atlassian-style page indicator, used as the common vocabulary of every status page source. */
export const INDICATORS = ["none", "minor", "major", "critical", "maintenance"] as const;
export const IndicatorSchema = z.enum(INDICATORS);
export type Indicator = z.infer<typeof IndicatorSchema>;

export const COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export const ComponentStatusSchema = z.enum(COMPONENT_STATUSES);
export type ComponentStatus = z.infer<typeof ComponentStatusSchema>;

export const OfficialComponentSchema = z.object({
  name: z.string(),
  status: ComponentStatusSchema,
  group: z.string().nullable(),
  /** ISO region the component's name points at (a data centre, a cloud region), when it names one. */
  region: z.string().length(2).nullable().default(null),
});
export type OfficialComponent = z.infer<typeof OfficialComponentSchema>;

export const OfficialIncidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  impact: z.enum(["none", "minor", "major", "critical", "maintenance"]),
  startedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  latestUpdate: z.string().nullable(),
  url: z.string().nullable(),
});
export type OfficialIncident = z.infer<typeof OfficialIncidentSchema>;

/** What a vendor's own status page says, as kept in the store and shown in the status report. */
export const OfficialStatusSchema = z.object({
  indicator: IndicatorSchema.nullable(),
  description: z.string().nullable(),
  pageUrl: z.string().nullable(),
  components: z.array(OfficialComponentSchema),
  incidents: z.array(OfficialIncidentSchema),
  maintenance: z.array(OfficialIncidentSchema),
  /** ISO time of the last good fetch, null when the page never answered well. */
  fetchedAt: z.string().nullable(),
  stale: z.boolean(),
  /** Seconds since the last good fetch, null when there was none. */
  ageSeconds: z.number().nullable(),
  error: z.string().nullable(),
  /** ISO time of the last attempt to fetch the page (good or not), null when none was made. */
  checkedAt: z.string().nullable().optional(),
});
export type OfficialStatus = z.infer<typeof OfficialStatusSchema>;

/** Status page content without freshness: what one good fetch of a page says. */
export const OfficialSnapshotSchema = OfficialStatusSchema.omit({
  fetchedAt: true,
  stale: true,
  ageSeconds: true,
  error: true,
  checkedAt: true,
});
export type OfficialSnapshot = z.infer<typeof OfficialSnapshotSchema>;

/** Changes in a vendor's own incident, as the alerts consume them. */
export const OFFICIAL_INCIDENT_EVENT_KINDS = ["opened", "updated", "resolved"] as const;
export type OfficialIncidentEventKind = (typeof OFFICIAL_INCIDENT_EVENT_KINDS)[number];

/** An official incident opening, changing (status, impact, a new update) or resolving on a status page. */
export interface OfficialIncidentEvent {
  kind: OfficialIncidentEventKind;
  serviceId: string;
  /** Epoch ms the poller saw the change. */
  at: number;
  incident: OfficialIncident;
}

/** Why the vendor's state is unknown for a time before the first record kept. */
export const OFFICIAL_NOT_KNOWN_YET = "not known for this time: the first check kept is from later";

/**
 * The vendor's state as known at `at`. The store keeps the latest check only, so when that check
 * is from after `at` the state at `at` is unknown, and said so, rather than shown from the future.
 */
export function officialAsOf(official: OfficialStatus | null, at: number): OfficialStatus | null {
  if (official === null) return null;
  const fetched = official.fetchedAt === null ? null : Date.parse(official.fetchedAt);
  const checked = official.checkedAt == null ? null : Date.parse(official.checkedAt);
  if ((fetched === null || fetched <= at) && (checked === null || checked <= at)) {
    return fetched === null ? official : { ...official, ageSeconds: Math.round((at - fetched) / 1000) };
  }
  return unknownOfficial(official.pageUrl, OFFICIAL_NOT_KNOWN_YET, null);
}

/** A vendor state with nothing known: no snapshot, stale, and why (`error`) with the last check, if any. */
export function unknownOfficial(pageUrl: string | null, error: string, checkedAt: string | null): OfficialStatus {
  return {
    indicator: null,
    description: null,
    pageUrl,
    components: [],
    incidents: [],
    maintenance: [],
    fetchedAt: null,
    stale: true,
    ageSeconds: null,
    error,
    checkedAt,
  };
}
