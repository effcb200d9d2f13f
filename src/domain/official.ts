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
