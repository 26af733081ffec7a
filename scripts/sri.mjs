// Writes dist/SRI.txt: the Subresource Integrity hash (sha384) of every built script, for
// `<script src integrity crossorigin>` from a CDN. `npm run build` runs it after rollup.
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `sha384-<base64>` of `bytes`, as the `integrity` attribute takes it. */
export function integrity(bytes) {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64')
}

/** Every .js, .mjs and .cjs file under `dir`, as sorted `/`-separated paths relative to it. */
export async function scriptsIn(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && /\.(js|mjs|cjs)$/.test(entry.name))
    .map((entry) =>
      relative(dir, join(entry.parentPath ?? entry.path, entry.name))
        .split(sep)
        .join('/'),
    )
    .sort()
}

/** The lines of SRI.txt for `dir`: `sha384-…  file`, one per script. */
export async function sriLines(dir) {
  const files = await scriptsIn(dir)
  return Promise.all(files.map(async (file) => `${integrity(await readFile(join(dir, file)))}  ${file}`))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../dist', import.meta.url))
  const lines = await sriLines(dist)
  if (!lines.length) {
    console.error('scripts/sri.mjs: dist/ has no .js, .mjs or .cjs file; run rollup first')
    process.exit(1)
  }
  await writeFile(join(dist, 'SRI.txt'), lines.join('\n') + '\n')
}
