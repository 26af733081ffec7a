import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { normalizeConfig } from '../../src/config/normalize'

let warnings: string[]
beforeEach(() => {
  warnings = []
  vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m))
})
afterEach(() => vi.restoreAllMocks())

// Each case uses a distinct bad value: warn() says each distinct problem once per page.
describe('the cookie declaration in the config', () => {
  it('keeps cookies as the names the blocker enforces and declares them in the same order', () => {
    const config = normalizeConfig({
      categories: {
        analytics: {
          cookies: [
            '_ga',
            { name: '/^_ga_/', provider: 'Google', duration: '2 years', purpose: 'Keeps the session state.' },
          ],
          services: {
            hotjar: {
              title: 'Hotjar',
              provider: 'Hotjar Ltd',
              privacyPolicy: 'https://www.hotjar.com/legal/policies/privacy/',
              cookies: [{ name: '_hjSessionUser_1', duration: '1 year' }, '/^_hjSession_/'],
            },
          },
        },
      },
    })
    const analytics = config.categories.analytics
    expect(analytics.cookies).toEqual(['_ga', '/^_ga_/'])
    expect(analytics.declaration).toEqual([
      { name: '_ga' },
      { name: '/^_ga_/', provider: 'Google', duration: '2 years', purpose: 'Keeps the session state.' },
    ])
    expect(analytics.services.hotjar).toEqual({
      title: 'Hotjar',
      provider: 'Hotjar Ltd',
      privacyPolicy: 'https://www.hotjar.com/legal/policies/privacy/',
      cookies: ['_hjSessionUser_1', '/^_hjSession_/'],
      declaration: [{ name: '_hjSessionUser_1', duration: '1 year' }, { name: '/^_hjSession_/' }],
    })
    expect(warnings).toEqual([])
  })

  it('drops a declared cookie without a valid name, with one warning naming the path', () => {
    const config = normalizeConfig({
      categories: {
        marketing: {
          cookies: [{ purpose: 'Ads.' }, { name: 9, purpose: 'More ads.' }, { name: '/[/' }, { name: '_fbp' }],
        },
      },
    })
    expect(config.categories.marketing.cookies).toEqual(['_fbp'])
    expect(config.categories.marketing.declaration).toEqual([{ name: '_fbp' }])
    expect(warnings).toEqual([
      '[consentry] categories.marketing.cookies[0].name must be a name or a valid /regex/, got undefined',
      '[consentry] categories.marketing.cookies[1].name must be a name or a valid /regex/, got number 9',
      '[consentry] categories.marketing.cookies[2].name must be a name or a valid /regex/, got string "/[/"',
    ])
  })

  it('keeps a declared cookie whose other fields are wrong, without them', () => {
    const config = normalizeConfig({
      categories: {
        personalization: {
          cookies: [{ name: 'theme', provider: 1, duration: ['1 day'], purpose: null, color: 'red' }],
        },
      },
    })
    expect(config.categories.personalization.declaration).toEqual([{ name: 'theme' }])
    expect(config.categories.personalization.cookies).toEqual(['theme'])
    expect(warnings).toEqual([
      '[consentry] categories.personalization.cookies[0].provider must be a string, got number 1',
      '[consentry] categories.personalization.cookies[0].duration must be a string, got array',
      '[consentry] categories.personalization.cookies[0].purpose must be a string, got null',
      '[consentry] categories.personalization.cookies[0].color is not an option (ignored)',
    ])
  })

  it('refuses cookies that are not an array', () => {
    const config = normalizeConfig({ categories: { analytics: { cookies: { name: '_ga' } } } })
    expect([config.categories.analytics.cookies, config.categories.analytics.declaration]).toEqual([
      undefined,
      undefined,
    ])
    expect(warnings).toEqual(['[consentry] categories.analytics.cookies must be an array, got object'])
  })

  it('refuses a privacy policy that is not an https URL, and a provider that is not a string', () => {
    const bad = [
      'http://example.com/privacy',
      '/privacy',
      'javascript:alert(1)',
      ' data:text/html,x',
      'java\tscript:alert(2)',
      5,
    ]
    const services = Object.fromEntries(bad.map((url, i) => ['s' + i, { privacyPolicy: url }]))
    const config = normalizeConfig({
      categories: {
        marketing: { services: { ...services, ok: { provider: {}, privacyPolicy: 'https://example.com/p' } } },
      },
    })
    for (const [name, service] of Object.entries(config.categories.marketing.services))
      expect(service.privacyPolicy).toBe(name == 'ok' ? 'https://example.com/p' : undefined)
    expect(config.categories.marketing.services.ok!.provider).toBeUndefined()
    expect(warnings).toEqual([
      '[consentry] categories.marketing.services.s0.privacyPolicy must be an https URL, got string "http://example.com/privacy"',
      '[consentry] categories.marketing.services.s1.privacyPolicy must be an https URL, got string "/privacy"',
      '[consentry] categories.marketing.services.s2.privacyPolicy must be an https URL, got string "javascript:alert(1)"',
      '[consentry] categories.marketing.services.s3.privacyPolicy must be an https URL, got string " data:text/html,x"',
      '[consentry] categories.marketing.services.s4.privacyPolicy must be an https URL, got string "java\\tscript:alert(2)"',
      '[consentry] categories.marketing.services.s5.privacyPolicy must be an https URL, got number 5',
      '[consentry] categories.marketing.services.ok.provider must be a string, got object',
    ])
  })

  it('takes provider and privacyPolicy on services only', () => {
    const config = normalizeConfig({
      categories: { analytics: { provider: 'Us', privacyPolicy: 'https://example.com/q' } },
    })
    expect(config.categories.analytics).toEqual({ services: {} })
    expect(warnings).toEqual([
      '[consentry] categories.analytics.provider is not an option (ignored)',
      '[consentry] categories.analytics.privacyPolicy is not an option (ignored)',
    ])
  })

  it('takes per-language durations and purposes through translations', () => {
    const config = normalizeConfig({
      translations: {
        de: { cookies: { _ga: { duration: '2 Jahre', purpose: 7 }, '/^_ga_/': { purpose: 'Sitzung.' } } },
      },
    })
    expect(config.translations).toEqual({
      de: { cookies: { _ga: { duration: '2 Jahre' }, '/^_ga_/': { purpose: 'Sitzung.' } } },
    })
    expect(warnings).toEqual(['[consentry] translations.de.cookies._ga.purpose must be a string, got number 7'])
  })
})
