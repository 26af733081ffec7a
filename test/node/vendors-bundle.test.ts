// The catalogue is data for npm users and the `consentry config` command: it must never reach the files a visitor
// downloads (DESIGN §7). Reads the built files, so it runs after `npm run build`.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { vendors } from '../../src/vendors'

// Shorter strings (Meta's `fr` cookie) turn up in any minified code by chance.
const MIN_LENGTH = 4
const strings = [
  ...new Set(
    vendors.flatMap((vendor) => [
      vendor.id,
      vendor.title,
      vendor.privacyPolicy,
      ...vendor.block,
      ...vendor.cookies.flatMap((cookie) => [cookie.name, cookie.purpose]),
      ...vendor.storage,
      ...vendor.sources,
    ]),
  ),
].filter((text) => text.length >= MIN_LENGTH)

describe('the built SDK files', () => {
  it.each(['dist/consentry.iife.js', 'dist/core.min.mjs', 'dist/consentry.min.mjs'])(
    '%s carries nothing of the catalogue',
    (file) => {
      const text = readFileSync(new URL('../../' + file, import.meta.url), 'utf8')
      expect(strings.length).toBeGreaterThan(200)
      expect(strings.filter((s) => text.includes(s))).toEqual([])
      expect(text).not.toContain('withVendors')
    },
  )
})
