import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { vendors } from '../../src/vendors'

describe('docs/vendors.md', () => {
  it('lists every vendor of the catalogue with its title, provider and category, and no other', () => {
    const doc = readFileSync(new URL('../../docs/vendors.md', import.meta.url), 'utf8')
    // Cells compared trimmed: the formatter pads a table's columns to one width.
    const rows = doc
      .split('\n')
      .filter((line) => /^\| `[a-z0-9-]+` +\|/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
    expect(rows).toEqual(vendors.map((v) => [`\`${v.id}\``, v.title, v.provider, v.category]))
  })
})
