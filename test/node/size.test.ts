import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain JavaScript build script
import { measure } from '../../scripts/size.mjs'

describe('size budgets', () => {
  for (const { name, path, limit, size } of measure() as { name: string; path: string; limit: number; size: number }[])
    it(`keeps ${name} within ${limit} B brotli`, () => {
      expect(size, `${path} is ${size} B brotli`).toBeLessThanOrEqual(limit)
    })
})
