import { z } from "zod";
import { ServiceSchema, StatusPageSchema } from "../domain/service.js";
const MoveSchema = z.object({ serviceId: z.string(), page: StatusPageSchema, at: z.number() });
/** ServiceRepo over its key space (`store.scope("services")`). */
export function createServiceRepo(kv) {
    const addedIndex = kv.index("added");
    const movedIndex = kv.index("moved");
    return {
        async added() {
            const ids = (await addedIndex.members()).reverse();
            const services = await kv.getMany(ids.map((id) => `added:${id}`), ServiceSchema);
            return services.filter((s) => s !== undefined);
        },
        async add(service, at) {
            await kv.set(`added:${service.id}`, service);
            await addedIndex.add([{ id: service.id, score: at }]);
        },
        async moves() {
            const ids = await movedIndex.members();
            const moves = await kv.getMany(ids.map((id) => `moved:${id}`), MoveSchema);
            return new Map(moves.filter((m) => m !== undefined).map((m) => [m.serviceId, m.page]));
        },
        async saveMove(serviceId, page, at) {
            await kv.set(`moved:${serviceId}`, { serviceId, page, at });
            await movedIndex.add([{ id: serviceId, score: at }]);
        },
    };
}
//# sourceMappingURL=service-repo.js.map