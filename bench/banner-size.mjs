// What the UI costs the script-tag bundle: src/auto.ts built as rollup.config.mjs builds it
// (terser, brotli at max quality as CDNs serve it), with and without the UI (createUI
// swapped for a no-op), plus the UI on its own and each language file as dist/i18n/<code>.js.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import { readdirSync } from 'node:fs'
import { rollup } from 'rollup'
import typescript from '@rollup/plugin-typescript'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'

const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

/** Replaces the UI module with `export const createUI = () => {}`. */
const withoutUI = {
  name: 'without-ui',
  resolveId: (id) => (id.endsWith('/ui/ui') ? '\0no-ui' : null),
  load: (id) => (id == '\0no-ui' ? 'export const createUI = () => {}' : null),
}

async function build(input, output, extra = []) {
  const bundle = await rollup({
    input,
    plugins: [
      ...extra,
      resolve(),
      typescript({ tsconfig: './tsconfig.json', noEmit: false, declaration: false, include: ['src/**/*.ts'] }),
      terser({ ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
    ],
    onwarn: () => {},
  })
  const code = Buffer.from((await bundle.generate(output)).output[0].code)
  if (process.env.SHOW) console.log(code.toString())
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, br: brotli(code) }
}

const row = (name, s) =>
  console.log(
    `${name.padEnd(34)} ${String(s.min).padStart(6)} B min ${String(s.gzip).padStart(6)} B gzip ${String(s.br).padStart(6)} B brotli`,
  )

const full = await build('src/auto.ts', { format: 'iife' })
const bare = await build('src/auto.ts', { format: 'iife' }, [withoutUI])
row('consentry.iife.js', full)
row('  without the UI', bare)
row('  UI + CSS + English, in the bundle', {
  min: full.min - bare.min,
  gzip: full.gzip - bare.gzip,
  br: full.br - bare.br,
})
row('UI + CSS + English, alone', await build('src/ui/ui.ts', { format: 'es' }))
for (const file of readdirSync('src/i18n').filter((f) => /^[a-z]{2}\.ts$/.test(f) && f != 'en.ts')) {
  const code = file.slice(0, 2)
  // A language ships as a script that registers itself, exactly as dist/i18n/<code>.js.
  row(
    `i18n/${code}.js`,
    await build('src/i18n/' + file, {
      format: 'iife',
      name: 'consentryTranslations.' + code,
      extend: true,
      exports: 'default',
    }),
  )
}
