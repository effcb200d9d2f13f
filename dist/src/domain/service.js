import { z } from "zod";
/** Service categories of the catalog. */
export const CATEGORIES = [
    "social",
    "chat",
    "games",
    "cloud",
    "dev",
    "payments",
    "isp",
    "streaming",
    "productivity",
    "ai",
    "other",
];
export const CategorySchema = z.enum(CATEGORIES);
/**
 * Status page formats that have a source adapter in src/sources/. `feed` is any RSS or Atom feed
 * (its `url` is the feed itself); `betterstack` a Better Stack (Better Uptime) page's `/index.json`.
 */
export const STATUS_PAGE_KINDS = [
    "atlassian",
    "incidentio",
    "instatus",
    "statusio",
    "google-cloud",
    "betterstack",
    "feed",
];
export const StatusPageKindSchema = z.enum(STATUS_PAGE_KINDS);
/** Where a service's official status page lives; `url` is the page's base URL (http or https only). */
export const StatusPageSchema = z.object({
    kind: StatusPageKindSchema,
    url: z.url({ protocol: /^https?$/ }),
    /** Poll interval in seconds (default 60). */
    intervalSeconds: z.int().min(10).max(3600).optional(),
    /**
     * status.io page id (24 hex digits, kind "statusio" only): its public API is keyed by this id,
     * which the page's own URL does not contain (https://api.status.io/1.0/status/<pageId>).
     */
    pageId: z
        .string()
        .regex(/^[0-9a-f]{24}$/i, "a status.io page id is 24 hexadecimal digits")
        .optional(),
});
/** One catalog entry: a service people can ask about. */
export const ServiceSchema = z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes, at most 40 characters"),
    name: z.string().min(1).max(80),
    aliases: z.array(z.string().min(1).max(80)).default([]),
    category: CategorySchema,
    statusPage: StatusPageSchema.optional(),
    /** The service's home page, linked from replies. */
    url: z.url({ protocol: /^https?$/ }).optional(),
});
//# sourceMappingURL=service.js.map