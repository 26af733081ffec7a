import typescript from '@rollup/plugin-typescript'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { existsSync, readdirSync, rmSync } from 'node:fs'

// Each build starts from an empty dist/, so no stale chunk is measured or served.
rmSync('dist', { recursive: true, force: true })

const ts = (types) =>
  typescript({
    tsconfig: './tsconfig.json',
    noEmit: false,
    declaration: types,
    declarationDir: types ? 'dist/types' : undefined,
    include: ['src/**/*.ts'],
  })

// Terser with property mangling off (public API names must survive) and three passes:
// the script-tag bundle is paid for by every visitor.
const minify = (preamble) =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 3, pure_getters: true },
    format: { comments: false, ascii_only: true, preamble },
  })
const min = minify()
// V8's explicit compile hint: the script tag's functions all run at start, so Chromium compiles
// them with the script (off the main thread while it streams) instead of one by one on first
// call. Measured: about a fifth less main-thread script time on a first visit.
const minScriptTag = minify('//# allFunctionsCalledOnLoad')

// npm entries; `vendors` is the data-only catalogue, never part of a script-tag file;
// `receiver` is Node-only (consentry/receiver) and shares no code with the others.
const npmInputs = {
  consentry: 'src/index.ts',
  core: 'src/core.ts',
  parts: 'src/parts.ts',
  start: 'src/start.ts',
  vendors: 'src/vendors/index.ts',
  receiver: 'src/receiver/index.ts',
}

// Languages: npm modules (dist/i18n/<code>.mjs/.cjs) and script-tag files (dist/i18n/<code>.js)
// that register themselves on window.consentryTranslations; the default bundle has English only.
const LANGUAGES = ['ar', 'de', 'es', 'fr', 'it', 'nl', 'pl', 'pt']
const languageInputs = Object.fromEntries(LANGUAGES.map((code) => [`i18n/${code}`, `src/i18n/${code}.ts`]))

// Node-only code: the `consentry` command's subcommands (src/cli/<command>.ts → dist/cli/<command>.mjs,
// each exporting `main(args): Promise<exitCode>`, loaded by bin/consentry.mjs). Node built-ins and the
// optional peer dependencies stay external; nothing here reaches a browser bundle.
const cliInputs = Object.fromEntries(
  (existsSync('src/cli') ? readdirSync('src/cli') : [])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => [`cli/${file.slice(0, -3)}`, `src/cli/${file}`]),
)
const nodeExternal = (id) =>
  id.startsWith('node:') ||
  ['playwright-core', 'pg', '@electric-sql/pglite'].some((p) => id === p || id.startsWith(p + '/'))

export default [
  // npm module: ESM keeps the runtime dependencies external so bundlers dedupe them.
  {
    input: { ...npmInputs, ...languageInputs },
    external: (id) => id == 'nanoevents' || id == 'js-cookie' || nodeExternal(id),
    plugins: [ts(true)],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      chunkFileNames: '[name]-[hash].mjs',
      sourcemap: true,
    },
  },
  // CommonJS: nanoevents ships ESM only, so it is bundled here (107 bytes); js-cookie has a CommonJS build.
  {
    input: { ...npmInputs, ...languageInputs },
    external: (id) => id == 'js-cookie' || nodeExternal(id),
    plugins: [resolve(), ts(false)],
    output: {
      dir: 'dist',
      format: 'cjs',
      entryFileNames: '[name].cjs',
      chunkFileNames: '[name]-[hash].cjs',
      sourcemap: true,
      exports: 'named',
    },
  },
  // Self-contained minified ES modules: for CDN use, and what the size budgets measure.
  ...['consentry', 'core'].map((name) => ({
    input: `src/${name == 'core' ? 'core' : 'index'}.ts`,
    plugins: [resolve(), ts(false), min],
    output: { file: `dist/${name}.min.mjs`, format: 'es' },
  })),
  // Script tag: one self-contained, minified file that sets window.consentry.
  {
    input: 'src/auto.ts',
    plugins: [resolve(), ts(false), minScriptTag],
    output: { file: 'dist/consentry.iife.js', format: 'iife', sourcemap: true },
  },
  ...LANGUAGES.map((code) => ({
    input: `src/i18n/${code}.ts`,
    plugins: [ts(false), min],
    output: {
      file: `dist/i18n/${code}.js`,
      format: 'iife',
      name: `consentryTranslations.${code}`,
      extend: true,
      exports: 'default',
    },
  })),
  ...(Object.keys(cliInputs).length
    ? [
        {
          input: cliInputs,
          external: nodeExternal,
          plugins: [resolve(), ts(false)],
          output: { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'cli/[name]-[hash].mjs' },
        },
      ]
    : []),
]
