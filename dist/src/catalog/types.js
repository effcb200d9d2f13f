export const CONTINENTS = [
    "africa",
    "asia",
    "europe",
    "north_america",
    "south_america",
    "oceania",
    "antarctica",
];
//# sourceMappingURL=types.js.map