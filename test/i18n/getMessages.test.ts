import { afterEach, describe, expect, it } from 'vitest'
import de from '../../src/i18n/de'
import en from '../../src/i18n/en'
import { getMessages } from '../../src/i18n/getMessages'
import type { Consent, ConsentConfig } from '../../src/types'
import { normalizeConfig } from '../../src/config/normalize'

const window_ = globalThis as { consentryTranslations?: Record<string, unknown> }
const consentIn = (language: string, config: ConsentConfig = {}) =>
  ({ language, config: normalizeConfig(config) }) as unknown as Consent

afterEach(() => {
  delete window_.consentryTranslations
})

describe('getMessages', () => {
  it('gives English when nothing else is known', () => {
    expect(getMessages(consentIn('en'))).toEqual(en)
  })

  it('takes a language registered on window.consentryTranslations', () => {
    window_.consentryTranslations = { de }
    expect(getMessages(consentIn('de')).banner.acceptAll).toBe('Alle akzeptieren')
  })

  it('merges English ← registered language ← config.translations, string by string', () => {
    window_.consentryTranslations = { de: { banner: { title: 'Kekse', acceptAll: 'Ja' } } }
    const m = getMessages(consentIn('de', { translations: { de: { banner: { acceptAll: 'Gern' } } } }))
    expect([m.banner.title, m.banner.acceptAll, m.banner.rejectAll]).toEqual(['Kekse', 'Gern', en.banner.rejectAll])
  })

  it('lets config.translations add texts for service keys', () => {
    const m = getMessages(
      consentIn('en', { translations: { en: { categories: { 'analytics.hotjar': { title: 'Hotjar' } } } } }),
    )
    expect([m.categories['analytics.hotjar']!.title, m.categories.analytics!.title]).toEqual(['Hotjar', 'Analytics'])
  })

  it('does not change the English table', () => {
    getMessages(consentIn('en', { translations: { en: { banner: { title: 'Changed' } } } }))
    expect(en.banner.title).toBe('Cookie consent')
  })
})

describe('getMessages with careless translations', () => {
  it('keeps the English where a translation has the wrong shape', () => {
    const m = getMessages(
      consentIn('en', {
        translations: {
          en: {
            banner: { title: 42, acceptAll: 'Yes' },
            dialog: 'Settings',
            categories: { analytics: 'x' },
            footer: [],
          } as never,
        },
      }),
    )
    expect([m.banner.title, m.banner.acceptAll, m.dialog.title, m.categories.analytics!.title, m.footer.link]).toEqual([
      'Cookie consent',
      'Yes',
      'Cookie settings',
      'Analytics',
      'Cookie Settings',
    ])
  })
})
