import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration and e2e tests share one Docker daemon and two cores; running
    // files one at a time keeps timings honest and failures readable.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["test/support/global-setup.ts"],
    reporters: ["default"],
  },
});
