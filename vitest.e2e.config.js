// End-to-end tests: the built site in headless Chromium (tests/e2e), one file at a time.
// Timeouts are hang guards, not speed checks: CI is a busy 2-core machine, so they are generous
// (waits inside a page: WAIT_MS in tests/e2e/browser.js). Speed is measured by `npm run budgets`.
import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.js'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: {poll: {timeout: 120_000}},
    fileParallelism: false,
  },
});
