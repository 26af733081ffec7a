// Brotli sizes of what visitors and apps download, against the budgets in size-budgets.json.
// `npm run size` prints the table; test/node/size.test.ts fails `npm test` over budget.
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants } from 'node:zlib'

const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'))

/** Brotli (quality 11, as CDNs serve static files) size in bytes of a dist file. */
export function brotliSize(file) {
  const bytes = readFileSync(new URL('../' + file, import.meta.url))
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
}

/** Every budget with its measured size. */
export function measure() {
  return budgets.map((b) => ({ ...b, size: brotliSize(b.path) }))
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  for (const { name, path, limit, size } of measure())
    console.log(
      `${size <= limit ? 'ok  ' : 'OVER'} ${name.padEnd(34)} ${String(size).padStart(6)} B of ${limit} B  (${path})`,
    )
}
