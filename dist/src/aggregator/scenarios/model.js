import { HOUR_MS, MINUTE_MS } from "../time.js";
import { createPicker, poisson } from "./prng.js";
/** Normal daily and weekly shape: evenings busier than nights (4:1), weekends a little busier. */
export function seasonality(at) {
    const hour = (at % (24 * HOUR_MS)) / HOUR_MS;
    const day = new Date(at).getUTCDay();
    const weekend = day === 0 || day === 6 ? 1.15 : 1;
    return (1 + 0.6 * Math.cos((2 * Math.PI * (hour - 16)) / 24)) * weekend;
}
/** Extra reports per minute that the waves add at `at`. */
export function waveRate(waves, at) {
    let extra = 0;
    for (const w of waves ?? []) {
        if (at < w.start || at >= w.end)
            continue;
        const startShare = w.startShare ?? 0.3;
        if (at < w.peakAt)
            extra += w.peakPerMinute * (startShare + ((1 - startShare) * (at - w.start)) / (w.peakAt - w.start));
        else
            extra += (w.peakPerMinute * (w.end - at)) / (w.end - w.peakAt);
    }
    return extra;
}
/** Generates the reports of one minute for every service, deterministically from `random`. */
export function createMinuteGenerator(scenario, random) {
    const pickers = scenario.services.map((s) => ({
        model: s,
        region: createPicker(s.regions),
        problem: createPicker(s.problems),
        outageRegion: createPicker(s.outageRegions ?? s.regions),
        outageProblem: createPicker(s.outageProblems ?? s.problems),
    }));
    let serial = 0;
    return (minute) => {
        const at0 = minute * MINUTE_MS;
        const out = [];
        for (const p of pickers) {
            const normal = poisson(random, p.model.basePerMinute * seasonality(at0));
            const extra = poisson(random, waveRate(p.model.waves, at0));
            for (let i = 0; i < normal + extra; i++) {
                const outage = i >= normal;
                serial++;
                // About 2 % of people press report twice: the dedupe must drop those.
                const again = serial > 1 && random() < 0.02;
                const reporter = again ? serial - 1 : serial;
                out.push({
                    serviceId: p.model.serviceId,
                    region: (outage ? p.outageRegion : p.region)(random),
                    regionInferred: random() < 0.4,
                    problem: (outage ? p.outageProblem : p.problem)(random),
                    at: at0 + Math.floor(random() * MINUTE_MS),
                    reporterHash: `${scenario.name}-r${reporter}`,
                    // 2,000 Discord servers of very different sizes (the largest sends ~2 % of all reports):
                    // at an outage's peak the biggest ones hit the per-server cap, as real large servers do.
                    originHash: `${scenario.name}-g${Math.floor(2000 * random() ** 2)}`,
                    source: "discord",
                    accountCreatedAt: null,
                });
            }
        }
        return out.sort((a, b) => a.at - b.at);
    };
}
//# sourceMappingURL=model.js.map