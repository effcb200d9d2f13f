import { parseOptions } from "./options.js";
/** Builds a registry entry whose `handle` validates with the schema and then runs. */
export function defineSubcommand(spec) {
    // Building a zod schema costs more than using one: keep the last one while catalog and regions stay.
    let cached = null;
    const schemaFor = (ctx) => {
        if (cached?.catalog !== ctx.catalog || cached.regions !== ctx.regions) {
            cached = { catalog: ctx.catalog, regions: ctx.regions, schema: spec.schema(ctx) };
        }
        return cached.schema;
    };
    return {
        spec,
        name: spec.name,
        ...(spec.command ? { command: spec.command } : {}),
        definition: spec.definition,
        schema: spec.schema,
        handle: async (inv, ctx) => spec.run(parseOptions(schemaFor(ctx), inv), inv, ctx),
        ...(spec.autocomplete ? { autocomplete: spec.autocomplete } : {}),
        ...(spec.buttons ? { buttons: spec.buttons } : {}),
        ...(spec.permissions ? { permissions: spec.permissions } : {}),
    };
}
//# sourceMappingURL=subcommand.js.map