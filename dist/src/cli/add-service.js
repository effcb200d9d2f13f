import { parseArgs } from "node:util";
import { clashOf } from "../catalog/stored-services.js";
import { CATEGORIES, CategorySchema, ServiceSchema } from "../domain/service.js";
import { createServiceRepo } from "../store/service-repo.js";
import { UsageError } from "./io.js";
import { openApp } from "./open-app.js";
/** A service id from a name: lowercase letters, digits and dashes, at most 40 characters. */
export function idFromName(name) {
    return name
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 40)
        .replace(/-+$/, "");
}
/**
 * `outage-bot add-service <url> [--name <name>] [--alias <alias>]… [--category <category>]`: probes the
 * status page at `url` (address rules apply), and adds the service for everyone, kept in the store. A
 * name, id or alias already used by another service (built-in or added) is refused, naming the clash.
 */
export async function addService(args, io) {
    const { positionals, values } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            name: { type: "string" },
            alias: { type: "string", multiple: true },
            category: { type: "string" },
        },
    });
    const url = positionals[0];
    if (positionals.length !== 1 || url === undefined || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
        throw new UsageError("add-service takes the status page's http(s) URL, e.g. add-service https://status.example.com");
    }
    const category = CategorySchema.safeParse(values.category ?? "other");
    if (!category.success)
        throw new UsageError(`--category is one of ${CATEGORIES.join(", ")}`);
    const app = await openApp(io, { persist: false });
    try {
        const probe = await app.probe(url);
        if (!probe.ok) {
            io.stderr.write(`could not add ${url}: ${probe.error.kind}: ${probe.error.reason}\n`);
            if (probe.tried.length > 1)
                io.stderr.write(`tried: ${probe.tried.join(", ")}\n`);
            return 1;
        }
        const name = values.name ?? probe.title ?? new URL(url).hostname;
        const candidate = ServiceSchema.safeParse({
            id: idFromName(name) || idFromName(new URL(url).hostname),
            name,
            aliases: values.alias ?? [],
            category: category.data,
            statusPage: probe.page,
        });
        if (!candidate.success)
            throw new UsageError(`cannot add "${name}": ${candidate.error.issues[0]?.message}`);
        const service = candidate.data;
        const clash = clashOf(app.catalog.all(), service);
        if (clash)
            throw new UsageError(`refused: ${clash}; pick another --name or --alias`);
        await createServiceRepo(app.store.scope("services")).add(service, io.now());
        io.stdout.write(`added ${service.name} (${service.id}): ${probe.page.kind} page ${probe.page.url}, now ${probe.status.indicator ?? "unknown"}${probe.status.description ? ` (${probe.status.description})` : ""}\n`);
        return 0;
    }
    finally {
        await app.close();
    }
}
//# sourceMappingURL=add-service.js.map