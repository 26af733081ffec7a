// Config shapes the fuzzer found (or would take long to find) that once crashed the SDK
// or bent its objects: each now gives a warning and the default.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createConsentWith } from '../../src/consent'
import { defaults } from '../../src/config/defaults'
import { normalizeConfig } from '../../src/config/normalize'

let warnings: string[]
beforeEach(() => {
  warnings = []
  vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m))
})
afterEach(() => {
  vi.restoreAllMocks()
  for (const pair of document.cookie.split('; ').filter(Boolean))
    document.cookie = pair.split('=')[0] + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
})

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'valueOf',
  'toString',
  'hasOwnProperty',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
]

describe('a hostile config', () => {
  it('ignores option names that Object.prototype has, at every level, with a warning', () => {
    for (const key of PROTO_KEYS) {
      const inner = `{"${key}": 1}`
      const configs = [
        inner,
        `{"cookie": ${inner}}`,
        `{"categories": {"analytics": ${inner}}}`,
        `{"categories": {"analytics": {"services": {"x": ${inner}}}}}`,
        `{"googleConsentMode": ${inner}}`,
      ]
      for (const json of configs) {
        const config = normalizeConfig(JSON.parse(json))
        const expected = defaults()
        if (json.includes('"x"')) expected.categories.analytics.services = { x: {} }
        if (json.includes('googleConsentMode')) expected.googleConsentMode = {}
        expect(config, json).toEqual(expected)
        expect(JSON.stringify(config), json).not.toContain(key)
      }
    }
    expect(warnings).toContain('[consentry] valueOf is not an option (ignored)')
    expect(warnings).toContain('[consentry] cookie.__proto__ is not an option (ignored)')
    expect(warnings).toContain('[consentry] categories.analytics.services.x.hasOwnProperty is not an option (ignored)')
  })

  it('keeps the prototype of translations and services when the JSON names a __proto__ key', () => {
    const config = normalizeConfig(
      JSON.parse(
        '{"translations": {"__proto__": {"banner": {"title": "x"}}, "de": {"__proto__": {"title": "y"}, "banner": {"title": "Hallo"}}},' +
          ' "categories": {"analytics": {"services": {"__proto__": {"title": "z"}}}}}',
      ),
    )
    expect(Object.getPrototypeOf(config.translations)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(config.translations.de)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(config.categories.analytics.services)).toBe(Object.prototype)
    expect(config.translations).toEqual({ de: { banner: { title: 'Hallo' } } })
    expect(({} as Record<string, unknown>).banner).toBeUndefined()
    expect(warnings).toContain('[consentry] translations.__proto__ is not an option (ignored)')
    expect(warnings).toContain('[consentry] translations.de.__proto__ is not an option (ignored)')
  })

  it('refuses translations nested deeper than any message, without overflowing the stack', () => {
    const json = '{"translations": {"en": ' + '{"a": '.repeat(50_000) + '"x"' + '}'.repeat(50_000) + '}}'
    const config = normalizeConfig(JSON.parse(json))
    expect(JSON.stringify(config.translations)).toBe('{"en":{"a":{"a":{"a":{"a":{}}}}}}')
    expect(warnings).toContain('[consentry] translations.en.a.a.a.a.a must be a string, got object')
  })

  it('refuses a revision too large to survive the round trip through the cookie', () => {
    for (const revision of [2 ** 53, 1e300]) {
      const consent = createConsentWith({ revision }, [])
      expect(consent.config.revision).toBe(0)
      consent.reset()
    }
    expect(warnings).toContain('[consentry] revision must be a whole number ≥ 0, got number 1e+300')
    const largest = createConsentWith({ revision: Number.MAX_SAFE_INTEGER }, [])
    largest.acceptAll()
    expect(createConsentWith({ revision: Number.MAX_SAFE_INTEGER }, []).decided).toBe(true)
  })

  it('refuses a cookie name that js-cookie would look up on Object.prototype', () => {
    for (const name of ['constructor', 'hasOwnProperty', '__proto__']) {
      expect(normalizeConfig({ cookie: { name } }).cookie.name).toBe('consentry')
      expect(warnings).toContain(`[consentry] cookie.name must be a cookie name, got string "${name}"`)
    }
  })
})
