// End-to-end tests: the built site in headless Chromium (tests/e2e), one file at a time.
import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.js'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
