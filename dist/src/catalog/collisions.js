import { normalizeName } from "./normalize.js";
/** The names of a service with the field each comes from. */
function namesOf(service) {
    return [
        { text: service.id, field: "id" },
        { text: service.name, field: "name" },
        ...service.aliases.map((text, i) => ({ text, field: `aliases.${i}` })),
    ];
}
/**
 * Every id, name or alias that normalises to the key of another service (case, accents, spaces and
 * punctuation ignored), including duplicate ids. A service repeating its own name is fine.
 */
export function findCollisions(services) {
    const owners = new Map();
    const found = [];
    services.forEach((service, index) => {
        for (const { text, field } of namesOf(service)) {
            const key = normalizeName(text);
            if (key.length === 0)
                continue;
            const owner = owners.get(key);
            if (owner === undefined)
                owners.set(key, { index, id: service.id, text });
            else if (owner.index !== index)
                found.push({ key, first: owner, second: { index, id: service.id, text, field } });
        }
    });
    return found;
}
/** One line describing a collision, for error messages. */
export function describeCollision(collision) {
    const { first, second } = collision;
    if (first.id === second.id)
        return `id "${second.id}" is given to two services (entries ${first.index} and ${second.index})`;
    return `${second.field} "${second.text}" of "${second.id}" is already a name of "${first.id}" ("${first.text}"; names are compared ignoring case, accents, spaces and punctuation)`;
}
//# sourceMappingURL=collisions.js.map