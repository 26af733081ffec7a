import { describe, expect, it } from 'vitest'
import { toTest } from '../../src/blocker/patterns'

describe('toTest', () => {
  it('matches a plain url pattern as a substring', () => {
    const test = toTest('googletagmanager.com', false)
    expect(test('https://www.googletagmanager.com/gtag/js?id=G-1')).toBe(true)
    expect(test('https://example.com/a.js')).toBe(false)
  })

  it('matches a plain name pattern exactly', () => {
    const test = toTest('_ga', true)
    expect(test('_ga')).toBe(true)
    expect(test('_ga_ABC')).toBe(false)
    expect(test('x_ga')).toBe(false)
  })

  it('treats a /regex/ string as a regular expression, flags included', () => {
    const test = toTest('/^_ga_/', true)
    expect(test('_ga_ABC')).toBe(true)
    expect(test('_gat')).toBe(false)
    expect(toTest('/PIXEL\\.gif$/i', false)('https://px.test/pixel.GIF')).toBe(true)
  })

  it('reads a path that starts with a slash as a substring, not as /regex/flags', () => {
    const test = toTest('/g/collect', false)
    expect(test('https://tags.test/g/collect?v=2')).toBe(true)
    expect(test('https://tags.test/collect')).toBe(false)
  })

  it('gives the same answer on every call even with the g flag', () => {
    const test = toTest('/ads/g', false)
    expect([test('/ads/1'), test('/ads/2'), test('/ads/3')]).toEqual([true, true, true])
  })

  it('matches nothing for an invalid expression instead of throwing', () => {
    const test = toTest('/(/', false)
    expect(test('/(/')).toBe(false)
    expect(test('anything')).toBe(false)
  })
})
