import { z } from "zod";
import { type Service, ServiceSchema, type StatusPage, StatusPageSchema } from "../domain/service.js";
import type { KvScope } from "./kv-scope.js";

const MoveSchema = z.object({ serviceId: z.string(), page: StatusPageSchema, at: z.number() });

/**
 * Services added at run time (`outage-bot add-service`, for everyone) and status pages that moved,
 * kept in the store so every process and every restart sees them; merged into the catalog at start.
 */
export interface ServiceRepo {
  /** Added services, oldest first. */
  added(): Promise<Service[]>;
  add(service: Service, at: number): Promise<void>;
  /** The page each moved service is polled at now, by service id. */
  moves(): Promise<Map<string, StatusPage>>;
  saveMove(serviceId: string, page: StatusPage, at: number): Promise<void>;
}

/** ServiceRepo over its key space (`store.scope("services")`). */
export function createServiceRepo(kv: KvScope): ServiceRepo {
  const addedIndex = kv.index("added");
  const movedIndex = kv.index("moved");
  return {
    async added() {
      const ids = (await addedIndex.members()).reverse();
      const services = await kv.getMany(
        ids.map((id) => `added:${id}`),
        ServiceSchema,
      );
      return services.filter((s): s is Service => s !== undefined);
    },
    async add(service, at) {
      await kv.set(`added:${service.id}`, service);
      await addedIndex.add([{ id: service.id, score: at }]);
    },
    async moves() {
      const ids = await movedIndex.members();
      const moves = await kv.getMany(
        ids.map((id) => `moved:${id}`),
        MoveSchema,
      );
      return new Map(moves.filter((m) => m !== undefined).map((m) => [m.serviceId, m.page]));
    },
    async saveMove(serviceId, page, at) {
      await kv.set(`moved:${serviceId}`, { serviceId, page, at });
      await movedIndex.add([{ id: serviceId, score: at }]);
    },
  };
}
