import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg, type ResvgRenderOptions, renderAsync } from "@resvg/resvg-js";
import { cachedFontSubset, type FontSubsetResult, subsetFontFiles } from "./font-subset.js";
import type { ChartLogger } from "./result.js";
import { FONT_FAMILY } from "./theme.js";

/** The npm package whose TTF files every chart is drawn with (resvg reads TTF/OTF, not WOFF2). */
export const FONT_PACKAGE = "@expo-google-fonts/inter";
const FONT_FILES = ["400Regular/Inter_400Regular.ttf", "600SemiBold/Inter_600SemiBold.ttf"] as const;

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

function optionsFor(files: string[]): ResvgRenderOptions {
  return {
    font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  };
}

/** Draws SVG to PNG with the shipped font (cut down once prepared) and no system fonts. */
export interface PngRenderer {
  /** Renders an SVG string to PNG bytes. Throws on a bad SVG. */
  render(svg: string): Uint8Array;
  /** The same PNG as `render`, drawn on libuv's thread pool: the event loop keeps answering. Rejects on a bad SVG. */
  renderAsync(svg: string): Promise<Uint8Array>;
  /**
   * Cuts the chart fonts down: HarfBuzz in WebAssembly, ~0.6 s of CPU the first time on a machine
   * (the event loop is held up to ~0.25 s at a stretch), then ~20 ms to find the temp-folder cache.
   * Await it at start-up; without it the first render starts it in the background and charts use
   * the full files (same pictures, ~1.4× slower) until it is done. Resolves true when the subsets
   * are in use, false when charts keep the full files (logged). Never rejects.
   */
  prepareFonts(log?: ChartLogger): Promise<boolean>;
  /** The font files the next render reads (subsets once prepared, else the shipped files); asking starts the subsetting as a render would. */
  fontsInUse(): readonly string[];
}

/**
 * A PNG renderer with its own font state: which files renders use, and the subsetting under way.
 * The app owns one (through its chart renderer); nothing is kept at module level.
 */
export function createPngRenderer(): PngRenderer {
  let inUse: string[] | undefined;
  let options: ResvgRenderOptions | undefined;
  let subsetting: Promise<FontSubsetResult> | undefined;

  const use = (files: string[]): ResvgRenderOptions => {
    inUse = files;
    options = optionsFor(files);
    return options;
  };

  const startSubsetting = (): Promise<FontSubsetResult> => {
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
  };

  const prepareFonts = async (log?: ChartLogger): Promise<boolean> => {
    subsetting ??= startSubsetting();
    const { failures } = await subsetting;
    for (const { file, error } of failures) {
      log?.warn({ err: error, fontFile: file }, "chart font not cut down: charts use the full font file (slower)");
    }
    return failures.length === 0;
  };

  /**
   * Render options: the cached subsets when they exist, else the shipped files while the subsets
   * are made in the background. A subset deleted under us (temp cleaners) would make resvg draw no
   * text, silently, so its presence is checked on every render (a stat per file) and it is remade.
   */
  const renderOptions = (): ResvgRenderOptions => {
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
    const shipped = use(files);
    void prepareFonts();
    return shipped;
  };

  return {
    render: (svg) => new Resvg(svg, renderOptions()).render().asPng(),
    renderAsync: async (svg) => (await renderAsync(svg, renderOptions())).asPng(),
    prepareFonts,
    fontsInUse() {
      renderOptions();
      return inUse ?? [];
    },
  };
}
