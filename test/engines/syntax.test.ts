// The minimum browser versions in docs/engines.md hold only if the bundles use no syntax newer
// than those versions parse: ES2021 (Chrome 85, Firefox 79, Safari 14, all below the floor).
import { readFileSync } from 'node:fs'
import { parse } from 'acorn'
import { describe, expect, it } from 'vitest'

const BUNDLES = [
  ['consentry.iife.js', 'script'],
  ['consentry.min.mjs', 'module'],
  ['core.min.mjs', 'module'],
] as const

describe('the syntax the browser bundles use', () => {
  it.each(BUNDLES)('%s parses as ES2021', (file, sourceType) => {
    const code = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8')
    expect(() => parse(code, { ecmaVersion: 2021, sourceType })).not.toThrow()
  })

  it('is ES2021 only through logical assignment (nanoevents ships `||=`): rewritten, it parses as ES2020', () => {
    const code = readFileSync(new URL('../../dist/consentry.iife.js', import.meta.url), 'utf8')
    expect(code).toContain('||=')
    const es2020 = code.replace(/([\w$.]+(?:\[[\w$]+\])?)(\|\||&&|\?\?)=/g, '$1=$1$2')
    expect(() => parse(es2020, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow()
  })
})
