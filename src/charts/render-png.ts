import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import { stripFont } from "./font-strip.js";
import { FONT_FAMILY } from "./theme.js";

/** The npm package whose TTF files every chart is drawn with (resvg reads TTF/OTF, not WOFF2). */
export const FONT_PACKAGE = "@expo-google-fonts/inter";
const FONT_FILES = ["400Regular/Inter_400Regular.ttf", "600SemiBold/Inter_600SemiBold.ttf"] as const;

let options: ResvgRenderOptions | undefined;

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

/**
 * A cut-down copy of a font in the temp folder (see font-strip.ts: resvg re-reads the file for every
 * glyph, so a 90 KB file renders text ~3× faster than the 342 KB original). Named by the original's
 * hash and written by rename, so concurrent processes share it safely. Falls back to the original.
 */
function strippedCopy(file: string): string {
  try {
    const original = readFileSync(file);
    const hash = createHash("sha256").update(original).digest("hex").slice(0, 16);
    const dir = join(tmpdir(), "outage-bot-fonts");
    const target = join(dir, `${basename(file, ".ttf")}-${hash}-v1.ttf`);
    if (existsSync(target)) return target;
    mkdirSync(dir, { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, stripFont(original));
    renameSync(temp, target);
    return target;
  } catch {
    return file;
  }
}

/** Render options built once per process: fonts resolved, cut down and cached on first use. */
function renderOptions(): ResvgRenderOptions {
  options ??= {
    font: {
      fontFiles: chartFontFiles().map(strippedCopy),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  };
  return options;
}

/** Renders an SVG string to PNG bytes with the shipped font and no system fonts. Throws on a bad SVG. */
export function renderPng(svg: string): Uint8Array {
  return new Resvg(svg, renderOptions()).render().asPng();
}
