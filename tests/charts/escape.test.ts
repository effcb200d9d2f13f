import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRegionsChartSvg, buildStatusChartSvg } from "../../src/charts/index.js";
import { escapeXml } from "../../src/charts/svg.js";
import { NOW, quiet, STEP } from "./fixtures.js";

/** Checks the SVG is well-formed XML-ish: balanced tags, text with no raw `<`/`>`, only known entities. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tokens = svg.split(/(<[^<>]*>)/);
  for (const token of tokens) {
    if (token.startsWith("<")) {
      const m =
        /^<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"<>&]*(?:&(?:amp|lt|gt|quot|#39);[^"<>&]*)*")*)\s*(\/?)>$/.exec(
          token,
        );
      if (!m) throw new Error(`malformed tag: ${token}`);
      if (m[1]) {
        if (stack.pop() !== m[2]) throw new Error(`unbalanced </${m[2]}>`);
      } else if (!m[4]) stack.push(m[2]!);
    } else {
      if (/[<>]/.test(token)) throw new Error(`raw bracket in text: ${token}`);
      if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(token)) throw new Error(`bare ampersand in text: ${token}`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the controls XML forbids is the point.
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(token)) throw new Error("control character in text");
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("><")}>`);
}

const hostile = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.constantFrom("<script>alert(1)</script>", "A&B", '"quoted"', "]]>", "&amp;", "\u0000\ud800"),
);

describe("SVG text escaping", () => {
  it.each([['<svg><text x="1">a<b</text></svg>'], ["<svg><text>A&B</text></svg>"], ["<svg><text>ok</svg>"]])(
    "the well-formedness check rejects %s",
    (bad) => {
      expect(() => assertWellFormed(bad)).toThrow();
    },
  );

  it("escapes the service name in the status chart, whatever it is", () => {
    fc.assert(
      fc.property(hostile, (name) => {
        assertWellFormed(
          buildStatusChartSvg({
            serviceName: name,
            points: quiet(8, STEP),
            now: NOW,
            incident: { startedAt: NOW - STEP },
          }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("escapes the service name on the no-data card", () => {
    fc.assert(
      fc.property(hostile, (name) =>
        assertWellFormed(buildStatusChartSvg({ serviceName: name, points: [], now: NOW })),
      ),
      { numRuns: 100 },
    );
  });

  it("escapes service, region names, codes and window in the regions chart", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (service, name, code, window) => {
        const rows = [
          { region: code, name, reports: 5, usual: 1 },
          { region: "GB", name: "United Kingdom", reports: 2, usual: 2 },
        ];
        assertWellFormed(buildRegionsChartSvg({ serviceName: service, window, rows }));
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ["<script>", "&lt;script&gt;"],
    ["A&B", "A&amp;B"],
    [`"it's"`, "&quot;it&#39;s&quot;"],
    ["a\u0000b", "ab"],
  ])("escapes %j as %j", (raw, escaped) => {
    expect(escapeXml(raw)).toBe(escaped);
  });

  it("shows an escaped name as the reader would type it", () => {
    const svg = buildStatusChartSvg({ serviceName: "A&B <Corp>", points: quiet(4, STEP), now: NOW });
    expect(svg).toContain("A&amp;B &lt;Corp&gt; — crowd reports");
  });
});
