/**
 * When amended reports changed problem, so that a read as of an earlier minute sees each report
 * with the problem it had then. The problem counts themselves hold the latest problem of every
 * report; this keeps, per minute an amendment was made in, the changes it made to the counts of
 * the (earlier) minute its report was counted in. Changes of one amendment minute to one counted
 * minute are summed per problem, so memory is bounded by minutes and problems, not by reports:
 * at most (minutes kept) × (minutes an amendment may lag) × (problems) numbers per service.
 */
export class ProblemAmends {
  /** By amendment minute: flat [counted minute, problem, change, …] (change ≠ 0). */
  byMinute = new Map<number, number[]>();
  /** Most minutes seen between a counted report and its amendment: how far past a read to look. */
  maxLag = 0;

  /**
   * One report counted at minute `counted` was amended at minute `amended` from problem `from` to
   * `to` (the counts already moved). An amendment within the minute it amends needs no record:
   * no read sees that minute's count without it.
   */
  record(counted: number, amended: number, from: number, to: number): void {
    if (amended <= counted || from === to) return;
    let list = this.byMinute.get(amended);
    if (list === undefined) {
      list = [];
      this.byMinute.set(amended, list);
    }
    change(list, counted, from, -1);
    change(list, counted, to, 1);
    if (list.length === 0) this.byMinute.delete(amended);
    if (amended - counted > this.maxLag) this.maxLag = amended - counted;
  }

  /**
   * Takes out of `out` (counts per problem over minutes [from, to]) what amendments made after
   * minute `asOf` changed there: `out` then holds the counts as they were at the end of `asOf`.
   */
  undoAfter(asOf: number, from: number, to: number, out: Float64Array): void {
    if (this.byMinute.size === 0) return;
    for (let a = asOf + 1; a <= to + this.maxLag; a++) this.addMinute(a, from, to, out, -1);
  }

  /** Adds to `out` what the amendments made in minute `amended` changed in minutes [from, to]. */
  addMadeAt(amended: number, from: number, to: number, out: Float64Array | number[]): void {
    if (this.byMinute.size > 0) this.addMinute(amended, from, to, out, 1);
  }

  private addMinute(a: number, from: number, to: number, out: Float64Array | number[], sign: number): void {
    const list = this.byMinute.get(a);
    if (list === undefined) return;
    for (let i = 0; i < list.length; i += 3) {
      const counted = list[i]!;
      if (counted >= from && counted <= to) out[list[i + 1]!]! += sign * list[i + 2]!;
    }
  }

  /** Forgets amendments made in minutes before `minute` (their reports are older than the kept day). */
  forgetBefore(minute: number): void {
    if (this.byMinute.size === 0) return;
    for (const a of this.byMinute.keys()) if (a < minute) this.byMinute.delete(a);
    if (this.byMinute.size === 0) this.maxLag = 0;
  }

  /** The amendments as flat numbers for a snapshot: minute, entry count, then counted minute, problem, change. */
  rows(): number[] {
    const flat: number[] = [];
    for (const [a, list] of this.byMinute) flat.push(a, list.length / 3, ...list);
    return flat;
  }

  /** Restores what `rows` wrote. */
  load(flat: readonly number[]): void {
    this.byMinute = new Map();
    this.maxLag = 0;
    for (let i = 0; i + 1 < flat.length; ) {
      const a = flat[i]!;
      const n = flat[i + 1]!;
      const list = flat.slice(i + 2, i + 2 + 3 * n);
      this.byMinute.set(a, list);
      for (let k = 0; k < list.length; k += 3) this.maxLag = Math.max(this.maxLag, a - list[k]!);
      i += 2 + 3 * n;
    }
  }
}

/** Adds `n` to one (counted minute, problem) entry of a flat list, dropping it when it reaches 0. */
function change(list: number[], counted: number, problem: number, n: number): void {
  for (let i = 0; i < list.length; i += 3) {
    if (list[i] === counted && list[i + 1] === problem) {
      list[i + 2]! += n;
      if (list[i + 2] === 0) list.splice(i, 3);
      return;
    }
  }
  list.push(counted, problem, n);
}
