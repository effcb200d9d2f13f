import { REGION_WINDOWS } from "../domain/board.js";
import { seriesRange } from "../domain/windows.js";
const DAY_MS = 24 * 60 * 60 * 1000;
/** Step of the published series: the one the status chart draws (commands/charts.ts). */
export const SERIES_STEP_MS = 15 * 60 * 1000;
/** Incidents kept per published list. */
export const PUBLISHED_INCIDENTS = 50;
/** Published keys outlive a quiet day, then vanish (a service removed from the catalog). */
const BOARD_TTL_MS = 26 * 60 * 60 * 1000;
/** A publisher reading from the worker's in-process board (crowd and official combined). */
export function createBoardPublisher(client, keys, board) {
    const opts = { expiration: { type: "PX", value: BOARD_TTL_MS } };
    return {
        async publish(serviceIds, at) {
            const batch = client.multi();
            let services = 0;
            const range = seriesRange(at, DAY_MS, SERIES_STEP_MS);
            for (const id of new Set(serviceIds)) {
                const [status, series, active, recent, ...breakdowns] = await Promise.all([
                    board.status(id, at),
                    board.series(id, range.from, range.to, SERIES_STEP_MS),
                    board.incidents({ serviceId: id, state: "active", at, limit: PUBLISHED_INCIDENTS }),
                    board.incidents({ serviceId: id, state: "recent", at, limit: PUBLISHED_INCIDENTS }),
                    ...REGION_WINDOWS.map((w) => board.regions(id, w, at)),
                ]);
                const regions = {};
                REGION_WINDOWS.forEach((w, i) => {
                    regions[w] = breakdowns[i];
                });
                batch.set(keys.status(id), JSON.stringify(status), opts);
                batch.set(keys.series(id), JSON.stringify({ stepMs: SERIES_STEP_MS, points: series }), opts);
                batch.set(keys.regions(id), JSON.stringify(regions), opts);
                batch.set(keys.incidents(id), JSON.stringify({ active, recent }), opts);
                services++;
            }
            const problems = await board.problems(at);
            const [active, recent] = await Promise.all([
                board.incidents({ state: "active", at, limit: PUBLISHED_INCIDENTS }),
                board.incidents({ state: "recent", at, limit: PUBLISHED_INCIDENTS }),
            ]);
            batch.set(keys.problems, JSON.stringify({ asOf: at, reports: problems }));
            batch.set(keys.allIncidents, JSON.stringify({ active, recent }));
            await batch.execAsPipeline();
            return { services, problems: problems.map((p) => p.service.id) };
        },
    };
}
//# sourceMappingURL=board-publisher.js.map