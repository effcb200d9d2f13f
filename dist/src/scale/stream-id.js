/** Stream ids are `<ms>-<seq>`; they order by the pair, not as strings. */
export function compareStreamIds(a, b) {
    const [am = "0", as = "0"] = a.split("-");
    const [bm = "0", bs = "0"] = b.split("-");
    const byMs = Number(am) - Number(bm);
    if (byMs !== 0)
        return byMs < 0 ? -1 : 1;
    const bySeq = Number(as) - Number(bs);
    return bySeq === 0 ? 0 : bySeq < 0 ? -1 : 1;
}
/** The id before any entry: every real id is after it. */
export const STREAM_START = "0-0";
//# sourceMappingURL=stream-id.js.map