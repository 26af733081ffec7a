// @vitest-environment node
// Subresource Integrity: the build lists a sha384 hash for every script it ships, and the
// list matches the files byte for byte (the browser side is in test/browser/security-hostile.test.ts).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { integrity, scriptsIn } from '../../scripts/sri.mjs'

const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
const listed = () =>
  readFileSync(dist + 'SRI.txt', 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [hash, file, ...rest] = line.split('  ')
      expect(rest, line).toEqual([])
      return { hash: hash!, file: file! }
    })

describe('dist/SRI.txt', () => {
  it('lists every built .js, .mjs and .cjs file once, sorted, and nothing else', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split('\\').join('/'))
      .filter((f) => /\.(js|mjs|cjs)$/.test(f))
      .sort()
    expect(files).toContain('consentry.iife.js')
    expect(files).toContain('consentry.mjs')
    expect(files).toContain('consentry.cjs')
    expect(listed().map((l) => l.file)).toEqual(files)
  })

  it('gives each file the sha384 hash of its bytes, as an integrity attribute takes it', () => {
    for (const { hash, file } of listed()) {
      const bytes = readFileSync(dist + file)
      expect(hash, file).toBe('sha384-' + createHash('sha384').update(bytes).digest('base64'))
      expect(hash).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/)
    }
  })

  it('is written by the build script, which agrees with itself on any input', async () => {
    // The example of the W3C Subresource Integrity spec, §3.3.
    expect(integrity("alert('Hello, world.');")).toBe(
      'sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO',
    )
    expect(await scriptsIn(dist)).toEqual(listed().map((l) => l.file))
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    expect(pkg.scripts.build).toMatch(/&& node scripts\/sri\.mjs$/)
  })
})
