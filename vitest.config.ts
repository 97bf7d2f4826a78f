import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/core", "server", "web", "tests"],
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
