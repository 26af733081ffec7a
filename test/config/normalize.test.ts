import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { normalizeConfig } from '../../src/config/normalize'
import { defaults } from '../../src/config/defaults'

let warnings: string[]
beforeEach(() => {
  warnings = []
  vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m))
})
afterEach(() => vi.restoreAllMocks())

// Each case uses a distinct bad value: warn() says each distinct problem once per page.
describe('normalizeConfig', () => {
  it('gives the four categories, all off but necessary, with no config at all', () => {
    const config = normalizeConfig(undefined)
    expect(Object.keys(config.categories)).toEqual(['necessary', 'analytics', 'marketing', 'personalization'])
    expect(config.cookie).toEqual({ name: 'consentry', path: '/', sameSite: 'Lax', maxAgeDays: 182 })
    expect(config).toEqual(defaults())
    expect(warnings).toEqual([])
  })

  it('keeps valid options', () => {
    const config = normalizeConfig({
      revision: 3,
      categories: {
        analytics: {
          cookies: ['_ga', '/^_ga_/'],
          block: ['googletagmanager.com'],
          services: { hotjar: { cookies: ['_hj'] } },
        },
      },
      cookie: { name: 'c', domain: 'example.com', sameSite: 'Strict', maxAgeDays: 30 },
      policyUrl: '/privacy',
      googleConsentMode: true,
      theme: 'dark',
    })
    expect(config.revision).toBe(3)
    expect(config.categories.analytics).toEqual({
      services: { hotjar: { cookies: ['_hj'], declaration: [{ name: '_hj' }] } },
      cookies: ['_ga', '/^_ga_/'],
      declaration: [{ name: '_ga' }, { name: '/^_ga_/' }],
      block: ['googletagmanager.com'],
    })
    expect(config.cookie).toEqual({ name: 'c', domain: 'example.com', path: '/', sameSite: 'Strict', maxAgeDays: 30 })
    expect(config.googleConsentMode).toEqual({})
    expect(warnings).toEqual([])
  })

  it('warns once naming the key, what it expects and what it got, then uses the default', () => {
    const config = normalizeConfig({ revision: 'three', reloadOnWithdraw: 'yes' })
    expect(config.revision).toBe(0)
    expect(config.reloadOnWithdraw).toBe(true)
    expect(warnings).toEqual([
      '[consentry] revision must be a whole number ≥ 0, got string "three"',
      '[consentry] reloadOnWithdraw must be true or false, got string "yes"',
    ])
  })

  it('warns about unknown keys and unknown categories', () => {
    const config = normalizeConfig({ revison: 2, categories: { ads: {} } })
    expect(config.revision).toBe(0)
    expect(warnings).toEqual([
      '[consentry] revison is not an option (ignored)',
      '[consentry] categories.ads is not an option (ignored)',
    ])
  })

  it('caps the cookie lifetime at 395 days', () => {
    expect(normalizeConfig({ cookie: { maxAgeDays: 1000 } }).cookie.maxAgeDays).toBe(395)
    expect(warnings).toEqual(['[consentry] cookie.maxAgeDays must be at most 395, got number 1000'])
  })

  it('drops a cookie pattern that is not a string or not a valid regex', () => {
    const config = normalizeConfig({ categories: { marketing: { cookies: ['_fbp', 7, '/(/'] } } })
    expect(config.categories.marketing.cookies).toEqual(['_fbp'])
    expect(warnings).toEqual([
      '[consentry] categories.marketing.cookies[1] must be a name or a valid /regex/, got number 7',
      '[consentry] categories.marketing.cookies[2] must be a name or a valid /regex/, got string "/(/"',
    ])
  })

  it('reads a path with slashes as a pattern, not as a regex with flags', () => {
    const config = normalizeConfig({ categories: { analytics: { block: ['/g/collect', '/^https:\\/\\/x\\.test/i'] } } })
    expect(config.categories.analytics.block).toEqual(['/g/collect', '/^https:\\/\\/x\\.test/i'])
    expect(warnings).toEqual([])
  })

  it('refuses javascript: and data: policy links, with tabs hidden in the scheme', () => {
    for (const url of ['javascript:alert(1)', 'java\tscript:alert(2)', ' data:text/html,x']) {
      expect(normalizeConfig({ policyUrl: url }).policyUrl).toBeUndefined()
    }
    expect(warnings).toHaveLength(3)
    expect(warnings[0]).toBe(
      '[consentry] policyUrl must be an http(s) or relative URL, got string "javascript:alert(1)"',
    )
    expect(normalizeConfig({ policyUrl: 'https://example.com/privacy' }).policyUrl).toBe('https://example.com/privacy')
  })

  it('drops translation leaves that are not strings', () => {
    const config = normalizeConfig({ translations: { de: { banner: { title: 'Cookies', acceptAll: 5 } } } })
    expect(config.translations).toEqual({ de: { banner: { title: 'Cookies' } } })
    expect(warnings).toEqual(['[consentry] translations.de.banner.acceptAll must be a string, got number 5'])
  })

  it('never throws, whatever it is given', () => {
    for (const input of [
      null,
      42,
      'x',
      [],
      { categories: [] },
      { cookie: null },
      { categories: { analytics: { services: 3 } } },
    ])
      expect(() => normalizeConfig(input)).not.toThrow()
    expect(normalizeConfig(null)).toEqual(defaults())
  })
})
