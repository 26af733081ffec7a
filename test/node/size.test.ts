import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
// @ts-expect-error a plain JavaScript build script
import { measure } from '../../scripts/size.mjs'

describe('size budgets', () => {
  for (const { name, path, limit, size } of measure() as { name: string; path: string; limit: number; size: number }[])
    it(`keeps ${name} within ${limit} B brotli`, () => {
      expect(size, `${path} is ${size} B brotli`).toBeLessThanOrEqual(limit)
    })
})

describe('startup hints', () => {
  it("starts the script tag with V8's compile hint, so Chromium compiles it with the download", () => {
    const first = readFileSync(new URL('../../dist/consentry.iife.js', import.meta.url), 'utf8').split('\n', 1)[0]
    expect(first).toBe('//# allFunctionsCalledOnLoad')
  })
})
