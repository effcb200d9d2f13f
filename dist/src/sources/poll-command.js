function formatOutcome(outcome, name) {
    const o = outcome.official;
    const state = o.indicator ? `${o.indicator} (${o.description ?? ""})` : "no good answer yet";
    const head = `${name}: ${state} [${outcome.result}${o.stale ? ", stale" : ""}]`;
    const lines = outcome.changes.length > 0 ? outcome.changes : outcome.result === "error" ? [] : ["no change"];
    const error = outcome.error ? [`error: ${outcome.error.kind}: ${outcome.error.reason}`] : [];
    return [head, ...[...lines, ...error.filter((e) => !lines.includes(e))].map((l) => `  - ${l}`)].join("\n");
}
/**
 * `outage-bot poll [service]`: polls one service's page (by id, name or alias) or every page once
 * and says what changed since the state the poller holds (restored from the store when loaded).
 */
export async function pollCommand(options) {
    const { catalog, poller, query } = options;
    let ids;
    if (query !== undefined) {
        const service = catalog.resolve(query);
        if (!service) {
            const hint = catalog.suggest(query, 3).map((s) => s.id);
            const more = hint.length > 0 ? `; did you mean ${hint.join(", ")}?` : "";
            return { exitCode: 2, text: `unknown service "${query}"${more}\n` };
        }
        if (!service.statusPage)
            return { exitCode: 0, text: `${service.name} has no official status page in the catalog\n` };
        ids = [service.id];
    }
    const outcomes = await poller.pollOnce(ids);
    if (query !== undefined && outcomes.length === 0) {
        return { exitCode: 0, text: `${query}: its status page format has no adapter yet, so it is not polled\n` };
    }
    const text = outcomes.map((o) => formatOutcome(o, catalog.get(o.serviceId)?.name ?? o.serviceId)).join("\n");
    const failed = outcomes.filter((o) => o.result === "error").length;
    const summary = `${outcomes.length} page(s) polled, ${outcomes.filter((o) => o.changes.length > 0).length} changed, ${failed} failed`;
    return { exitCode: failed > 0 ? 1 : 0, text: `${text}\n${summary}\n` };
}
//# sourceMappingURL=poll-command.js.map