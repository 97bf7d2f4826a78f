import { defineProject } from "vitest/config";
import solid from "vite-plugin-solid";

// Component and editor tests: Solid compiled for the browser, in happy-dom.
export default defineProject({
  plugins: [solid()],
  test: {
    name: "web",
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/app/test-setup.ts"],
  },
});
