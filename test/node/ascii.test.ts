import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// A script served without a charset is decoded in the page's encoding: only ASCII reads the
// same in all of them, so "×" or "’" in the texts must reach the browser as \u escapes.
const dist = new URL('../../dist/', import.meta.url)
const scripts = [
  'consentry.iife.js',
  'consentry.min.mjs',
  'core.min.mjs',
  ...readdirSync(new URL('i18n/', dist))
    .filter((f) => f.endsWith('.js'))
    .map((f) => 'i18n/' + f),
]

describe('script-tag files', () => {
  for (const file of scripts)
    it(`keeps ${file} to ASCII`, () => {
      const text = readFileSync(new URL(file, dist), 'utf8')
      expect(text.match(/[^\x00-\x7f]/g) || []).toEqual([])
    })
})
