import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { vendors } from '../../src/vendors'

describe('docs/vendors.md', () => {
  it('lists every vendor of the catalogue with its title, provider and category, and no other', () => {
    const doc = readFileSync(new URL('../../docs/vendors.md', import.meta.url), 'utf8')
    const rows = doc.split('\n').filter((line) => /^\| `[a-z0-9-]+` \|/.test(line))
    expect(rows).toEqual(vendors.map((v) => `| \`${v.id}\` | ${v.title} | ${v.provider} | ${v.category} |`))
  })
})
