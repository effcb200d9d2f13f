/*
 * Why the chart font is cut down: resvg-js 2.6 re-reads the font file for every glyph it draws, so
 * render time follows the file's size (Inter Regular: 342 KB). HarfBuzz's own subsetter (through
 * subset-font, WebAssembly, no native build) keeps only the glyphs of the characters a chart may draw
 * and the layout features a shaper applies unasked, so text is drawn as the full font draws it,
 * kerning included, from a file under half the size.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import type subsetFont from "subset-font";

/**
 * Unicode ranges a chart may draw: Latin (with Vietnamese), Greek, Cyrillic, punctuation, currency,
 * letterlike symbols, arrows, maths operators and geometric shapes; everything Inter covers that
 * service and region names plausibly use. Combining marks too: text typed decomposed ("e" + U+0301)
 * and symbols Inter builds from parts (↚ is ← + U+0338) need them. Other characters draw as blank
 * space (hb-subset keeps no outline for the missing-glyph box).
 */
export const CHART_CHARACTERS: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
  [0x25a0, 0x25ff],
];

/**
 * OpenType features kept: those HarfBuzz (and rustybuzz inside resvg) turn on by themselves for
 * left-to-right horizontal text, so the subset shapes exactly as the full font does (Inter's `calt`
 * lifts the colon in "12:00", `kern` spaces "AV"); the fraction trio is applied around U+2044. Other
 * features (stylistic sets, tabular figures…) are never asked for by the chart SVG and are dropped.
 */
export const CHART_FONT_FEATURES = [
  "rvrn",
  "ccmp",
  "locl",
  "mark",
  "mkmk",
  "rlig",
  "calt",
  "clig",
  "curs",
  "dist",
  "kern",
  "liga",
  "rclt",
  "ltra",
  "ltrm",
  "frac",
  "numr",
  "dnom",
] as const;

/** Where subset fonts are cached, shared by every process on the machine. */
export const FONT_CACHE_DIR = join(tmpdir(), "outage-bot-fonts");

/** Every character of `ranges` as one string, the form subset-font takes. */
export function charactersOf(ranges: readonly (readonly [number, number])[]): string {
  let text = "";
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  return text;
}

const SUBSET_TEXT = charactersOf(CHART_CHARACTERS);
const SUBSET_OPTIONS = {
  targetFormat: "sfnt",
  keepFeatures: [...CHART_FONT_FEATURES],
  // resvg draws unhinted outlines; the hinting programs are dead weight it would re-read.
  noHinting: true,
  // Typographic family and style (name IDs 16, 17): hb-subset drops them by default, and without
  // them the SemiBold file is family "Inter SemiBold", so weight 600 text silently draws as Regular.
  preserveNameIds: [16, 17],
} as const satisfies Parameters<typeof subsetFont>[2];
/** Part of the cache key: a new subset-font (HarfBuzz), character list or option makes a new file. */
const RECIPE = JSON.stringify({
  subsetFont: (createRequire(import.meta.url)("subset-font/package.json") as { version: string }).version,
  text: SUBSET_TEXT,
  options: SUBSET_OPTIONS,
});

/** The cache path for `font` (its bytes and the recipe hashed), so a changed font or recipe never reuses a file. */
function cachePath(file: string, font: Uint8Array, dir: string): string {
  const hash = createHash("sha256").update(font).update(RECIPE).digest("hex").slice(0, 16);
  return join(dir, `${basename(file, extname(file))}-${hash}-hb.ttf`);
}

/** The cached subset of `file` when an earlier run (any process) already made it, without waiting. */
export function cachedFontSubset(file: string, dir = FONT_CACHE_DIR): string | undefined {
  const target = cachePath(file, readFileSync(file), dir);
  return existsSync(target) ? target : undefined;
}

/**
 * Cuts `file` to the chart characters and features once, caching the result in `dir`; resolves to the
 * subset's path. Written under a temporary name and renamed, so concurrent processes never see half a
 * file. Rejects when the font cannot be read or subset.
 */
export async function subsetFontFile(file: string, dir = FONT_CACHE_DIR): Promise<string> {
  const font = await readFile(file);
  const target = cachePath(file, font, dir);
  if (existsSync(target)) return target;
  // HarfBuzz and its helpers load only to make a subset: a process that finds the cached files skips ~60 ms.
  const { default: subsetFont } = await import("subset-font");
  const subset = await subsetFont(font, SUBSET_TEXT, SUBSET_OPTIONS);
  await mkdir(dir, { recursive: true });
  // A name no other writer (process or renderer) uses at the same time.
  const temp = `${target}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, subset);
  await rename(temp, target);
  return target;
}

/** The outcome of cutting several fonts: a path per input (the subset, or the input itself when it failed). */
export interface FontSubsetResult {
  files: string[];
  failures: { file: string; error: unknown }[];
}

/** Cuts every file with `subsetFontFile`; a file that cannot be cut stays as it is. Never rejects. */
export async function subsetFontFiles(files: readonly string[], dir = FONT_CACHE_DIR): Promise<FontSubsetResult> {
  const failures: FontSubsetResult["failures"] = [];
  const out = await Promise.all(
    files.map((file) =>
      subsetFontFile(file, dir).catch((error: unknown) => {
        failures.push({ file, error });
        return file;
      }),
    ),
  );
  return { files: out, failures };
}
