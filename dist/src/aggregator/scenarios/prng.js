/** mulberry32: small, fast and deterministic for a given seed. */
export function createRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** A Poisson draw with mean `lambda` (normal approximation above 30). */
export function poisson(random, lambda) {
    if (lambda <= 0)
        return 0;
    if (lambda > 30) {
        const u = Math.max(random(), Number.EPSILON);
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
        return Math.max(0, Math.round(lambda + z * Math.sqrt(lambda)));
    }
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = random();
    while (p > limit) {
        k++;
        p *= random();
    }
    return k;
}
/** Picks from weighted items; weights need not sum to 1. */
export function createPicker(items) {
    const total = items.reduce((s, [, w]) => s + w, 0);
    const cumulative = [];
    let acc = 0;
    for (const [, w] of items) {
        acc += w / total;
        cumulative.push(acc);
    }
    return (random) => {
        const r = random();
        for (let i = 0; i < cumulative.length; i++)
            if (r < cumulative[i])
                return items[i][0];
        return items[items.length - 1][0];
    };
}
//# sourceMappingURL=prng.js.map