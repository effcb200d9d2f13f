import { readFile } from "node:fs/promises";
import { ServiceSchema } from "../domain/service.js";
import { createCatalog } from "./catalog.js";
import { CatalogError } from "./catalog-error.js";
import { describeCollision, findCollisions } from "./collisions.js";
import { builtInServices } from "./services-data.js";
/** The id an entry claims, for messages, even when the entry is invalid. */
function claimedId(entry) {
    if (typeof entry === "object" && entry !== null && "id" in entry) {
        const id = entry.id;
        if (typeof id === "string")
            return `id "${id}"`;
    }
    return "no valid id";
}
function describeIssues(error) {
    return error.issues
        .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(entry)"}: ${issue.message}`)
        .join("; ");
}
/** Reads and validates the file: a JSON array of valid services with distinct ids. */
async function readServicesFile(file) {
    let text;
    try {
        text = await readFile(file, "utf8");
    }
    catch (error) {
        throw new CatalogError(`CATALOG_FILE ${file} cannot be read: ${error.message}`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new CatalogError(`CATALOG_FILE ${file} is not valid JSON: ${error.message}`);
    }
    if (!Array.isArray(data)) {
        const got = data === null ? "null" : typeof data;
        throw new CatalogError(`CATALOG_FILE ${file} must hold a JSON array of services, but holds ${got}`);
    }
    const services = [];
    const problems = [];
    const firstIndexOf = new Map();
    data.forEach((entry, index) => {
        const parsed = ServiceSchema.safeParse(entry);
        if (!parsed.success) {
            problems.push(`entry ${index} (${claimedId(entry)}): ${describeIssues(parsed.error)}`);
            return;
        }
        const earlier = firstIndexOf.get(parsed.data.id);
        if (earlier !== undefined) {
            problems.push(`entry ${index} (id "${parsed.data.id}"): id: duplicates entry ${earlier}; give each service once`);
            return;
        }
        firstIndexOf.set(parsed.data.id, index);
        services.push({ service: parsed.data, index });
    });
    if (problems.length > 0)
        throw new CatalogError(`CATALOG_FILE ${file} has invalid entries: ${problems.join(" | ")}`);
    return services;
}
/**
 * The catalog to run with: the built-in services, and when `file` is given its entries merged by
 * id. An entry whose id exists replaces that built-in service as a whole (give every field you
 * want to keep); a new id adds a service. Any problem throws a CatalogError naming the file, the
 * entry and the field.
 */
export async function loadCatalog(options = {}) {
    const builtIn = options.builtIn ?? builtInServices;
    if (options.file === undefined || options.file === "")
        return createCatalog(builtIn);
    const file = options.file;
    const entries = await readServicesFile(file);
    const extra = entries.map((entry) => entry.service);
    const entryIndex = new Map(entries.map((entry) => [entry.service.id, entry.index]));
    const builtInIds = new Set(builtIn.map((service) => service.id));
    const replaced = new Map(extra.map((service) => [service.id, service]));
    const merged = [
        ...builtIn.map((service) => replaced.get(service.id) ?? service),
        ...extra.filter((service) => !builtInIds.has(service.id)),
    ];
    const collisions = findCollisions(merged);
    if (collisions.length > 0) {
        const lines = collisions.map((collision) => {
            const culprit = entryIndex.has(collision.second.id) ? collision.second.id : collision.first.id;
            const index = entryIndex.get(culprit);
            const where = index === undefined ? "built-in catalog" : `entry ${index} (id "${culprit}")`;
            return `${where}: ${describeCollision(collision)}; rename or remove one of them`;
        });
        throw new CatalogError(`CATALOG_FILE ${file} collides with other services: ${lines.join(" | ")}`);
    }
    return createCatalog(merged);
}
//# sourceMappingURL=load-catalog.js.map