import { describe, expect, it } from "vitest";
import { readLineChunks } from "../../src/cli/read-lines.js";

/** Every line with its number, from the given reads. */
async function linesOf(reads: (string | Buffer)[]): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const chunk of readLineChunks(
    (async function* () {
      yield* reads;
    })(),
  )) {
    chunk.lines.forEach((line, i) => {
      out.push([chunk.firstLine + i, line]);
    });
  }
  return out;
}

describe("readLineChunks", () => {
  it("breaks at LF, CRLF and a lone CR, as readline does, numbering lines from 1", async () => {
    expect(await linesOf(["a\nb\r\nc\rd\n"])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
      [4, "d"],
    ]);
  });

  it("keeps a line whole across reads, a CRLF split between two reads too", async () => {
    expect(await linesOf(["fir", "st\r", "\nsec", "ond\n\nthird"])).toEqual([
      [1, "first"],
      [2, "second"],
      [3, ""],
      [4, "third"],
    ]);
  });

  it("decodes a UTF-8 character split between two reads", async () => {
    const bytes = Buffer.from('{"service":"Déjà vu ✓"}\n');
    const cut = bytes.indexOf(0xa9); // inside the two bytes of "é"
    expect(await linesOf([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([[1, '{"service":"Déjà vu ✓"}']]);
  });

  it("decodes a split character after reads of plain ASCII, and ASCII after it", async () => {
    const bytes = Buffer.from("a\nDéjà\nb");
    const cut = bytes.indexOf(0xa9);
    expect(await linesOf([bytes.subarray(0, 2), bytes.subarray(2, cut), bytes.subarray(cut)])).toEqual([
      [1, "a"],
      [2, "Déjà"],
      [3, "b"],
    ]);
  });

  it("gives the bytes of each read, for progress and digests", async () => {
    let bytes = 0;
    for await (const chunk of readLineChunks(
      (async function* () {
        yield Buffer.from("ab\nc");
        yield Buffer.from("d\n");
      })(),
    ))
      bytes += chunk.bytes;
    expect(bytes).toBe(6);
  });

  it("reads nothing from an empty input", async () => {
    expect(await linesOf([])).toEqual([]);
  });
});
