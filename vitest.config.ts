import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores: forks keep native addons (sqlite3, resvg) in separate processes.
    pool: "forks",
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
  },
});
