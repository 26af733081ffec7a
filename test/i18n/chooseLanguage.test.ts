import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../../src/i18n/chooseLanguage'
import { isRtl } from '../../src/i18n/isRtl'

const window_ = globalThis as { consentryTranslations?: Record<string, unknown> }

afterEach(() => {
  delete window_.consentryTranslations
  document.documentElement.lang = ''
  vi.restoreAllMocks()
})

describe('chooseLanguage', () => {
  it('takes <html lang> first, matched on the primary subtag', () => {
    document.documentElement.lang = 'de-AT'
    expect(chooseLanguage('auto', ['fr', 'de'])).toBe('de')
  })

  it('then the browser languages, in order', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pl-PL', 'fr'])
    expect(chooseLanguage('auto', ['fr', 'pl'])).toBe('pl')
  })

  it('knows the languages registered by script tag', () => {
    window_.consentryTranslations = { nl: {} }
    document.documentElement.lang = 'nl-BE'
    expect(chooseLanguage('auto', [])).toBe('nl')
  })

  it('prefers an exact regional match over the primary one', () => {
    document.documentElement.lang = 'pt-BR'
    expect(chooseLanguage('auto', ['pt', 'pt-BR'])).toBe('pt-BR')
  })

  it('takes navigator.language, or nothing, where navigator.languages is missing', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(undefined as never)
    const language = vi.spyOn(navigator, 'language', 'get').mockReturnValue('fr-CA')
    expect(chooseLanguage('auto', ['fr'])).toBe('fr')
    language.mockReturnValue(undefined as never)
    expect(chooseLanguage('auto', ['fr'])).toBe('en')
  })

  it('falls back to English when nothing matches', () => {
    document.documentElement.lang = 'sv'
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['sv'])
    expect(chooseLanguage('auto', ['de'])).toBe('en')
  })

  it('keeps an explicitly configured language', () => {
    expect(chooseLanguage('ar', [])).toBe('ar')
  })
})

describe('isRtl', () => {
  it.each([
    ['ar', true],
    ['ar-EG', true],
    ['he', true],
    ['fa-IR', true],
    ['ur', true],
    ['en', false],
    ['fr', false],
    ['arn', false],
  ])('%s → %s', (code, rtl) => {
    expect(isRtl(code)).toBe(rtl)
  })
})
