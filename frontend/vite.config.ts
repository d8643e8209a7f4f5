import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/** The Rust server (`nukumori serve`) during development. */
const backend = 'http://127.0.0.1:8080'

/** Paths the server owns; everything else is the single-page app. */
const proxy = Object.fromEntries(
  ['/graphql', '/healthz', '/readyz', '/files', '/exports'].map((path) => [
    path,
    { target: backend, changeOrigin: false },
  ]),
)

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { proxy },
  preview: { proxy },
  build: {
    // Hashed file names under dist/assets/ (the default), served by the Rust server at `/`.
    assetsDir: 'assets',
    sourcemap: false,
  },
  test: {
    // Pure logic runs in Node; component tests opt into jsdom with a
    // `// @vitest-environment jsdom` comment at the top of the file.
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'eslint-rules/**/*.test.js'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // Component tests render whole pages; on a loaded 2-core machine (CI compiling beside
    // them) the default 5 s is too tight for the slowest.
    testTimeout: 20_000,
  },
})
