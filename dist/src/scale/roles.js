/** What one `outage-bot start` process does. `all` is the single-process bot. */
export const ROLES = ["all", "gateway", "worker"];
/** `start`'s arguments with `--role <role>` (or `--role=<role>`) taken out; `all` when absent. */
export function takeRole(args) {
    const rest = [];
    let role;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === "--role") {
            role = args[++i];
            if (role === undefined)
                return { error: `--role needs a value: ${ROLES.join(", ")}` };
        }
        else if (arg.startsWith("--role="))
            role = arg.slice("--role=".length);
        else
            rest.push(arg);
    }
    if (role === undefined)
        return { role: "all", rest };
    const known = ROLES.find((r) => r === role);
    return known ? { role: known, rest } : { error: `unknown role "${role}": expected ${ROLES.join(", ")}` };
}
//# sourceMappingURL=roles.js.map