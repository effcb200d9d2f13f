import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg, type ResvgRenderOptions, renderAsync } from "@resvg/resvg-js";
import { cachedFontSubset, type FontSubsetResult, subsetFontFiles } from "./font-subset.js";
import type { ChartLogger } from "./result.js";
import { FONT_FAMILY } from "./theme.js";

/** The npm package whose TTF files every chart is drawn with (resvg reads TTF/OTF, not WOFF2). */
export const FONT_PACKAGE = "@expo-google-fonts/inter";
const FONT_FILES = ["400Regular/Inter_400Regular.ttf", "600SemiBold/Inter_600SemiBold.ttf"] as const;

/** The font files renders use now: the shipped files until the subsets are ready (see font-subset.ts). */
let inUse: string[] | undefined;
let options: ResvgRenderOptions | undefined;
let subsetting: Promise<FontSubsetResult> | undefined;

/**
 * The shipped font files, resolved through Node's resolver (no hard-coded node_modules path).
 * Without them resvg draws no text at all, silently, so a missing file is an error here.
 */
export function chartFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const files = FONT_FILES.map((f) => require.resolve(`${FONT_PACKAGE}/${f}`));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`chart font missing: ${missing.join(", ")}`);
  return files;
}

function use(files: string[]): ResvgRenderOptions {
  inUse = files;
  options = {
    font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  };
  return options;
}

function startSubsetting(): Promise<FontSubsetResult> {
  let files: string[];
  try {
    files = chartFontFiles();
  } catch (error) {
    return Promise.resolve({ files: [], failures: [{ file: FONT_PACKAGE, error }] });
  }
  return subsetFontFiles(files).then((result) => {
    use(result.files);
    return result;
  });
}

/**
 * Cuts the chart fonts down: HarfBuzz in WebAssembly, ~0.6 s of CPU the first time on a machine (the
 * event loop is held up to ~0.25 s at a stretch), then ~20 ms to find the temp-folder cache. Await it
 * at start-up; without it the first render starts it in the background and charts use the full files
 * (same pictures, ~1.4× slower) until it is done. Resolves true when the subsets are in use, false
 * when charts keep the full files (logged). Never rejects.
 */
export async function prepareChartFonts(log?: ChartLogger): Promise<boolean> {
  subsetting ??= startSubsetting();
  const { failures } = await subsetting;
  for (const { file, error } of failures) {
    log?.warn({ err: error, fontFile: file }, "chart font not cut down: charts use the full font file (slower)");
  }
  return failures.length === 0;
}

/** The font files the next render reads (subsets once prepared, else the shipped files); asking starts the subsetting as a render would. */
export function chartFontsInUse(): readonly string[] {
  renderOptions();
  return inUse ?? [];
}

/**
 * Render options: the cached subsets when they exist, else the shipped files while the subsets are
 * made in the background. A subset deleted under us (temp cleaners) would make resvg draw no text,
 * silently, so its presence is checked on every render (a stat per file) and it is remade.
 */
function renderOptions(): ResvgRenderOptions {
  if (options && inUse?.every(existsSync)) return options;
  // First render, or a file in use vanished: look for cached subsets again, else make them again.
  if (options) subsetting = undefined;
  const files = chartFontFiles();
  const cached = files.map((f) => {
    try {
      return cachedFontSubset(f);
    } catch {
      return undefined;
    }
  });
  if (cached.every((f): f is string => f !== undefined)) return use(cached);
  use(files);
  void prepareChartFonts();
  return options!;
}

/** Renders an SVG string to PNG bytes with the shipped font and no system fonts. Throws on a bad SVG. */
export function renderPng(svg: string): Uint8Array {
  return new Resvg(svg, renderOptions()).render().asPng();
}

/**
 * The same PNG as `renderPng`, drawn on libuv's thread pool: the event loop keeps answering while
 * a chart is drawn (ahead of a rush, or for an answer that missed the cache). Rejects on a bad SVG.
 */
export async function renderPngAsync(svg: string): Promise<Uint8Array> {
  return (await renderAsync(svg, renderOptions())).asPng();
}
