import { LEVEL_COLORS, LEVELS, type Level } from "../domain/levels.js";

/**
 * Chart colours: a solid dark-slate card (reads the same on Discord's dark and light themes) and
 * the Okabe-Ito palette, which stays distinguishable with the common colour-vision deficiencies.
 * States are never told by colour alone: the official strip also uses patterns and words.
 */
export const THEME = {
  card: "#1c2029",
  cardBorder: "#3b4252",
  text: "#eceff4",
  muted: "#a3abbb",
  grid: "#ffffff",
  gridOpacity: 0.1,
  band: "#ffffff",
  bandOpacity: 0.14,
  usualLine: "#d8dee9",
  incident: "#cc79a7",
  now: "#a3abbb",
  stripTrack: "#2e3440",
  barTrack: "#262b36",
  up: "#e69f00",
  down: "#56b4e9",
} as const;

/**
 * The one locale (English words, UTC times) and theme charts are drawn in today. Part of every
 * chart cache key, so a chart drawn in another locale or theme can never answer for this one.
 */
export const CHART_STYLE = "en-utc/slate";

/**
 * Bar colour for each crowd level: the same Okabe-Ito hues as the embeds (LEVEL_COLORS), so a
 * chart and the answer it is attached to never colour one level two ways.
 */
export const LEVEL_COLOURS = Object.fromEntries(
  LEVELS.map((level) => [level, `#${LEVEL_COLORS[level].toString(16).padStart(6, "0")}`]),
) as Record<Level, string>;

/** Font family every chart asks for; render-png ships the matching Inter TTF files. */
export const FONT_FAMILY = "Inter";
/** CSS font stack for browsers showing the SVG directly (the status page). */
export const FONT_STACK = "Inter, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
