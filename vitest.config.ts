import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Four kinds of test: logic in jsdom, SSR imports in plain Node, real Chromium, and the same flows in every engine.
const alias = {
  'consentry/core': fileURLToPath(new URL('./src/core.ts', import.meta.url)),
  'consentry/parts': fileURLToPath(new URL('./src/parts.ts', import.meta.url)),
  'consentry/start': fileURLToPath(new URL('./src/start.ts', import.meta.url)),
  'consentry/vendors': fileURLToPath(new URL('./src/vendors/index.ts', import.meta.url)),
  consentry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/node/**', 'test/engines/**'],
          // The fuzz and xss corpora render the UI hundreds of times: seconds each on 2 busy cores.
          testTimeout: 20_000,
        },
      },
      // Node tests start the built commands, PGlite and a PostgreSQL server: each takes seconds.
      { test: { name: 'node', environment: 'node', include: ['test/node/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The same flows in Chromium, Firefox ESR and WebKitGTK (test/engines/drivers).
        test: {
          name: 'engines',
          environment: 'node',
          include: ['test/engines/**/*.test.ts'],
          // A WebKit session starts a browser; on a loaded machine a flow can take 15 s.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
