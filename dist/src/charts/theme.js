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
};
/** Bar colour for each crowd level, light-to-dark steps of Okabe-Ito so order survives greyscale. */
export const LEVEL_COLOURS = {
    operational: "#56b4e9",
    degraded: "#f0e442",
    partial_outage: "#e69f00",
    major_outage: "#d55e00",
};
/** Font family every chart asks for; render-png ships the matching Inter TTF files. */
export const FONT_FAMILY = "Inter";
/** CSS font stack for browsers showing the SVG directly (the status page). */
export const FONT_STACK = "Inter, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
//# sourceMappingURL=theme.js.map