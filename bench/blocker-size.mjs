// Size of the tag-blocker as the bundles pay for it: the blocker and its two optional parts,
// each minified like rollup.config.mjs does (modules outside src/blocker/ left out: the core
// has them anyway), then brotli at max quality (as CDNs serve it) and gzip.
// Usage: node bench/blocker-size.mjs   (SHOW=1 prints the minified code)
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import { rollup } from 'rollup'
import typescript from '@rollup/plugin-typescript'
import terser from '@rollup/plugin-terser'

for (const input of ['src/blocker/blocker.ts', 'src/blocker/blockRules.ts', 'src/blocker/placeholders.ts']) {
  const bundle = await rollup({
    input,
    external: (id) => id.startsWith('../'),
    plugins: [
      typescript({ tsconfig: './tsconfig.json', noEmit: false, declaration: false, include: ['src/**/*.ts'] }),
      terser({ compress: { passes: 3, pure_getters: true }, format: { comments: false, ascii_only: true } }),
    ],
    onwarn: () => {},
  })
  const { output } = await bundle.generate({ format: 'es' })
  const code = Buffer.from(output[0].code)
  const br = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  console.log(`${input.padEnd(36)} ${code.length} B min  ${gzipSync(code, { level: 9 }).length} B gzip  ${br} B brotli`)
  if (process.env.SHOW) console.log(output[0].code)
}
