// Makes the declarations that rollup's TypeScript plugin wrote to dist/types/ resolve for every
// consumer setup (DESIGN "Packages and layout"): `moduleResolution` node16, nodenext and bundler,
// from ES modules and from CommonJS. `npm run build` runs it after rollup.
//
// - Node's resolution wants full file names, so every relative import gets one: `./full` becomes
//   `./full.js`, and a folder `./vendors` becomes `./vendors/index.js` (TS2834/TS2835 otherwise).
// - The package is `"type": "module"`, so a `.d.ts` describes an ES module; a `require` of the
//   package needs declarations of the CommonJS build: each `x.d.ts` gets an `x.d.cts` twin whose
//   imports name `.cjs` files, and the `require` branch of package.json `exports` points to it.
//
// A new entry needs nothing here: add it to rollup's `npmInputs` and to package.json `exports`
// with `"types": "./dist/types/<entry>.d.ts"` under `import` and `.d.cts` under `require`
// (attw and publint in `npm test`, and test/node/pack.test.ts, fail until it is right).
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** Relative specifiers in `from '…'`, `import('…')` and `import '…'`. */
const RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*?)(?:\.[mc]?js)?\2/g

/** `text` of the declaration file `file` with each relative import naming a file with `extension`. */
export function withExtensions(text, file, extension) {
  return text.replace(RELATIVE, (_, before, quote, specifier) => {
    const base = join(dirname(file), specifier)
    const target = existsSync(base + '.d.ts')
      ? specifier
      : existsSync(join(base, 'index.d.ts'))
        ? specifier + '/index'
        : null
    if (!target) throw new Error(`${file}: "${specifier}" names no declaration file`)
    return before + quote + target + extension + quote
  })
}

/** Rewrites every `.d.ts` under `dir` in place and writes its `.d.cts` twin. */
export async function fixDeclarations(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
  // Every file read before any is written: the existence checks see the tree as rollup left it.
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')))
  await Promise.all(
    files.flatMap((file, i) => [
      writeFile(file, withExtensions(texts[i], file, '.js')),
      writeFile(file.slice(0, -'.d.ts'.length) + '.d.cts', withExtensions(texts[i], file, '.cjs')),
    ]),
  )
  return files.length
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) await fixDeclarations('dist/types')
