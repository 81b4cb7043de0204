// vitest: the WebAssembly core and the Node CLI under Node (tests/web). Needs web/core/core.wasm
// (scripts/build-wasm.sh) and the native build/backprop to compare against.
// Timeouts are hang guards, not speed checks (CI is a busy 2-core machine); speed is measured by
// `npm run budgets`.
import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/web/**/*.test.js'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: {poll: {timeout: 60_000}},
  },
});
