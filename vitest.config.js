// vitest: the WebAssembly core and the Node CLI under Node (tests/web). Needs web/core/core.wasm
// (scripts/build-wasm.sh) and the native build/backprop to compare against.
import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/web/**/*.test.js'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
