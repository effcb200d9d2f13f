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
});
export type OfficialStatus = z.infer<typeof OfficialStatusSchema>;

/** Status page content without freshness: what one good fetch of a page says. */
export const OfficialSnapshotSchema = OfficialStatusSchema.omit({
  fetchedAt: true,
  stale: true,
  ageSeconds: true,
  error: true,
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
