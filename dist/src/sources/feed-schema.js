import { z } from "zod";
/** A date as the parser writes it (ISO 8601), read back as a Date. */
const When = z.iso
    .datetime({ offset: true })
    .nullable()
    .transform((s) => (s === null ? null : new Date(s)));
/** One entry of an RSS or Atom feed, as @rowanmanning/feed-parser's `toJSON()` gives it. */
export const FeedEntrySchema = z.object({
    id: z.string().nullable(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    description: z.string().nullable(),
    content: z.string().nullable(),
    published: When,
    updated: When,
});
/** An RSS or Atom feed, normalised by the parser (RSS 2.0, RSS 1.0/RDF, Atom 1.0). */
export const FeedDocumentSchema = z.object({
    meta: z.object({ type: z.enum(["rss", "atom"]) }),
    title: z.string().nullable(),
    url: z.string().nullable(),
    items: z.array(FeedEntrySchema),
});
//# sourceMappingURL=feed-schema.js.map